import { describe, expect, test } from "vitest";
import type { Finding } from "../../src/model/finding.js";
import type { DocumentReport, Report } from "../../src/model/report.js";
import { REPORTERS } from "../../src/report/index.js";
import { STREAMING } from "../../src/report/stream.js";
import { cell, renderCsv } from "../../src/report/csv.js";
import { renderGithub } from "../../src/report/github.js";
import { renderSarif } from "../../src/report/sarif.js";
import { analyseFile } from "../helpers.js";
import { run, scratch } from "./util.js";

async function realReport(): Promise<Report> {
  const dir = await scratch();
  const r = await run(dir, ["check", "-f", "json", "portfolio"]);
  expect(r.code).toBe(0);
  const docs = [
    await analyseFile("tests/fixtures/batch/portfolio/harbour-logistics.txt"),
    await analyseFile("tests/fixtures/batch/portfolio/sub/mutual-cleaning.md"),
    await analyseFile("tests/fixtures/batch/suppressed.md"),
  ];
  const { loadPack } = await import("../../src/core/rule-files.js");
  const { toMeta } = await import("../../src/core/meta.js");
  const pack = await loadPack([], process.cwd());
  if (!pack.ok) throw new Error("pack");
  const missing: DocumentReport = {
    path: "gone.txt",
    format: null,
    error: { code: "INPUT_NOT_FOUND", message: "no such file" },
    parties: [],
    score: null,
    facts: [],
    findings: [],
  };
  return { tool: { name: "trustlint", version: "0.0.0" }, documents: [...docs, missing], rules: pack.value.rules.map(toMeta) };
}

describe("streamed output equals whole-report output", { timeout: 60_000 }, () => {
  test.each(["terminal", "json", "csv", "github"])("%s", async (format) => {
    const report = await realReport();
    const options = { color: false, cwd: process.cwd() };
    const s = STREAMING[format]!({ tool: report.tool, rules: report.rules }, options);
    const streamed = s.head() + report.documents.map((d) => s.document(d)).join("") + s.tail();
    expect(streamed).toBe(REPORTERS[format as keyof typeof REPORTERS](report, options));
  });
  test("json with no documents", () => {
    const s = STREAMING.json!({ tool: { name: "t", version: "1" }, rules: [] }, { color: false });
    expect(JSON.parse(s.head() + s.tail())).toEqual({ schemaVersion: 1, tool: { name: "t", version: "1" }, documents: [] });
  });
});

describe("SARIF (structure; the OASIS schema check is .ci/stages/sarif.sh)", { timeout: 60_000 }, () => {
  test("rules, results, locations, fingerprints, suppressions, notifications", async () => {
    const report = await realReport();
    const log = JSON.parse(renderSarif(report, { cwd: process.cwd() }));
    expect(log.version).toBe("2.1.0");
    const run0 = log.runs[0];
    const rules = run0.tool.driver.rules;
    // Every problem rule of the pack, each fully described.
    expect(rules.map((r: { id: string }) => r.id).sort()).toEqual(
      report.rules
        .filter((r) => r.kind !== "strength")
        .map((r) => r.id)
        .sort(),
    );
    for (const r of rules) {
      expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(r.shortDescription.text.length).toBeGreaterThan(3);
      expect(r.fullDescription.text.length).toBeGreaterThan(20);
      expect(r.help.text).toContain("Suggested alternative:");
      expect(["error", "warning", "note"]).toContain(r.defaultConfiguration.level);
      expect(r.properties.principle).toBeTruthy();
    }
    const oneWay = run0.results.find(
      (x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        x.ruleId === "ra-indemnity-one-way" && x.locations[0]!.physicalLocation.artifactLocation.uri.includes("harbour"),
    );
    expect(oneWay.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: "tests/fixtures/batch/portfolio/harbour-logistics.txt" },
      region: { startLine: 9, startColumn: expect.any(Number) },
    });
    expect(oneWay.level).toBe("error");
    expect(oneWay.partialFingerprints["trustlint/v1"]).toMatch(/^[0-9a-f]{20}$/);
    expect(oneWay.properties.principle).toBe("risk-allocation");
    expect(rules[oneWay.ruleIndex].id).toBe("ra-indemnity-one-way");
    // Strengths are not problems.
    expect(run0.results.some((x: { ruleId: string }) => x.ruleId === "ra-indemnity-mutual")).toBe(false);
    const suppressed = run0.results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions[0]).toEqual({ kind: "inSource", justification: "accepted: the Trust's insurer covers these claims" });
    expect(run0.invocations[0].executionSuccessful).toBe(false);
    expect(run0.invocations[0].toolExecutionNotifications[0].message.text).toContain("INPUT_NOT_FOUND");
  });
  test("URIs are relative to the working directory and percent-encoded", async () => {
    const doc = await analyseFile("tests/fixtures/batch/portfolio/harbour-logistics.txt");
    const log = JSON.parse(
      renderSarif(
        { tool: { name: "t", version: "1" }, rules: [], documents: [{ ...doc, path: "/repo/My Contracts/a#1.txt" }] },
        { cwd: "/repo" },
      ),
    );
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("My%20Contracts/a#1.txt".replace("#", "%23"));
  });
});

describe("GitHub workflow commands", { timeout: 60_000 }, () => {
  const finding = (over: Partial<Finding>): Finding => ({
    ruleId: "r1",
    kind: "flag",
    principle: "risk-allocation",
    severity: "high",
    title: "T",
    message: "m",
    location: { line: 3, column: 5, clause: "2.1" },
    excerpt: "",
    matched: "",
    suggestion: "s",
    topic: "x",
    burdened: "supplier",
    beneficiary: "buyer",
    fingerprint: "f",
    ...over,
  });
  const doc = (findings: Finding[], path = "c/a.txt"): DocumentReport => ({
    path,
    format: "text",
    error: null,
    parties: [],
    score: null,
    facts: [],
    findings,
  });
  test("one command per open flag or gap with file, line, col, title; level by severity", () => {
    const out = renderGithub(
      {
        tool: { name: "t", version: "1" },
        rules: [],
        documents: [
          doc([
            finding({}),
            finding({ severity: "medium", kind: "gap" }),
            finding({ kind: "strength" }),
            finding({ suppressed: { kind: "inline", reason: "ok" } }),
          ]),
        ],
      },
      { cwd: "/x" },
    );
    expect(out).toBe(
      "::error file=c/a.txt,line=3,col=5,title=high%3A T [r1]::m → s\n::warning file=c/a.txt,line=3,col=5,title=gap%3A T [r1]::m → s\n",
    );
  });
  test("%, CR and LF are encoded in messages; also : and , in properties", () => {
    const out = renderGithub({
      tool: { name: "t", version: "1" },
      rules: [],
      documents: [doc([finding({ title: "a:b,c", message: "100%\r\nnext", suggestion: "x" })], "d,1:2.txt")],
    });
    expect(out).toBe("::error file=d%2C1%3A2.txt,line=3,col=5,title=high%3A a%3Ab%2Cc [r1]::100%25%0D%0Anext → x\n");
  });
});

describe("CSV", { timeout: 60_000 }, () => {
  test("one row per document with principle scores, overall and counts", async () => {
    const report = await realReport();
    const lines = renderCsv(report).trimEnd().split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      "path,format,error,overall,shared-vision,pricing-incentives,risk-allocation,governance,trust-transparency,term-exit,dispute-resolution,open_critical,open_high,open_medium,open_low,open_info,flags,gaps,strengths,suppressed,parties,top_flags",
    );
    const harbour = lines[1]!.split(",");
    const d = report.documents[0]!;
    const open = d.findings.filter((f) => f.kind !== "strength" && !f.suppressed);
    expect(harbour[0]).toBe("tests/fixtures/batch/portfolio/harbour-logistics.txt");
    expect(harbour[3]).toBe(String(d.score!.overall));
    expect(harbour[6]).toBe(String(d.score!.principles.find((p) => p.id === "risk-allocation")!.score));
    expect(harbour[12]).toBe(String(open.filter((f) => f.severity === "high").length));
    expect(harbour.slice(16, 20)).toEqual(
      [open.filter((f) => f.kind === "flag").length, open.filter((f) => f.kind === "gap").length, 0, 0].map(String),
    );
    expect(lines[3]!.split(",")[19]).toBe("1"); // suppressed.md
    expect(lines[4]).toBe("gone.txt,,INPUT_NOT_FOUND no such file,,,,,,,,,,,,,,,,,,,");
  });
  test.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
  ])("cell %j → %j", (input, expected) => {
    expect(cell(input)).toBe(expected);
  });
});
