import { describe, expect, it } from "vitest";
import { buildContract } from "../src/ingest/contract.js";
import { findParties, roleOfTerm } from "../src/ingest/parties.js";
import { isPlaceholder, segment } from "../src/ingest/segment.js";

/** Clause numbering styles, headings, definitions scope, placeholders, and parties read from preambles. */

function labels(text: string): (string | null)[] {
  return segment(text).map((c) => c.label);
}

function clauseAt(text: string, needle: string) {
  const at = text.indexOf(needle);
  const found = segment(text).find((c) => c.span.start <= at && at < c.span.end);
  if (!found) throw new Error(`no clause holds "${needle}"`);
  return found;
}

describe("numbering", () => {
  it("reads 1. / 1.1 / 1.1.1 with depth from the number of parts", () => {
    const text = [
      "1. Services",
      "",
      "1.1 The Supplier shall provide the Services.",
      "1.1.1 Each Service has a level.",
      "2. Fees",
      "",
      "2.1 The Customer shall pay the Fees.",
    ].join("\n");
    const clauses = segment(text);
    expect(clauses.map((c) => c.label)).toEqual(["1", "1.1", "1.1.1", "2", "2.1"]);
    expect(clauses.map((c) => c.depth)).toEqual([1, 2, 3, 1, 2]);
    expect(clauses[0]!.heading).toBe("Services");
  });

  it("labels (a) and (i) items under their parent number", () => {
    const text = [
      "4.2 The Supplier shall:",
      "(a) keep records;",
      "(b) allow audits, including:",
      "(i) access to premises; and",
      "(ii) copies of records.",
      "4.3 Nothing else.",
    ].join("\n");
    expect(labels(text)).toEqual(["4.2", "4.2(a)", "4.2(b)", "4.2(b)(i)", "4.2(b)(ii)", "4.3"]);
  });

  it("does not start a clause at a cross-reference or a number in figures wrapped to the start of a line", () => {
    const text = [
      "9. LIMITATION",
      "",
      "9.1 Exclusions. EXCEPT FOR AMOUNTS PAYABLE UNDER",
      "SECTION 8.1, NEITHER PARTY SHALL BE LIABLE FOR INDIRECT DAMAGES, AND EXCEPT FOR",
      "ARTICLE 7 AND SECTION 6.4 NEITHER SHALL BE LIABLE FOR MORE THAN THE FEES.",
      "9.2 Notice. Either party may end this Agreement on at least sixty",
      "(60) days' written notice.",
    ].join("\n");
    expect(labels(text)).toEqual(["9", "9.1", "9.2"]);
  });

  it("does not start a clause at a cited section after a line ending on a preposition, or at the second of two cited numbers", () => {
    const text = [
      "8.4 EXCLUSION. EXCEPT WITH RESPECT TO A PARTY'S OBLIGATIONS UNDER SECTION 8.1 OR",
      "8.2 FOR THIRD PARTY CLAIMS, NEITHER PARTY SHALL BE LIABLE FOR LOST PROFITS.",
      "8.5 CAP. EXCEPT WITH RESPECT TO THE SUPPLIER'S OBLIGATIONS UNDER",
      "SECTION 8.1 FOR BODILY INJURY, THE SUPPLIER'S LIABILITY SHALL NOT EXCEED THE FEES.",
      "8.6 BUYER'S LIABILITY, OTHER THAN AMOUNTS DUE UNDER SECTION",
      "6.5 OF THE AGREEMENT, SHALL NOT EXCEED ONE MILLION DOLLARS.",
      "8.7 Survival. Sections 8.1 through 8.5 survive.",
    ].join("\n");
    expect(labels(text)).toEqual(["8.4", "8.5", "8.6", "8.7"]);
  });

  it("reads a list of items that are each a sentence of their own, printed inside one paragraph", () => {
    // A knock-for-knock allocation: each item has its own subject and verb, some start in lower case, and an item's
    // verb may be wrapped onto the next line. An item wrapped to a line start inside an inner list is no clause.
    const text = [
      "6.1 Allocation of Risk. The parties agree as follows, regardless of fault: (a) Supplier shall release and",
      "indemnify Owner Group from all Claims for injury to Supplier Group personnel; (b) the Owner shall release and",
      "indemnify Supplier Group from all Claims for injury to Owner Group personnel; (c) notwithstanding clause",
      "(a), the Owner shall release and indemnify Supplier Group from all Claims for loss of downhole tools; (d) the",
      "Owner shall indemnify Supplier Group from all Claims arising from (i) loss of a well, (ii) blowout or fire,",
      "(iii) damage to a reservoir; and (e) as to Claims by persons outside both groups, each party shall",
      "indemnify the other in proportion to its fault.",
      "6.2 Procedure. A party seeking indemnity shall give notice.",
    ].join("\n");
    expect(clauseAt(text, "the Owner shall release and\nindemnify Supplier").label).toBe("6.1(b)");
    expect(clauseAt(text, "notwithstanding clause").label).toBe("6.1(c)");
    expect(clauseAt(text, "damage to a reservoir").label).toBe("6.1(d)");
    expect(clauseAt(text, "as to Claims by persons").label).toBe("6.1(e)");
  });

  it("does not split a list of things after a verb into clauses ('shall: (a) pay …; (b) the cost …')", () => {
    const text = [
      "7.1 Costs. If the Supplier defaults, the Supplier shall bear: (a) the cost of re-performance by others; (b) the",
      "cost of any replacement equipment that the Owner may buy; and (c) the Owner's reasonable legal fees.",
    ].join("\n");
    expect(clauseAt(text, "cost of any replacement").label).toBe("7.1");
  });

  it("treats (i) after (h) as a letter, not a roman numeral", () => {
    const items = ["(f) six;", "(g) seven;", "(h) eight;", "(i) nine;", "(j) ten."];
    const clauses = segment(["9.1 The list:", ...items].join("\n"));
    // All five are siblings one level below 9.1; a roman "(i)" would have nested one level deeper.
    expect(clauses.slice(1).map((c) => c.depth)).toEqual([3, 3, 3, 3, 3]);
    expect(clauses[4]!.label).toBe("9.1(i)");
  });

  it("reads Article IV, Section 5.2 and ARTICLE 7 — TERM", () => {
    const text = [
      "Article IV Confidentiality",
      "",
      "Each party keeps secrets.",
      "",
      "Section 5.2 Payment. Invoices are due in 30 days.",
      "",
      "ARTICLE 7 \u2014 TERM",
      "",
      "This Agreement lasts two years.",
    ].join("\n");
    const clauses = segment(text);
    expect(clauses.map((c) => c.number)).toEqual(["Article IV", "5.2", "Article 7"]);
    expect(clauses[0]!.heading).toBe("Confidentiality");
    expect(clauses[1]!.heading).toBe("Payment");
    expect(clauses[2]!.heading).toBe("TERM");
  });

  it("reads all-caps headings and Markdown headings", () => {
    const caps = segment(["Intro text.", "", "LIMITATION OF LIABILITY", "", "Neither party is liable for indirect loss."].join("\n"));
    expect(caps.map((c) => c.heading)).toEqual([null, "LIMITATION OF LIABILITY"]);
    const md = segment(["# Master Agreement", "", "## 3. Term", "", "Two years.", "", "### Renewal", "", "One year more."].join("\n"));
    expect(md.map((c) => [c.number, c.heading])).toEqual([
      [null, "Master Agreement"],
      ["3", "Term"],
      [null, "Renewal"],
    ]);
  });

  it("does not start a clause at a number inside a sentence or at '30 days'", () => {
    const text = ["1. Payment", "The Customer shall pay within", "30 days of invoice."].join("\n");
    expect(labels(text)).toEqual(["1"]);
  });
});

describe("definitions scope", () => {
  it("a clause that opens with a definition and then states the term that uses it is not a definition", () => {
    const text = [
      '20.1 "Annual Value" means the Charges invoiced in the twelve months before the claim. The Contractor\'s total',
      "liability under this Agreement shall not exceed the Annual Value.",
      '20.2 "Charges" means the amounts set out in Schedule 2, as adjusted under Clause 6.',
    ].join("\n");
    expect(clauseAt(text, "Annual Value").inDefinitions).toBe(false);
    expect(clauseAt(text, "amounts set out").inDefinitions).toBe(true);
  });

  it("clauses under a Definitions heading are in definitions, the next top-level number is not", () => {
    const text = [
      "1. Definitions",
      "",
      '1.1 "Charges" means the fees in Schedule 2.',
      "",
      "2. Services",
      "",
      "2.1 The Supplier shall indemnify the Customer.",
    ].join("\n");
    expect(clauseAt(text, "Charges").inDefinitions).toBe(true);
    expect(clauseAt(text, "indemnify").inDefinitions).toBe(false);
  });

  it("leaves an ARTICLE 1 DEFINITIONS section at a clause numbered 2.x even without an ARTICLE 2 line", () => {
    const text = [
      "ARTICLE 1 DEFINITIONS",
      "",
      '1.1 "Affiliate" means a controlled entity.',
      "",
      "2.7 Exclusivity. The Supplier shall not supply competitors.",
    ].join("\n");
    expect(clauseAt(text, "Affiliate").inDefinitions).toBe(true);
    expect(clauseAt(text, "Exclusivity").inDefinitions).toBe(false);
  });

  it("keeps the clauses of a '1.0 DEFINITIONS' article inside it up to '2.0'", () => {
    const text = [
      "1.0 DEFINITIONS",
      "",
      "1.1 All defined terms have the meanings given in this Section.",
      "",
      "1.2 Time and Materials Rates - the rates the Supplier may charge for services not covered by the Fee.",
      "",
      "2.0 LICENSE",
      "",
      "2.1 The Supplier may change the Fee at any time in its sole discretion.",
    ].join("\n");
    expect(clauseAt(text, "Materials Rates").inDefinitions).toBe(true);
    expect(clauseAt(text, "change the Fee").inDefinitions).toBe(false);
  });
});

describe("placeholders", () => {
  it.each(["[Reserved]", "Intentionally omitted.", "[\u25cf]", "TBD", "Not used.", "[Intentionally left blank]"])(
    "%s is a placeholder",
    (body) => {
      expect(isPlaceholder(body)).toBe(true);
    },
  );

  it("operative text is not a placeholder", () => {
    expect(isPlaceholder("The Supplier shall provide the Services.")).toBe(false);
    expect(isPlaceholder("Reserved matters are listed in Schedule 4.")).toBe(false);
  });

  it("a numbered clause whose body is a placeholder is marked", () => {
    const clauses = segment(["12. Liability", "", "12.1 [Reserved]", "12.2 Intentionally omitted."].join("\n"));
    expect(clauses.filter((c) => c.placeholder).map((c) => c.label)).toEqual(["12.1", "12.2"]);
  });
});

describe("parties and roles", () => {
  it('reads names and roles from Acme Ltd ("Customer") and (the "Service Provider")', () => {
    const pre =
      'This Agreement is made between Acme Ltd ("Customer") and Brightwork Services plc, a company registered in England (the "Service Provider").\n\n1. Services';
    const parties = findParties(pre, pre.length);
    expect(parties.map((p) => [p.name, p.alias, p.role])).toEqual([
      ["Acme Ltd", "Customer", "buyer"],
      ["Brightwork Services plc", "Service Provider", "supplier"],
    ]);
  });

  it("keeps the whole name when the description before the alias contains boundary words (with, and, by)", () => {
    const pre =
      'This Agreement is made between Northwind Holdings Limited, a company registered in England with number 01234567 and whose office is at 1 Mill Lane, Leeds ("Customer") and Brightline Services Ltd, registered in Scotland by its directors ("Supplier").\n\n1. Services';
    const parties = findParties(pre, pre.length);
    expect(parties.map((p) => [p.name, p.alias, p.role])).toEqual([
      ["Northwind Holdings Limited", "Customer", "buyer"],
      ["Brightline Services Ltd", "Supplier", "supplier"],
    ]);
  });

  it("leaves a party's role unknown when its defined term says nothing about it", () => {
    const pre = 'This Agreement is between Northwind Corp. ("Northwind") and Lumen Inc. ("Lumen").\n\n1. Scope';
    const parties = findParties(pre, pre.length);
    expect(parties.map((p) => p.role)).toEqual(["unknown", "unknown"]);
  });

  it("maps role words, ignoring case and a leading 'the'", () => {
    expect(roleOfTerm("the Client")).toBe("buyer");
    expect(roleOfTerm("SERVICES PROVIDER")).toBe("supplier");
    expect(roleOfTerm("Company")).toBe("unknown");
  });

  it("without a preamble, falls back to role words used as defined terms", () => {
    const doc = buildContract(
      "x.txt",
      "text",
      "1. The Supplier shall deliver. The Customer shall pay the Supplier. The Customer may audit.",
    );
    expect(doc.parties.map((p) => [p.alias, p.role])).toEqual([
      ["Customer", "buyer"],
      ["Supplier", "supplier"],
    ]);
  });
});

describe("article lines that carry their clause text", () => {
  it("reads 'Article 12.4 …' as section 12.4 with its text, not as article 12 headed by the sentence", () => {
    const text = [
      "Article 3.1 The City grants the Operator the sole right to run shared scooters within the Zone.",
      "Article 3.2 Fees. The Operator pays the City a fee for each scooter.",
    ].join("\n");
    const clauses = segment(text);
    expect(clauses.map((c) => [c.number, c.heading])).toEqual([
      ["3.1", null],
      ["3.2", "Fees"],
    ]);
    expect(text.slice(clauses[0]!.span.start, clauses[0]!.span.end)).toContain("grants the Operator the sole right");
  });

  it("reads 'Article 2. The Licensor grants …' as a clause with its text, while a bare caption stays a heading", () => {
    const text = [
      "Article 2. The Owner grants the Operator a licence to place ticket machines in the Station.",
      "Article 3 Grant of Rights",
      "ARTICLE 4 FEES",
    ].join("\n");
    const clauses = segment(text);
    expect(clauses.map((c) => [c.number, c.heading])).toEqual([
      ["Article 2", null],
      ["Article 3", "Grant of Rights"],
      ["Article 4", "FEES"],
    ]);
  });

  it("keeps only the caption of 'ARTICLE 7 TERMINATION 7.1 Either party may…' as the heading", () => {
    const text = [
      "ARTICLE 7 TERMINATION 7.1 Either party may end this Agreement on ninety days' written notice.",
      "ARTICLE 8 NOTICES 8.1 Notices shall be sent by courier.",
    ].join("\n");
    const clauses = segment(text);
    // The sub-clause printed on an article line is a clause of its own, numbered as printed, on a short line too
    // when it is the caption's first child.
    expect(clauses.map((c) => [c.number, c.heading])).toEqual([
      ["Article 7", "TERMINATION"],
      ["7.1", null],
      ["Article 8", "NOTICES"],
      ["8.1", null],
    ]);
    expect(text.slice(clauses[1]!.span.start, clauses[1]!.span.end)).toContain("Either party may end");
  });

  it("ends a caption at a period, at a sentence start or at a mixed-case connector run", () => {
    const text = [
      "ARTICLE 2. LICENCE. The Owner hereby grants the Reseller a licence to sell the Goods.",
      "ARTICLE 3 CONFIDENTIAL INFORMATION Neither party shall disclose the other's secrets.",
      "ARTICLE 4 -- FEES The Reseller will pay the fees in Schedule B.",
      "ARTICLE 5 TERM and RENEWAL of AGREEMENT 5.1 Term. This Agreement is in force for two years.",
      "ARTICLE 6 GENERAL MATTERS (1) Law: This Agreement is governed by the laws of Ontario.",
      "Article 9 Settling Disputes   The parties shall first try to settle any dispute by talks.",
    ].join("\n");
    expect(segment(text).map((c) => c.heading)).toEqual([
      "LICENCE",
      "CONFIDENTIAL INFORMATION",
      "FEES",
      "TERM and RENEWAL of AGREEMENT",
      "Term",
      "GENERAL MATTERS",
      null, // "(1) Law: …" is the article's first item
      "Settling Disputes",
    ]);
  });

  it("gives no heading to an article line that starts with running text", () => {
    const clauses = segment("Article 3 it shall keep its systems secure and report any breach within a day.");
    expect(clauses[0]!.number).toBe("Article 3");
    expect(clauses[0]!.heading).toBeNull();
  });

  it("reads a promise made without a modal verb on an article line as text, not as its heading", () => {
    const clauses = segment("Article 12(c). For five years after expiry the Maker undertakes to keep spare parts in stock.");
    expect(clauses[0]!.heading).toBeNull();
  });

  it("trap: a caption-only article line followed by text on the next line stays as before", () => {
    const text = ["ARTICLE 10 LIMITATION OF LIABILITY", "", "Neither party shall be liable for indirect loss."].join("\n");
    const clauses = segment(text);
    expect(clauses.map((c) => c.heading)).toEqual(["LIMITATION OF LIABILITY"]);
    expect(clauses[0]!.span).toEqual({ start: 0, end: text.length });
  });

  it("trap: a table-of-contents line stays one heading, so its captions are not read as terms", () => {
    const toc = "ARTICLE 9 TERMINATION   31   9.1 Termination by Either Party   31   9.2 Effect of Termination   32   9.3 Survival   33";
    expect(segment(toc)[0]!.heading).toBe(toc.slice("ARTICLE 9 ".length));
    const dotted = "ARTICLE 2 Grant of Rights ........................ 4 Section 2.1 Licence ..................... 4";
    expect(segment(dotted)[0]!.heading).toBe(dotted.slice("ARTICLE 2 ".length));
  });

  it("an ARTICLE 1 DEFINITIONS line with the definitions on it is still the definitions section", () => {
    const text = [
      'ARTICLE 1 DEFINITIONS 1.1 "Goods" means the products in Schedule A. 1.2 "Term" has the meaning in Article 2.',
      "ARTICLE 2 TERM 2.1 This Agreement shall last three years.",
    ].join("\n");
    expect(clauseAt(text, "Goods").inDefinitions).toBe(true);
    expect(clauseAt(text, "last three years").inDefinitions).toBe(false);
  });
});

describe("sections numbered in words and numbers glued to their heading", () => {
  it("reads 'SECTION FOUR. FEES   The Client shall…' as section 4 with a short heading", () => {
    const text = [
      "SECTION FOUR. FEES   The Client shall pay a monthly fee of $500.",
      "SECTION FIVE. SERVICES OF AGENT   A. Support. The Agent will answer calls.",
      "SECTION TWENTY-ONE. NOTICES   Notices shall be in writing.",
    ].join("\n");
    expect(segment(text).map((c) => [c.number, c.heading])).toEqual([
      ["4", "FEES"],
      ["5", "SERVICES OF AGENT"],
      ["21", "NOTICES"],
    ]);
  });

  it("a word-numbered section ends the lettered definitions before it", () => {
    const text = [
      'A. "Net Sales" means gross sales less returns.',
      "SECTION THREE. ROYALTY   The Licensee shall pay five percent of Net Sales.",
    ].join("\n");
    expect(clauseAt(text, 'Net Sales" means').inDefinitions).toBe(true);
    expect(clauseAt(text, "five percent").inDefinitions).toBe(false);
  });

  it("reads '2.TERM, RENEWAL:' as clause 2, which ends the definitions section", () => {
    const text = [
      '1. DEFINITIONS: "Station" means a licensed broadcaster.',
      "(a) further terms are defined in the schedule.",
      "2.TERM, RENEWAL:   (a) The Term is five years.",
      "(b) The Network may audit the Station's records once a year.",
    ].join("\n");
    expect(segment(text).map((c) => c.label)).toEqual(["1", "1(a)", "2", "2(b)"]);
    expect(clauseAt(text, "may audit").inDefinitions).toBe(false);
    expect(clauseAt(text, "further terms").inDefinitions).toBe(true);
  });

  it("trap: a number glued to an ordinary word, or a section word that is not a number, starts nothing", () => {
    expect(labels(["1. Services", "5.Dolphin will edit the photographs.", "Section Heads shall meet monthly."].join("\n"))).toEqual(["1"]);
  });
});

describe("Markdown lists and inline HTML", () => {
  // A Common Paper-style form: nested ordered lists, defined terms wrapped in <span> tags, a <br> and a comment.
  const md = [
    "# Services Terms",
    "",
    '1. <span class="header_2" id="1">Fees</span>',
    '    1. <span class="header_3" id="1.1">Invoices.</span>  <span class="coverpage_link">Provider</span> will invoice monthly.',
    '    2. <span class="header_3" id="1.2">Restrictions on Customer.</span>',
    "        a. Customer will not resell the Services.<br>It will not copy them either.",
    "        b. Customer will keep its passwords safe.",
    "2. Term",
    "    1. Ending.  Either party may end this Agreement on notice. <!-- drafting note: check notice -->",
  ].join("\n");

  it("labels an indented list item under its parent, and lettered items as (a), as the form cites them", () => {
    const doc = buildContract("terms.md", "markdown", md);
    const numbered = doc.clauses.filter((c) => c.label !== null);
    expect(numbered.map((c) => c.label)).toEqual(["1", "1.1", "1.2", "1.2(a)", "1.2(b)", "2", "2.1"]);
    expect(numbered.map((c) => c.depth)).toEqual([1, 2, 2, 3, 3, 1, 2]);
    expect(numbered.map((c) => c.heading)).toEqual(["Fees", "Invoices", "Restrictions on Customer", null, null, "Term", "Ending"]);
  });

  it("trap: the same indentation in a plain-text file is layout, not nesting", () => {
    const doc = buildContract("terms.txt", "text", md.replace(/<[^>]+>/g, ""));
    expect(doc.clauses.map((c) => c.label)).toContain("2");
    expect(doc.clauses.map((c) => c.label)).not.toContain("1.1");
  });

  it("drops inline tags but keeps their words, and turns block tags and comments into spaces", () => {
    const doc = buildContract("terms.md", "markdown", md);
    expect(doc.text).not.toMatch(/<\/?span|<br>|<!--|drafting note/);
    expect(doc.text).toContain("Invoices.  Provider will invoice monthly.");
    expect(doc.text).toMatch(/Services\.\s+It will not copy/);
    // Offsets still lead back to the source: the clause text starts where "Provider" is written.
    const at = doc.text.indexOf("Provider will");
    expect(doc.offsetMap![at]).toBe(md.indexOf("Provider</span> will"));
  });

  it("numbers a list written '1. … 1. … 1.' as Markdown shows it, and a section under a lettered heading as K.2", () => {
    const lazy = [
      "1. **Fees**",
      "",
      "   You will pay the fees.",
      "",
      "1. **Term and Termination**",
      "",
      "   Either party may end this Agreement on thirty days' notice.",
      "",
      "1. **Indemnity**",
      "",
      "   You will defend us against claims.",
    ].join("\n");
    const labels = (md: string) =>
      buildContract("terms.md", "markdown", md)
        .clauses.map((c) => c.label)
        .filter(Boolean);
    expect(labels(lazy)).toEqual(["1", "2", "3"]);
    const lettered = [
      "## J. Payment",
      "",
      "### 1. Pricing",
      "",
      "Fees are in the order.",
      "",
      "### 2. Refunds",
      "",
      "None.",
      "",
      "## K. Liability",
      "",
      "We are not liable for lost profits.",
    ].join("\n");
    expect(labels(lettered)).toEqual(["J", "J.1", "J.2", "K"]);
    // A list that numbers its items itself keeps them.
    const own = ["1. Fees", "2. Term", "4. Liability"].join("\n");
    expect(labels(own)).toEqual(["1", "2", "4"]);
  });

  it("keeps a link's words without its target, and blanks a table of contents that links to the document's headings", () => {
    const md = [
      "| Section | What is in it |",
      "| --- | --- |",
      "| [L. Cancellation](#l-cancellation) | You may cancel at any time. |",
      "",
      "## L. Cancellation",
      "",
      "You can [cancel your account at any time](/billing/cancel) in your settings.",
    ].join("\n");
    const doc = buildContract("terms.md", "markdown", md);
    expect(doc.text).toContain("You can cancel your account at any time in your settings.");
    expect(doc.text).not.toContain("You may cancel at any time");
    expect(doc.text).not.toContain("/billing/cancel");
    // A script target is kept as written, for the reader to see.
    expect(buildContract("terms.md", "markdown", "See [terms](javascript:alert(1)) here.").text).toContain("[terms](javascript:alert(1))");
  });

  it("trap: a less-than sign in running text is not a tag", () => {
    const doc = buildContract("terms.md", "markdown", "1. Fees.  Invoices under <5 days old, and a<b comparisons, stay as written.");
    expect(doc.text).toContain("<5 days old, and a<b comparisons");
  });
});

describe("items printed without an opening bracket, and text that resumes after a list", () => {
  it("reads 'a)' and 'b.' items as (a) and (b) under their parent", () => {
    const text = [
      "15.3 Limitations of Liability",
      "",
      "   a)   Neither Party will be liable for lost profits.",
      "",
      "   b)   The total liability of either Party is limited to the fees paid.",
      "",
      "16. Indemnification by the Company.",
      "",
      "a. The Company agrees to indemnify the Agent.",
      "",
      "b. The Agent agrees to indemnify the Company.",
    ].join("\n");
    expect(clauseAt(text, "lost profits").label).toBe("15.3(a)");
    expect(clauseAt(text, "total liability").label).toBe("15.3(b)");
    expect(clauseAt(text, "The Company agrees").label).toBe("16(a)");
    expect(clauseAt(text, "The Agent agrees").label).toBe("16(b)");
  });

  it("trap: a sentence wrapped onto a line that starts with a lower-case word and a dot is not an item", () => {
    const text = ["7. Fees", "", "The Customer shall pay the fees set out in the schedule, see", "e. g. the rates below."].join("\n");
    expect(labels(text)).toEqual(["7"]);
  });

  it("reads the first item after a caption in capitals on the clause's own line", () => {
    const line =
      "10. SUSPENSION AND TERMINATION (a) Suspension: the Supplier may suspend the service when fees are unpaid for thirty days after notice. " +
      "(b) Customer's Right to Terminate: the Customer may terminate this Agreement on ninety days' written notice for any reason.";
    expect(clauseAt(line, "ninety days").label).toBe("10(b)");
  });

  it("trap: '(A)' after a reference in an all-capitals sentence is not an item", () => {
    const line =
      "7.2 THE SOLE REMEDY UNDER SECTION 7.1 (A) HEREOF SHALL BE TO REPAIR THE PRODUCT; CLAIMS MUST BE MADE IN WRITING WITHIN NINETY DAYS OF DELIVERY.";
    expect(labels(line)).toEqual(["7.2"]);
  });

  it("gives a paragraph after items listed inside the clause's line back to the clause", () => {
    const text = [
      "8.1 Provider Warranty. The Provider warrants that: (i) The Provider is duly organised; (ii) The Provider has the power to sign; and (iii) The content is its own.",
      "",
      "The Provider will defend and indemnify the Distributor against third-party claims.",
    ].join("\n");
    expect(clauseAt(text, "will defend").label).toBe("8.1");
    expect(clauseAt(text, "power to sign").label).toBe("8.1(ii)");
  });

  it("gives lower-case text resuming after a list of items to the clause that opened the list", () => {
    const text = [
      "7.1 If:",
      "",
      "(a) the losses are not covered by the fund;",
      "",
      "(b) the losses arise from the Adviser's acts; and",
      "",
      "(c) the Adviser was negligent,",
      "",
      "then the Adviser will indemnify the Manager for the losses.",
      "",
      "(d) A new item.",
    ].join("\n");
    expect(clauseAt(text, "then the Adviser").label).toBe("7.1");
    expect(clauseAt(text, "was negligent").label).toBe("7.1(c)");
  });

  it("trap: an item whose sentence runs on after a page break keeps its number", () => {
    const text = ["7.1 The Supplier shall:", "", "(a) keep the records of every delivery made to the", "", "customer for six years."].join(
      "\n",
    );
    expect(clauseAt(text, "customer for six years").label).toBe("7.1(a)");
  });
});
