import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CLEANING, HARBOUR, run, scratch, write } from "./util.js";

const findings = (out: string, i = 0) => JSON.parse(out).documents[i].findings as { ruleId: string; severity: string }[];

describe(".trustlintrc.yaml", { timeout: 60_000 }, () => {
  test("is discovered from the working directory upwards", async () => {
    const dir = await scratch();
    await write(dir, ".trustlintrc.yaml", "rules:\n  sv-no-shared-vision: off\n");
    await mkdir(join(dir, "portfolio/sub/deeper"), { recursive: true });
    const r = await run(join(dir, "portfolio/sub/deeper"), ["check", "-f", "json", "../../harbour-logistics.txt"]);
    expect(findings(r.out).map((f) => f.ruleId)).not.toContain("sv-no-shared-vision");
    expect(findings(r.out).map((f) => f.ruleId)).toContain("ra-indemnity-one-way");
    const none = await run(join(dir, "portfolio/sub/deeper"), ["check", "-f", "json", "--no-config", "../../harbour-logistics.txt"]);
    expect(findings(none.out).map((f) => f.ruleId)).toContain("sv-no-shared-vision");
  });

  test("schema errors point at file:line:col", async () => {
    const dir = await scratch();
    await write(dir, ".trustlintrc.yaml", "rules:\n  ra-indemnity-one-way: severe\nmin-scroe: 50\n");
    const r = await run(dir, ["check", HARBOUR]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(".trustlintrc.yaml:2:3: CONFIG_SCHEMA rules.ra-indemnity-one-way:");
    expect(r.err).toContain(".trustlintrc.yaml:3:1: CONFIG_SCHEMA unknown key 'min-scroe'");
  });

  test("YAML syntax errors are CONFIG_YAML_SYNTAX with a position", async () => {
    const dir = await scratch();
    await write(dir, "team.yaml", "rules: [unclosed\n");
    const r = await run(dir, ["check", HARBOUR, "--config", "team.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/team\.yaml:\d+:\d+: CONFIG_YAML_SYNTAX/);
  });

  test("severity overrides, weights, thresholds and default format apply; flags win over the file", async () => {
    const dir = await scratch();
    await write(
      dir,
      ".trustlintrc.yaml",
      [
        "format: json",
        "rules:",
        "  ra-indemnity-one-way: critical",
        "weights: {risk-allocation: 1}",
        "min-score: {risk-allocation: 30}",
        "",
      ].join("\n"),
    );
    const r = await run(dir, ["check", HARBOUR]);
    const doc = JSON.parse(r.out).documents[0];
    expect(doc.findings.find((f: { ruleId: string }) => f.ruleId === "ra-indemnity-one-way").severity).toBe("critical");
    // Only risk-allocation weighs, so the weighted mean is its score (capped at 40 by the critical flag, then -30),
    // and the index is that score stretched around the base by the policy's gain.
    const risk = doc.score.principles.find((p: { id: string }) => p.id === "risk-allocation");
    const { base, gain } = doc.score;
    expect(doc.score.overall).toBe(Math.round(Math.max(0, Math.min(100, base + gain * (risk.score - base)))));
    expect(r.code).toBe(1);
    expect(r.err).toContain("risk-allocation score");
    const csv = await run(dir, ["check", HARBOUR, "-f", "csv", "--min-score", "risk-allocation=0"]);
    expect(csv.out.startsWith("path,format")).toBe(true);
    expect(csv.code).toBe(0);
  });

  test("unknown rule ids in the config are errors", async () => {
    const dir = await scratch();
    await write(dir, ".trustlintrc.yaml", "rules:\n  no-such-rule: off\n");
    const r = await run(dir, ["check", HARBOUR]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("CONFIG_SCHEMA rules: unknown rule id 'no-such-rule'");
  });

  test("roles override the parties' roles", async () => {
    const dir = await scratch();
    await write(dir, ".trustlintrc.yaml", "roles:\n  Customer: supplier\n  Supplier: buyer\n");
    const r = await run(dir, ["check", "-f", "json", HARBOUR]);
    const parties = JSON.parse(r.out).documents[0].parties.map((p: { alias: string; role: string }) => `${p.alias}=${p.role}`);
    expect(parties).toEqual(["Customer=supplier", "Supplier=buyer"]);
  });

  test("ignore globs in the config leave files out", async () => {
    const dir = await scratch();
    await write(dir, ".trustlintrc.yaml", "ignore: ['sub/']\n");
    const r = await run(dir, ["check", "-f", "json", "portfolio"]);
    expect(JSON.parse(r.out).documents.map((d: { path: string }) => d.path)).toEqual([HARBOUR]);
  });

  test("a team pack adds topics and rules on top of the built-in pack, or replaces it with extends: none", async () => {
    const dir = await scratch();
    await mkdir(join(dir, "team/topics"), { recursive: true });
    await mkdir(join(dir, "team/principles/term-exit"), { recursive: true });
    await write(
      dir,
      "team/topics/three-year-term.yaml",
      [
        "id: three-year-term",
        "title: Fixed three-year term",
        "description: The agreement runs for a fixed three years.",
        "trigger: ['runs for three years']",
        "examples:",
        "  match: ['This Agreement runs for three years.']",
        "  no-match: ['This Agreement runs until terminated.']",
        "",
      ].join("\n"),
    );
    await write(
      dir,
      "team/principles/term-exit/te-fixed-term.yaml",
      [
        "id: te-fixed-term",
        "title: Fixed term without review",
        "principle: term-exit",
        "kind: flag",
        "severity: low",
        "when:",
        "  fact: {topic: three-year-term}",
        "message: The term is fixed with no review point",
        "rationale: A fixed term with no review point gives neither side a moment to adjust the deal to what they learned.",
        "suggestion: Add a joint review at the end of year one with an option to extend or re-scope.",
        "sources: [team playbook]",
        "examples:",
        "  trigger: ['This Agreement runs for three years from the Effective Date.']",
        "  no-trigger: ['This Agreement runs until either party ends it on notice.']",
        "",
      ].join("\n"),
    );
    const builtinOnly = findings((await run(dir, ["check", "-f", "json", HARBOUR])).out).map((f) => f.ruleId);
    await write(dir, ".trustlintrc.yaml", "rule-folders: [team]\n");
    const ext = await run(dir, ["check", "-f", "json", HARBOUR]);
    expect(ext.err).toBe("");
    expect(
      findings(ext.out)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual([...builtinOnly, "te-fixed-term"].sort());
    await write(dir, ".trustlintrc.yaml", "extends: none\nrule-folders: [team]\n");
    const only = await run(dir, ["check", "-f", "json", HARBOUR]);
    expect(findings(only.out).map((f) => f.ruleId)).toEqual(["te-fixed-term"]);
  });

  test("a preset the pack declares is selectable by --preset and by the config; an unknown one is refused", async () => {
    const dir = await scratch();
    await mkdir(join(dir, "team"));
    const only = (p: string) =>
      ["shared-vision", "pricing-incentives", "risk-allocation", "governance", "trust-transparency", "term-exit", "dispute-resolution"]
        .map((q) => `${q}: ${q === p ? 1 : 0}`)
        .join(", ");
    await write(dir, "team/policy.yaml", `score:\n  weights:\n    presets:\n      risk-only: {${only("risk-allocation")}}\n`);
    await write(dir, ".trustlintrc.yaml", "rule-folders: [team]\nweights: risk-only\n");
    const fromConfig = await run(dir, ["check", "-f", "json", HARBOUR]);
    const weights = (out: string) => JSON.parse(out).documents[0].score.principles.map((p: { weight: number }) => p.weight);
    expect(weights(fromConfig.out)).toEqual([0, 0, 1, 0, 0, 0, 0]);
    const fromFlag = await run(dir, ["check", "-f", "json", "--preset", "transactional", HARBOUR]);
    expect(weights(fromFlag.out)).toEqual([5, 15, 35, 10, 5, 15, 15]);

    await write(dir, ".trustlintrc.yaml", "rule-folders: [team]\n\nweights: risk-onyl\n");
    const badConfig = await run(dir, ["check", HARBOUR]);
    expect(badConfig.code).toBe(2);
    expect(badConfig.err).toMatch(
      /\.trustlintrc\.yaml:3:1: CONFIG_SCHEMA weights: no weight preset 'risk-onyl' \(the rule pack declares: relational, transactional, risk-only\)/,
    );
    const badFlag = await run(dir, ["check", "--preset", "risk-onyl", "--no-config", HARBOUR]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toContain("USAGE --preset: no weight preset 'risk-onyl' (the rule pack declares: relational, transactional)");
  });

  test("the file `trustlint init` writes is accepted with every section uncommented", async () => {
    const { initFiles } = await import("../../src/cli/commands/init.js");
    const { loadPack } = await import("../../src/core/rule-files.js");
    const { packPolicy } = await import("../../src/engine/index.js");
    const pack = await loadPack([], process.cwd());
    if (!pack.ok) throw new Error("the built-in pack does not load");
    const text = initFiles(packPolicy(pack.value).score).find((f) => f.name === ".trustlintrc.yaml")!.text;
    const open = text
      .split("\n")
      .map((l) => l.replace(/^# ((?:[a-z-]+|\s+[\w"-][^:]*):(?:\s.*)?|\s+- .*)$/, "$1"))
      .join("\n")
      .replace("./house-rules", "team");
    expect(open).toContain("\nthresholds:");
    const dir = await scratch();
    await mkdir(join(dir, "team"));
    await write(dir, ".trustlintrc.yaml", open);
    const r = await run(dir, ["print-config", HARBOUR]);
    expect(r.err).toBe("");
    const c = JSON.parse(r.out);
    expect(c.rulesOff).toEqual(["sv-no-shared-vision"]);
    expect(c.ruleFolders).toEqual(["team"]);
    expect(c.thresholds).toEqual({ minScore: 50, failOn: "high", maxFlags: 10 });
  });

  test("print-config shows the effective configuration for a file", async () => {
    const dir = await scratch();
    await write(
      dir,
      ".trustlintrc.yaml",
      "rules:\n  sv-no-shared-vision: off\n  ra-indemnity-one-way: medium\nfail-on: high\nignore: ['sub/']\n",
    );
    const r = await run(dir, ["print-config", CLEANING]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.configFile).toMatch(/\.trustlintrc\.yaml$/);
    expect(c.ignored).toBe(true);
    expect(c.rules["ra-indemnity-one-way"]).toBe("medium");
    expect(c.rules["sv-no-shared-vision"]).toBeUndefined();
    expect(c.rulesOff).toEqual(["sv-no-shared-vision"]);
    expect(c.thresholds.failOn).toBe("high");
    expect(JSON.parse((await run(dir, ["print-config", HARBOUR])).out).ignored).toBe(false);
  });
});
