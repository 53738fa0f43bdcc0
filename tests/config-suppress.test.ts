import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { makeDocx } from "./fixtures/make-documents.js";
import { fakeIo } from "./helpers.js";

const HEAD = `This Agreement is made between Harbour Foods Limited (the "Customer") and Quayside Logistics Ltd (the "Supplier").\n\n`;
const ONE_WAY = "The Supplier shall indemnify, defend and hold harmless the Customer against all claims arising from this Agreement.";

async function project(rc: string, files: Record<string, string | Uint8Array>) {
  const dir = await mkdtemp(join(tmpdir(), "trustlint-csup-"));
  await writeFile(join(dir, ".trustlintrc.yaml"), rc);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

async function check(dir: string, args: string[]) {
  const io = fakeIo({ cwd: dir });
  const code = await main(
    ["check", ...args.map((a) => (a.includes(".") && !a.startsWith("-") && !a.startsWith("/") ? join(dir, a) : a))],
    io,
  );
  return { code, out: io.out, err: io.err };
}

const oneWay = (out: string) =>
  JSON.parse(out).documents[0].findings.filter((f: { ruleId: string }) => f.ruleId === "ra-indemnity-one-way");

describe("config suppressions", { timeout: 60_000 }, () => {
  it("suppresses a rule in one clause with its reason; the other clause stays open and the gate counts only it", async () => {
    const rc = `suppress:\n  - rule: ra-indemnity-one-way\n    clause: "8.1"\n    reason: agreed with legal\n`;
    const dir = await project(rc, {
      "deal.txt": `${HEAD}8. Indemnity\n\n8.1 ${ONE_WAY}\n\n9. More\n\n9.1 ${ONE_WAY.replace("all claims", "all losses")}\n`,
    });
    const r = await check(dir, ["deal.txt", "-f", "json", "-c", join(dir, ".trustlintrc.yaml")]);
    const f = oneWay(r.out);
    expect(f).toHaveLength(2);
    expect(f.find((x: { location: { clause: string } }) => x.location.clause === "8.1").suppressed).toEqual({
      kind: "config",
      reason: "agreed with legal",
    });
    expect(f.find((x: { location: { clause: string } }) => x.location.clause === "9.1").suppressed).toBeUndefined();
    const sarif = await check(dir, ["deal.txt", "-f", "sarif", "-c", join(dir, ".trustlintrc.yaml")]);
    const results = JSON.parse(sarif.out).runs[0].results.filter((x: { ruleId: string }) => x.ruleId === "ra-indemnity-one-way");
    expect(
      results
        .filter((x: { suppressions?: unknown[] }) => x.suppressions)
        .map((x: { suppressions: { kind: string; justification: string }[] }) => x.suppressions[0]),
    ).toEqual([{ kind: "external", justification: "agreed with legal" }]);
  });

  it("works for Word files too, and changes the score like an inline suppression", async () => {
    const docx = await makeDocx([{ text: HEAD.trim() }, { level: 0, text: "Indemnity" }, { level: 1, text: ONE_WAY }]);
    const dir = await project("suppress:\n  - rule: ra-indemnity-one-way\n    reason: insurer covers it\n", { "deal.docx": docx });
    const plain = await check(dir, ["deal.docx", "-f", "json", "--no-config"]);
    const suppressed = await check(dir, ["deal.docx", "-f", "json", "-c", join(dir, ".trustlintrc.yaml")]);
    expect(oneWay(plain.out)[0].suppressed).toBeUndefined();
    expect(oneWay(suppressed.out)[0].suppressed).toEqual({ kind: "config", reason: "insurer covers it" });
    const risk = (out: string) =>
      JSON.parse(out).documents[0].score.principles.find((p: { id: string }) => p.id === "risk-allocation").score;
    expect(risk(suppressed.out)).toBeGreaterThan(risk(plain.out));
  });

  it("refuses a suppression without a reason, or naming an unknown rule, as a config error", async () => {
    const noReason = await project("suppress:\n  - rule: ra-indemnity-one-way\n    clause: '8.1'\n", {
      "deal.txt": `${HEAD}8.1 ${ONE_WAY}\n`,
    });
    const r = await check(noReason, ["deal.txt", "-c", join(noReason, ".trustlintrc.yaml")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CONFIG_SCHEMA .*needs a reason/);
    const blank = await project("suppress:\n  - {rule: ra-indemnity-one-way, reason: '  '}\n", { "deal.txt": `${HEAD}8.1 ${ONE_WAY}\n` });
    expect((await check(blank, ["deal.txt", "-c", join(blank, ".trustlintrc.yaml")])).code).toBe(2);
    const unknown = await project("suppress:\n  - {rule: ra-no-such-rule, reason: typo}\n", { "deal.txt": `${HEAD}8.1 ${ONE_WAY}\n` });
    const u = await check(unknown, ["deal.txt", "-c", join(unknown, ".trustlintrc.yaml")]);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/CONFIG_SCHEMA suppress\[0\]\.rule: unknown rule id 'ra-no-such-rule'/);
  });

  it("warns about an entry that matched nothing", async () => {
    const dir = await project("suppress:\n  - {rule: ra-indemnity-one-way, clause: '99.9', reason: old deal}\n", {
      "deal.txt": `${HEAD}8.1 ${ONE_WAY}\n`,
    });
    const r = await check(dir, ["deal.txt", "-f", "json", "-c", join(dir, ".trustlintrc.yaml")]);
    expect(r.err).toMatch(/unused suppression suppress\[0\] ra-indemnity-one-way clause 99\.9/);
  });
});
