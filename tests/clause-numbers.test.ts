import { describe, expect, it } from "vitest";
import { buildContract } from "../src/ingest/contract.js";
import { followsNumbering, segment } from "../src/ingest/segment.js";
import { pageArtefacts } from "../src/ingest/page-artefacts.js";
import { assemblePdfText, isBannerLine } from "../src/ingest/pdf-text.js";
import { canonicalNumber, compareClauseNumbers, scoreGoldNumbers } from "../tools/eval/clause-numbers.js";
import type { Fact } from "../src/model/fact.js";

/** Clause numbers as the document prints them, and page furniture left in text files. */

function clauseOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  const found = segment(text).find((c) => c.span.start <= at && at < c.span.end);
  if (!found) throw new Error(`no clause holds "${needle}"`);
  return found;
}

describe("clause numbers printed inside a long line", () => {
  // A filing flattened to one line per page: several clauses share a line.
  const page =
    "ARTICLE 8 LIABILITY 8.1 The Vendor shall indemnify the Client against third-party claims arising from its negligence. " +
    "8.2 The Client shall indemnify the Vendor against claims arising from the Client Materials. (a) first item here; (ii) second item. " +
    "8.3 Survival. The obligations in this Article survive the end of the Agreement for two years.";

  it("labels each sentence with the number printed before it, not a path built from earlier items", () => {
    expect(clauseOf(page, "The Vendor shall indemnify").label).toBe("8.1");
    expect(clauseOf(page, "The Client shall indemnify").label).toBe("8.2");
    expect(clauseOf(page, "obligations in this Article survive").label).toBe("8.3");
    expect(clauseOf(page, "obligations in this Article survive").heading).toBe("Survival");
    expect(clauseOf(page, "ARTICLE 8").heading).toBe("LIABILITY");
  });

  it("trap: a cross-reference inside a sentence, or a number out of order, starts no clause", () => {
    const text =
      "4.1 Fees. The Client shall pay the fees within thirty days as described in Section 9.2 Payment Terms, and as set out under SECTION 4.2 Invoices of the order form. " +
      "The Vendor may suspend the Services as permitted by the terms in force. 9.4 Notices sent by email are valid when received by the other party.";
    const labels = segment(text).map((c) => c.label);
    expect(labels).toEqual(["4.1"]);
  });

  it("leaves short lines alone: numbering there is read at the line start only", () => {
    expect(segment("1.1 Fees are due. 1.2 Taxes extra.").map((c) => c.label)).toEqual(["1.1"]);
  });

  it("follows the numbering: next sibling, a first child, the next top level", () => {
    expect(followsNumbering([3, 1], [3, 2])).toBe(true);
    expect(followsNumbering([3, 1], [3, 1, 1])).toBe(true);
    expect(followsNumbering([3, 4], [4, 1])).toBe(true);
    expect(followsNumbering([2, 2], [2, 3])).toBe(true);
    expect(followsNumbering([3, 1], [9, 4])).toBe(false);
    expect(followsNumbering([3, 1], [3, 1, 5])).toBe(false);
    expect(followsNumbering([3, 4], [3, 2])).toBe(false);
  });
});

describe("page furniture in a text file", () => {
  const source = [
    "MASTER SERVICES AGREEMENT",
    "",
    "1. Services. The Vendor shall perform the Services described in each order and shall keep the Client informed of",
    "",
    "1",
    "",
    "Source: NORTHWIND HOLDINGS INC, 10-K, 3/2/2020",
    "",
    "",
    "progress at every monthly review meeting held between the parties.",
    "",
    "2. Fees. The Client shall pay the fees.",
    "",
    "2",
    "",
    "Source: NORTHWIND HOLDINGS INC, 10-K, 3/2/2020",
    "",
    "CONFIDENTIAL",
    "",
    "3. Term. This Agreement lasts two years.",
    "",
    "Page 3 of 3",
    "",
    "Source: NORTHWIND HOLDINGS INC, 10-K, 3/2/2020",
  ].join("\n");

  it("drops page numbers, running lines and banners, and rejoins the sentence split by the page break", () => {
    const doc = buildContract("furniture.txt", "text", source);
    expect(doc.text).not.toMatch(/Source:|CONFIDENTIAL|Page 3 of 3/);
    expect(doc.text).toContain("informed of\nprogress at every");
    expect(doc.text).not.toMatch(/^\d$/m);
    // Locations still point into the file as it is.
    const at = doc.text.indexOf("progress at");
    expect(doc.original.slice(doc.offsetMap![at]!, doc.offsetMap![at]! + 8)).toBe("progress");
    expect(doc.clauses.map((c) => c.label).filter(Boolean)).toEqual(["1", "2", "3"]);
  });

  it("drops a page number in a recurring shape ('- 5 -') that sits inside a sentence with no blank line around it", () => {
    const lines: string[] = [];
    for (let page = 1; page <= 3; page++) {
      lines.push(
        `${page}.1 IN NO EVENT SHALL THE PROCESSOR OR ITS AFFILIATES BE`,
        `                - ${page} -`,
        "LIABLE FOR ANY INDIRECT DAMAGES.",
      );
    }
    const doc = buildContract("shaped.txt", "text", lines.join("\n"));
    expect(doc.text).not.toMatch(/- \d -/);
    expect(doc.text).toMatch(/AFFILIATES BE\s+LIABLE/);
  });

  it("trap: a bare number inside a sentence is kept even when it recurs", () => {
    const text = ["The fee is", "5", "percent.", "The rebate is", "5", "percent.", "The cap is", "5", "percent."].join("\n");
    expect(pageArtefacts(text).size).toBe(0);
  });

  it("trap: a line repeated twice, a lone number once and clause lines are kept", () => {
    const text = "1. Scope\n\nSee the order form for details\n\n12\n\n2. Scope\n\nSee the order form for details\n";
    expect(pageArtefacts(text).size).toBe(0);
  });
});

describe("sections numbered by a letter within their article", () => {
  const text =
    "8. OBLIGATIONS OF FRANCHISOR\n\n    8.E.   TRAINING.\n\n    Franchisor shall train Franchisee's manager.\n\n" +
    "    8.F.   LIMITATION ON LIABILITY.\n\n    Franchisor shall not be liable to Franchisee for lost profits.\n\n" +
    "9. TERM\n\n9.A. The term is ten years from the Opening Date.\n";

  it("reads '8.F.' at a line start as the clause's number, under its article", () => {
    expect(clauseOf(text, "shall not be liable").number).toBe("8.F");
    expect(clauseOf(text, "ten years").number).toBe("9.A");
  });

  it("trap: a wrapped line opening with '3.D printed' starts no clause", () => {
    const prose = "8. PARTS\n\nParts made by\n3.D printed moulds are excluded from the warranty.\n";
    expect(clauseOf(prose, "excluded from").number).toBe("8");
  });
});

describe("measuring clause numbers", () => {
  const fact = (topic: string, clause: string | null, excerpt: string, line = 1): Fact => ({
    topic,
    span: null,
    location: { line, column: 1, endLine: line, endColumn: 1, clause, heading: null },
    mutual: null,
    burdened: null,
    beneficiary: null,
    values: {},
    excerpt,
    matched: "",
  });

  it("reads '8.A', '8A.' and 'Section 8.a' as one number, and 'Article IV' as 4", () => {
    expect(canonicalNumber("8.A")).toBe(canonicalNumber("8A."));
    expect(canonicalNumber("Section 8.a")).toBe("8.a");
    expect(canonicalNumber("8A.")).toBe("8.a");
    expect(canonicalNumber("Article IV")).toBe("4");
    expect(canonicalNumber("14.1(a)(ii)")).toBe("14.1.a.ii");
    expect(canonicalNumber(null)).toBeNull();
  });

  it("pairs the same evidence across formats and counts the numbers that differ", () => {
    const sentence = "The Vendor shall indemnify the Client against all third-party claims arising from its negligence";
    const text = [
      fact("indemnity", "14.1(a)(ii)", sentence),
      fact("liability-cap", "9", "Liability is capped at the fees paid in the last twelve months"),
    ];
    const pdf = [
      fact("indemnity", "14.5", sentence.replace("third-party", "third- party")),
      fact("liability-cap", "9", "Liability is capped at the fees paid in the last twelve months"),
    ];
    const r = compareClauseNumbers(text, pdf);
    expect([r.paired, r.agree]).toEqual([2, 1]);
    expect(r.disagreements[0]).toMatchObject({ a: "14.1(a)(ii)", b: "14.5" });
  });

  it("scores found gold clauses by their printed number", () => {
    const facts = [fact("indemnity", "8.1", "x", 10), fact("liability-cap", "8", "y", 20)];
    const r = scoreGoldNumbers(
      [
        { kind: "indemnity", line: 10, number: "8.1" },
        { kind: "liability-cap", line: 20, number: "8.4" },
        { kind: "termination-for-convenience", line: 30, number: "12" },
      ],
      facts,
    );
    expect([r.found, r.agree]).toEqual([2, 1]);
  });
});

describe("non-operative clauses", () => {
  const kinds = (text: string) => segment(text).map((c) => [c.label ?? c.heading, c.nonOperative ?? null]);

  it("marks a table of contents without page numbers and one with dotted leaders", () => {
    const plain =
      "CONTENTS\n\n1. Definitions\n2. Supply of Products\n3. Liquidated Damages\n4. Term\n\n1. Definitions\n1.1 Words have their usual meaning in this Agreement.";
    expect(segment(plain).filter((c) => c.nonOperative === "table-of-contents").length).toBeGreaterThanOrEqual(3);
    const dotted =
      "1. Supply ............ 2\n2. Liquidated Damages ....... 4\n3. Escalation ....... 5\n\n1. Supply\n1.1 The Vendor shall supply the Products.";
    const marked = segment(dotted)
      .filter((c) => c.nonOperative === "table-of-contents")
      .map((c) => c.number);
    expect(marked).toEqual(["1", "2", "3"]);
    expect(segment(dotted).find((c) => c.number === "1.1")?.nonOperative).toBeUndefined();
  });

  it("marks an index of defined terms flattened onto one line, with the section defining each", () => {
    const text =
      "1. DEFINITIONS\n\n1.1 Additional Definitions\n\nEach of the following is defined in the Section indicated:   Definition   Section " +
      "Accounting Period   9.1 Decision Period   12.5 Disclosing Party   1.17 Exclusivity Period   3.2.8 Field   1.44 " +
      "Improvement IP   12.1.2 Joint Invention   12.1.5 Term   14.1\n\n1.2 Fees. The Customer shall pay the Fees within thirty days.\n";
    expect(clauseOf(text, "Exclusivity Period").nonOperative).toBe("table-of-contents");
    expect(clauseOf(text, "shall pay the Fees").nonOperative).toBeUndefined();
  });

  it("marks a bare heading, whose text sits under the next number", () => {
    expect(kinds("8. INDEMNITIES\n8.1 The Vendor shall indemnify the Client.")).toEqual([
      ["8", "heading"],
      ["8.1", null],
    ]);
  });

  it("marks a clause that only points elsewhere", () => {
    const text = "12. Liability\n12.1 Limitation of Liability. See Section 9.\n\n12.2 Each party's liability is capped at the fees paid.";
    const c = segment(text).find((x) => x.label === "12.1");
    expect(c?.nonOperative).toBe("cross-reference");
    expect(segment(text).find((x) => x.label === "12.2")?.nonOperative).toBeUndefined();
  });

  it("trap: a clause that cites another and agrees to something is operative", () => {
    const c = segment("5. Fees\n5.1 Subject to Section 9, the Client shall pay the fees.").find((x) => x.label === "5.1");
    expect(c?.nonOperative).toBeUndefined();
  });

  it("marks a list of exhibits or schedules", () => {
    const text =
      "1. Services\n1.1 The Vendor shall host the platform.\n\nLIST OF EXHIBITS\nExhibit A - Service Levels and Liquidated Damages\nExhibit B - Fees\nSchedule 1: Escalation Contacts\n";
    const list = segment(text).find((c) => c.heading === "LIST OF EXHIBITS");
    expect(list?.nonOperative).toBe("exhibit-list");
  });

  it("marks the signature block and ends it where running text starts again", () => {
    const text = [
      "9. Term",
      "9.1 This Agreement lasts two years.",
      "",
      "IN WITNESS WHEREOF the parties have signed this Agreement.",
      "NORTHWIND COMPONENTS GMBH",
      "By: ______________",
      "Name: Head of Indemnity Claims",
      "",
      "The Vendor shall pay liquidated damages of 2% of the monthly fee for each hour of downtime beyond the target.",
    ].join("\n");
    const clauses = segment(text);
    const sig = clauses.find((c) => text.slice(c.span.start, c.span.end).startsWith("IN WITNESS"));
    expect(sig?.nonOperative).toBe("signature");
    expect(text.slice(sig!.span.start, sig!.span.end)).toContain("Head of Indemnity Claims");
    const after = clauses.find((c) => text.slice(c.span.start, c.span.end).includes("liquidated damages"));
    expect(after?.nonOperative).toBeUndefined();
  });
});

describe("PDF page furniture", () => {
  it("drops a CONFIDENTIAL banner at a page edge even when it is on few pages, and rejoins the sentence around it", () => {
    const width = "The Supplier shall provide the services with reasonable skill and care and in line with";
    const pages = [
      [
        "1. Services",
        `1.1 ${width}`,
        `the service levels, and shall report monthly to the Customer on its performance against`,
        "CONFIDENTIAL",
      ].join("\n"),
      ["each service level agreed in the order.", "1.2 The Customer shall pay the charges."].join("\n"),
      ["2. Term", "2.1 This Agreement lasts two years.", "Page 3 of 3"].join("\n"),
    ];
    const { text } = assemblePdfText(pages);
    expect(text).not.toMatch(/CONFIDENTIAL|Page 3/);
    expect(text).toContain("performance against each service level");
    expect(isBannerLine("Confidential Treatment Requested")).toBe(true);
    expect(isBannerLine("Confidential Information")).toBe(false);
  });
});
