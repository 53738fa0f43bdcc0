import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPORTERS } from "../src/report/index.js";
import type { DocumentReport, Report } from "../src/model/report.js";
import { HARBOUR, run, scratch } from "./batch/util.js";

async function shard(dir: string): Promise<{ schemaVersion: 1; documents: Record<string, any>[] }> {
  const { out } = await run(dir, ["check", HARBOUR, "-f", "json"]);
  return JSON.parse(out);
}

const ESC = "\u001b";

describe("merge validates its inputs like compare (issue item 6)", { timeout: 60_000 }, () => {
  it("refuses a shard whose location.line carries GitHub workflow commands, naming the file and the field", async () => {
    const dir = await scratch();
    const report = await shard(dir);
    report.documents[0]!.findings[0].location.line = "1::add-mask::secret\n::error file=x::pwned";
    await writeFile(join(dir, "shard.json"), JSON.stringify(report));
    const { code, out, err } = await run(dir, ["merge", "shard.json", "-f", "github"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^trustlint: shard\.json: USAGE not a valid trustlint JSON report: documents\.0\.findings\.0\.location\.line: /);
    expect(err).not.toContain("::add-mask::");
  });

  it("refuses markup in score.overall or severity instead of putting it into the HTML", async () => {
    const dir = await scratch();
    for (const tamper of [
      (r: Record<string, any>) => (r.score.overall = '<meta http-equiv="refresh" content="0;url=https://evil.example">'),
      (r: Record<string, any>) => (r.findings[0].severity = '"><meta http-equiv="refresh">'),
    ]) {
      const report = await shard(dir);
      tamper(report.documents[0]!);
      await writeFile(join(dir, "shard.json"), JSON.stringify(report));
      const { code, out, err } = await run(dir, ["merge", "shard.json", "-f", "html"]);
      expect(code).toBe(2);
      expect(out).not.toContain("<meta http-equiv");
      expect(err).toMatch(/shard\.json: USAGE not a valid trustlint JSON report: documents\.0\.(score\.overall|findings\.0\.severity)/);
    }
  });

  it("a structurally broken shard is one USAGE line with the file name, not INTERNAL … reading 'map'", async () => {
    const dir = await scratch();
    await writeFile(join(dir, "broken.json"), JSON.stringify({ schemaVersion: 1, documents: [{ path: "a.txt" }] }));
    const { code, err } = await run(dir, ["merge", "broken.json"]);
    expect(code).toBe(2);
    expect(err).toMatch(/^trustlint: broken\.json: USAGE not a valid trustlint JSON report: documents\.0\./);
    expect(err).not.toMatch(/INTERNAL/);
  });

  it("a good shard still merges", async () => {
    const dir = await scratch();
    await writeFile(join(dir, "shard.json"), JSON.stringify(await shard(dir)));
    const { code, out } = await run(dir, ["merge", "shard.json", "-f", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).documents).toHaveLength(1);
  });
});

describe("every field escaped by its format (issue items 6, 7 and smaller)", { timeout: 60_000 }, () => {
  it("the stale-baseline listing prints baseline fields escaped: no ESC, no OSC 52, no forged line", async () => {
    const dir = await scratch();
    const baseline = {
      trustlintBaseline: 1,
      entries: [
        { path: HARBOUR, ruleId: `x${ESC}]52;c;cHduZWQ=\u0007`, fingerprint: `f\ntrustlint: all clear${ESC}[2J`, title: "t", line: 3 },
      ],
    };
    await writeFile(join(dir, "baseline.json"), JSON.stringify(baseline));
    const { err } = await run(dir, ["check", HARBOUR, "--baseline", "baseline.json", "-f", "json"]);
    expect(err).toMatch(/stale baseline entr/);
    expect(err).not.toContain(ESC);
    expect(err).not.toContain("\u0007");
    expect(err.split("\n").some((l) => l.startsWith("trustlint: all clear"))).toBe(false);
    expect(err).toContain("\\x0atrustlint: all clear");
  });

  it("C1 controls and bidi overrides do not reach JSON, SARIF, CSV, GitHub output or the terminal header", () => {
    const nasty = `evil\u009b31m\u202etxt.exe\nnext`;
    const doc: DocumentReport = {
      path: `dir/${nasty}.txt`,
      format: null,
      error: { code: "INPUT_EMPTY", message: nasty },
      parties: [],
      score: null,
      facts: [],
      findings: [],
    };
    const report: Report = { tool: { name: "trustlint", version: "0" }, documents: [doc], rules: [] };
    for (const format of ["json", "sarif"] as const) {
      const text = REPORTERS[format](report, { cwd: "/", color: false });
      expect(text).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
      expect(text).toContain("\\u009b");
      expect(JSON.stringify(JSON.parse(text))).toContain("\u009b"); // same values, escaped
    }
    for (const format of ["csv", "github"] as const)
      expect(REPORTERS[format](report, { cwd: "/", color: false })).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    // An error document prints nothing in the terminal (its error goes to stderr once), so the header is checked on a scored one.
    const scored: DocumentReport = { ...doc, error: null, score: { overall: 50, principles: [] } };
    const terminal = REPORTERS.terminal({ ...report, documents: [scored] }, { cwd: "/", color: false });
    expect(terminal).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect(terminal.split("\n")[0]).toContain("\\x0anext");
  });
});
