import { describe, expect, it } from "vitest";
import { segment } from "../../src/ingest/segment.js";
import { followsNumbering } from "../../src/ingest/inline-starts.js";

/**
 * Clause numbers printed inside a line (text files made from filings), one family per block. Each contract is
 * short and made up; the PDF of such a document prints every one of these numbers at a line start.
 */

function labelOf(text: string, needle: string): string | null {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  const found = segment(text).find((c) => c.span.start <= at && at < c.span.end);
  if (!found) throw new Error(`no clause holds "${needle}"`);
  return found.label;
}

describe("(a) items after a sentence end inside a long line", () => {
  const line =
    "9.4 Limits on Liability. (a) Except for breach of confidentiality, neither party is liable for lost profits. " +
    "(b) The Supplier's total liability is capped at the fees paid in the prior twelve months. " +
    "(i) The cap applies per claim. (ii) Claims are aggregated per year. (c) Nothing limits liability for fraud.";

  it("labels each item under its clause, nested items under their item", () => {
    expect(labelOf(line, "Except for breach")).toBe("9.4(a)");
    expect(labelOf(line, "total liability is capped")).toBe("9.4(b)");
    expect(labelOf(line, "applies per claim")).toBe("9.4(b)(i)");
    expect(labelOf(line, "aggregated per year")).toBe("9.4(b)(ii)");
    expect(labelOf(line, "Nothing limits")).toBe("9.4(c)");
  });

  it("trap: a list inside one sentence (no sentence end before it, or out of order) stays whole", () => {
    const text =
      "4.2 Fees. The Client shall pay the fees for (a) Hosting and (b) Support within thirty days of each invoice. " +
      "The fees exclude taxes. (c) Anything else is charged at the rates in the order form as agreed by the parties.";
    expect(labelOf(text, "Hosting and")).toBe("4.2");
    expect(labelOf(text, "Anything else")).toBe("4.2");
  });

  it("trap: items in capitals after a colon are one sentence (a disclaimer), not clauses", () => {
    const text =
      "7.1 Exclusions. IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR: (A) ANY INDIRECT OR CONSEQUENTIAL DAMAGES; " +
      "(B) ANY LOSS OF PROFITS OR REVENUE; OR (C) ANY LOSS OF DATA, EVEN IF ADVISED OF THEIR POSSIBILITY.";
    expect(labelOf(text, "ANY LOSS OF PROFITS")).toBe("7.1");
  });
});

describe("a top-level number with its caption inside a line", () => {
  it("reads a caption that ends the line, its text on the next line", () => {
    const text = [
      "The Provider shall perform the services described in Schedule 1 with due care and skill at all times. 1. Scope of Services",
      "",
      "The Provider shall supply the services from its own premises, using its own staff and equipment.",
      "",
      "Running header of the filing 2. Assignment",
      "",
      "Neither party shall assign this Agreement without the prior written consent of the other party.",
    ].join("\n");
    expect(labelOf(text, "from its own premises")).toBe("1");
    expect(labelOf(text, "Neither party shall assign")).toBe("2");
  });

  it("reads a caption in capitals followed by the clause text", () => {
    const text =
      "1. TERM The Agreement runs for one year from the Effective Date and renews for further years unless ended. " +
      "2. SCOPE OF WORK   A. The Subcontractor shall perform the work listed in each purchase order issued by the Contractor.";
    expect(labelOf(text, "perform the work")).toBe("2");
    expect(segment(text).find((c) => c.number === "2")?.heading).toBe("SCOPE OF WORK");
  });

  it("reads '4) Compensation' followed by a wide gap, as a letter's numbered paragraphs are often flattened", () => {
    const text =
      "3) Obligations   Both parties agree to develop the joint offering and to share leads in good faith.   " +
      "4) Compensation   When a customer pays, the Supplier shall pay the Agent ten percent of the fees received.";
    expect(labelOf(text, "ten percent")).toBe("4");
    expect(segment(text).find((c) => c.number === "4")?.heading).toBe("Compensation");
  });

  it("trap: a Markdown heading's own number is its line start, not a second clause", () => {
    const text = "## 1. Indemnity\n1.1 The Supplier shall indemnify the Customer against third-party claims.\n";
    expect(segment(text, { nestedLists: true }).map((c) => c.label)).toEqual(["1", "1.1"]);
  });

  it("trap: a reference ('Schedule 2. Fees') or a number out of order is no clause", () => {
    const text = [
      "1. Services. The Provider shall perform the services described in the order form at the agreed service levels.",
      "The fees are set out in Schedule 2. Fees",
      "",
      "The Client shall pay within thirty days. 7. Payment Terms",
    ].join("\n");
    expect(labelOf(text, "are set out")).toBe("1");
    expect(labelOf(text, "thirty days")).toBe("1");
  });
});

describe("a caption followed by its first child", () => {
  it("starts both the caption and the child, on a line start or inside a line", () => {
    const text = [
      "6. Intellectual Property 6.1 OWNERSHIP The Developer hereby assigns to the Client all rights in the work product.",
      "6.2 LICENCE The Client grants the Developer a licence to use the work product during the term.",
      "7. Term and Termination. 7.1 Either party may end this Agreement on sixty days' notice.",
    ].join("\n");
    expect(labelOf(text, "hereby assigns")).toBe("6.1");
    expect(labelOf(text, "sixty days")).toBe("7.1");
  });

  it("trap: a sentence between the number and '6.1' is clause text, not a caption", () => {
    const text = "6. The Developer shall deliver the code under 6.1 of the order form in full.";
    expect(segment(text).map((c) => c.label)).toEqual(["6"]);
  });
});

describe("numbers the text lost between pages", () => {
  it("takes a number ahead of the last one when the next number confirms it", () => {
    const text =
      "5.4 Reporting. The Parties shall keep each other informed of the progress of the work at each meeting. " +
      "Page 18 of 60 ...the rest of clause 6.1 was cut from the filing. 6.2 License by Customer. The Customer grants a licence. " +
      "6.3 Joint Patents. Each Party may grant non-exclusive licences under the joint patents without consent.";
    expect(labelOf(text, "Customer grants a licence")).toBe("6.2");
    expect(labelOf(text, "Each Party may grant")).toBe("6.3");
  });

  it("trap: one number ahead with nothing to confirm it is read as a reference", () => {
    const text =
      "5.4 Reporting. The Parties shall keep each other informed of the progress of the work at each meeting. " +
      "Costs are shared as set out below. 6.3 Joint Patents are governed by the patent agreement between the parties.";
    expect(labelOf(text, "Joint Patents")).toBe("5.4");
    expect(followsNumbering([5, 4], [6, 3])).toBe(false);
  });
});
