import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { renderCompact } from "../src/report/compact.js";
import { REPORTERS } from "../src/report/index.js";
import { STREAMING } from "../src/report/stream.js";
import { fakeIo } from "./helpers.js";

describe("-f compact", { timeout: 30_000 }, () => {
  it("prints one path:line:col: severity rule-id message line per open flag or gap", async () => {
    const io = fakeIo();
    expect(await main(["check", "fixtures/contracts/one-sided-msa.md", "-f", "compact", "--no-config"], io)).toBe(0);
    const json = fakeIo();
    await main(["check", "fixtures/contracts/one-sided-msa.md", "-f", "json", "--no-config"], json);
    const problems = JSON.parse(json.out).documents[0].findings.filter(
      (f: { kind: string; suppressed?: unknown }) => f.kind !== "strength" && !f.suppressed,
    );
    const lines = io.out.trimEnd().split("\n");
    expect(lines).toHaveLength(problems.length);
    for (const line of lines)
      expect(line).toMatch(/^fixtures\/contracts\/one-sided-msa\.md:\d+:\d+: (critical|high|medium|low|info) [a-z0-9-]+ \S/);
    const first = problems[0];
    expect(lines).toContain(
      `fixtures/contracts/one-sided-msa.md:${first.location.line}:${first.location.column}: ${first.severity} ${first.ruleId} ${first.message}${first.kind === "gap" ? " (missing)" : ""}`,
    );
  });

  it("leaves an unreadable document to stderr", () => {
    const doc = {
      path: "bad\nname.docx",
      format: null,
      error: { code: "DOCX_CORRUPT" as const, message: "damaged\nsecond line" },
      parties: [],
      score: null,
      facts: [],
      findings: [],
    };
    expect(renderCompact({ tool: { name: "t", version: "1" }, rules: [], documents: [doc] })).toBe("");
  });

  it("streams exactly what the whole-report reporter prints", async () => {
    const io = fakeIo();
    await main(["check", "fixtures/contracts/one-sided-msa.md", "fixtures/contracts/mixed-draft.md", "-f", "json", "--no-config"], io);
    const report = { tool: { name: "t", version: "1" }, rules: [], documents: JSON.parse(io.out).documents };
    const s = STREAMING.compact!({ tool: report.tool, rules: [] }, { color: false });
    expect(s.head() + report.documents.map(s.document).join("") + s.tail()).toBe(REPORTERS.compact(report, { color: false }));
  });
});
