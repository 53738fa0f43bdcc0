import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPack } from "../src/core/rule-files.js";
import { analyseBytes } from "../src/core/pipeline.js";
import { loadPolicyFiles, loadRuleFiles, packPolicy } from "../src/engine/index.js";
import { builtinPack } from "./helpers.js";

/**
 * The scoring numbers, the deal-summary thresholds and the mitigation pairs come from the pack (policy.yaml and
 * the rules' `mitigated-by:`), are validated like rule files, and a user pack can change them.
 */

const BUILTIN_POLICY = { file: "rules/policy.yaml", text: await readFile("rules/policy.yaml", "utf8") };
/** The built-in policy with a team pack's policy.yaml laid over it. */
const withTeamPolicy = (text: string) => loadPolicyFiles([BUILTIN_POLICY, { file: "team/policy.yaml", text }]);

describe("policy.yaml", () => {
  it("the built-in policy is complete and the built-in rules declare their mitigations", async () => {
    const { policy, errors } = loadPolicyFiles([BUILTIN_POLICY]);
    expect(errors).toEqual([]);
    expect(policy!.score.range.min).toBeLessThan(policy!.score.range.max);
    const mitigations = packPolicy(await builtinPack()).score.mitigations;
    expect(Object.keys(mitigations).length).toBeGreaterThan(0);
    const pack = await builtinPack();
    for (const [flag, strengths] of Object.entries(mitigations)) {
      expect(pack.rules.find((r) => r.id === flag)?.kind).toBe("flag");
      for (const s of strengths) expect(pack.rules.find((r) => r.id === s)?.kind).toBe("strength");
    }
  });

  it("refuses an unknown key at its line and column", () => {
    const { policy, errors } = loadPolicyFiles([
      BUILTIN_POLICY,
      { file: "team/policy.yaml", text: "score:\n  base: 50\n  bonus-points: 3\n" },
    ]);
    expect(policy).toBeNull();
    expect(errors[0]).toMatchObject({ code: "RULE_SCHEMA", path: "team/policy.yaml", line: 3, column: 3 });
    expect(errors[0]!.message).toContain("score.bonus-points");
  });

  it("refuses a value out of range at its line", () => {
    const { errors } = loadPolicyFiles([BUILTIN_POLICY, { file: "team/policy.yaml", text: "score:\n  repeat-decay: 1.5\n" }]);
    expect(errors[0]).toMatchObject({ code: "RULE_SCHEMA", path: "team/policy.yaml", line: 2 });
  });

  it("an override sets only the keys it names; a list replaces the list before it", () => {
    const { policy } = loadPolicyFiles([
      BUILTIN_POLICY,
      {
        file: "team/policy.yaml",
        text: "score:\n  flag-points: {high: 25}\n  caps: [{severity: high, count: 1, limit: 55, reason: one high flag is enough}]\n",
      },
    ]);
    const { policy: builtin } = loadPolicyFiles([BUILTIN_POLICY]);
    expect(policy!.score.flagPoints).toEqual({ ...builtin!.score.flagPoints, high: 25 });
    expect(policy!.score.caps).toEqual([{ severity: "high", count: 1, limit: 55, reason: "one high flag is enough" }]);
    expect(policy!.score.base).toBe(builtin!.score.base);
    expect(policy!.deal).toEqual(builtin!.deal);
  });

  it("declares the weight presets, and the default is one of them", () => {
    const { policy } = loadPolicyFiles([BUILTIN_POLICY]);
    const { weightPresets, defaultPreset } = policy!.score;
    expect(Object.keys(weightPresets)).toEqual(["relational", "transactional"]);
    expect(Object.keys(weightPresets)).toContain(defaultPreset);
  });

  it("a pack may add a weight preset or change part of a known one", () => {
    const { policy, errors } = withTeamPolicy(
      [
        "score:",
        "  weights:",
        "    default: risk-first",
        "    presets:",
        "      relational: {governance: 30}",
        "      risk-first: {shared-vision: 0, pricing-incentives: 0, risk-allocation: 1, governance: 0, trust-transparency: 0, term-exit: 0, dispute-resolution: 0}",
        "",
      ].join("\n"),
    );
    expect(errors).toEqual([]);
    const { policy: builtin } = loadPolicyFiles([BUILTIN_POLICY]);
    expect(policy!.score.defaultPreset).toBe("risk-first");
    expect(policy!.score.weightPresets.relational).toEqual({ ...builtin!.score.weightPresets.relational, governance: 30 });
    expect(policy!.score.weightPresets["risk-first"]!["risk-allocation"]).toBe(1);
  });

  it("refuses a new preset that leaves out a principle, and a default that names no preset, at their lines", () => {
    const { policy, errors } = withTeamPolicy("score:\n  weights:\n    default: lean\n    presets:\n      risky: {risk-allocation: 1}\n");
    expect(policy).toBeNull();
    expect(errors[0]).toMatchObject({ code: "RULE_SCHEMA", path: "team/policy.yaml", line: 5, column: 7 });
    expect(errors[0]!.message).toContain("missing: shared-vision");
    expect(errors[1]).toMatchObject({ code: "RULE_SCHEMA", path: "team/policy.yaml", line: 3 });
    expect(errors[1]!.message).toContain("no weight preset 'lean'");
  });

  it("a pack without the built-in policy must give every key", () => {
    const { policy, errors } = loadPolicyFiles([{ file: "team/policy.yaml", text: "score:\n  base: 50\n" }]);
    expect(policy).toBeNull();
    expect(errors.map((e) => e.message).join("\n")).toContain("policy incomplete");
  });
});

describe("mitigated-by", () => {
  const rule = (id: string, kind: string, extra = "") =>
    `id: ${id}\ntitle: T\nprinciple: term-exit\nkind: ${kind}\nseverity: high\n${extra}when:\n  absent: [probe]\nmessage: m\nrationale: a rationale long enough to pass\nsuggestion: a suggestion long enough to pass\nexamples: {trigger: [a], no-trigger: [b]}\n`;
  const topic = {
    file: "t/probe.yaml",
    text: "id: probe\ntitle: P\ndescription: d\ntrigger: [probe]\nexamples: {match: [probe], no-match: [x]}\n",
  };

  it("names strength rules that exist", () => {
    const ok = loadRuleFiles([
      topic,
      { file: "r/tx-a.yaml", text: rule("tx-a", "flag", "mitigated-by: [tx-b]\n") },
      { file: "r/tx-b.yaml", text: rule("tx-b", "strength") },
    ]);
    expect(ok.errors).toEqual([]);
    const unknown = loadRuleFiles([topic, { file: "r/tx-a.yaml", text: rule("tx-a", "flag", "mitigated-by: [tx-nope]\n") }]);
    expect(unknown.errors.map((e) => e.message)).toEqual(["rule 'tx-a' is mitigated-by unknown rule 'tx-nope'"]);
    const notStrength = loadRuleFiles([
      topic,
      { file: "r/tx-a.yaml", text: rule("tx-a", "flag", "mitigated-by: [tx-b]\n") },
      { file: "r/tx-b.yaml", text: rule("tx-b", "gap") },
    ]);
    expect(notStrength.errors[0]!.message).toContain("which is a gap, not a strength");
  });
});

describe("a user pack's policy", () => {
  it("changes the deal-summary thresholds and the score base", async () => {
    const dir = await mkdtemp(join(tmpdir(), "trustlint-policy-"));
    const deal = join(dir, "deal.yaml");
    await writeFile(deal, "parties: [{name: A, role: buyer}, {name: B, role: supplier}]\npricing: {payment_terms_days: 75}\n");
    const bytes = new Uint8Array(await readFile(deal));
    const before = await analyseBytes(deal, bytes, await builtinPack());
    expect(before.findings.map((f) => f.ruleId)).toContain("pi-late-payment-terms");

    const pack = join(dir, "pack");
    await mkdir(pack);
    await writeFile(join(pack, "policy.yaml"), "deal-summary:\n  late-payment-over-days: 90\nscore:\n  base: 70\n");
    const loaded = await loadPack([pack], dir);
    if (!loaded.ok) throw new Error(loaded.error.map((e) => e.message).join("\n"));
    const after = await analyseBytes(deal, bytes, loaded.value);
    expect(after.findings.map((f) => f.ruleId)).not.toContain("pi-late-payment-terms");
    expect(after.score!.principles.every((p) => p.base === 70)).toBe(true);

    // A pack that replaces the built-in rules keeps the built-in policy under its own.
    const alone = await loadPack([pack], dir, {}, { builtin: false });
    if (!alone.ok) throw new Error(alone.error.map((e) => e.message).join("\n"));
    expect(packPolicy(alone.value).score.base).toBe(70);
    expect(packPolicy(alone.value).score.caps).toEqual(packPolicy(await builtinPack()).score.caps);
  });
});
