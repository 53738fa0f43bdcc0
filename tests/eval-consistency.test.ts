import { describe, expect, it } from "vitest";
import { compareFormats } from "../tools/eval/consistency.js";
import type { LabelledContract } from "../tools/eval/labels.js";
import { comparePair } from "../tools/eval/standard.js";
import type { Fact } from "../src/model/fact.js";

const fact = (topic: string): Fact => ({
  topic,
  span: null,
  location: { line: 1, column: 1, clause: null },
  mutual: null,
  burdened: null,
  beneficiary: null,
  values: {},
  excerpt: "",
  matched: "",
});
const contract = (file: string, labels: Record<string, boolean>): LabelledContract => ({
  file,
  pdf: `${file}.pdf`,
  type: "",
  labels,
  excerpts: {},
});

describe("format consistency metrics", () => {
  it("counts agreement per topic and scores each format against the labels", () => {
    const results = [
      {
        contract: contract("a", { "audit-rights": true }),
        text: [fact("audit-rights")],
        pdf: [fact("audit-rights")],
        ms: 1,
        pages: 1,
        error: null,
      },
      { contract: contract("b", { "audit-rights": true }), text: [fact("audit-rights")], pdf: [], ms: 1, pages: 1, error: null },
      { contract: contract("c", { "audit-rights": false }), text: [], pdf: [], ms: 1, pages: 1, error: null },
      { contract: contract("d", { "audit-rights": false }), text: [], pdf: null, ms: 1, pages: 0, error: "PDF_CORRUPT" },
    ];
    const summary = compareFormats(results, ["audit-rights"]);
    expect(summary.contracts).toBe(3);
    expect(summary.failed).toBe(1);
    const row = summary.topics[0]!;
    expect(row.agreement).toBeCloseTo(2 / 3);
    expect(row.disagreements).toEqual(["b"]);
    expect(row.text.f1).toBe(1);
    expect(row.pdf.recall).toBe(0.5);
  });

  it("lists findings and topics present in one format only", () => {
    const finding = (ruleId: string, kind: "flag" | "strength") => ({ ruleId, kind }) as never;
    const row = comparePair(
      "x",
      "x.docx",
      { facts: [fact("indemnity")], findings: [finding("ra-indemnity-mutual", "strength")], error: null },
      { facts: [fact("indemnity"), fact("liability-cap")], findings: [finding("ra-indemnity-one-way", "flag")], error: null },
    );
    expect(row.findingsOnlyReference).toEqual(["strength:ra-indemnity-mutual"]);
    expect(row.findingsOnlyOther).toEqual(["flag:ra-indemnity-one-way"]);
    expect(row.topicsOnlyOther).toEqual(["liability-cap"]);
    expect(row.topicsOnlyReference).toEqual([]);
  });
});
