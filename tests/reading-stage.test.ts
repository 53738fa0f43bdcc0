import { describe, expect, it } from "vitest";
import { buildContract } from "../src/ingest/contract.js";
import { directionOf, readDocument } from "../src/reading/index.js";
import { operativeAt } from "../src/reading/operative.js";

/**
 * The reading stage on its own, with no rule pack: which clauses and sentences it hands to topic detection, where
 * each clause sits, and who acts in a sentence.
 */

const CONTRACT = [
  "MAINTENANCE AGREEMENT",
  "",
  'This Maintenance Agreement is made between Orrin Lifts Ltd ("Orrin") and Castlegate Estates plc ("Castlegate").',
  "",
  "WHEREAS Castlegate owns the buildings and wishes Orrin to maintain their lifts, and Orrin shall indemnify Castlegate under an earlier contract.",
  "",
  "NOW, THEREFORE, the parties agree as follows:",
  "",
  "1. Definitions",
  "",
  '1.1 "Charges" means the sums set out in Schedule 2.',
  "",
  "2. Termination",
  "",
  "2.1 Castlegate may terminate this Agreement on any of the following grounds:",
  "",
  "(a) at any time, on ninety days' notice;",
  "",
  "(b) if Orrin fails to attend a call-out twice in a month.",
  "",
  "3. Indemnity by Orrin",
  "",
  "3.1 It shall indemnify Castlegate against claims for injury caused by its engineers.",
  "",
  "4. [Reserved]",
  "",
  "IN WITNESS WHEREOF the parties have signed this Agreement.",
  "",
].join("\n");

const doc = buildContract("lifts.txt", "text", CONTRACT);
const reading = readDocument(doc);
const clauses = [...reading.clauses()];
const byNumber = (n: string) => clauses.find((c) => c.clause.number === n);

describe("reading stage", () => {
  it("hands on operative clauses only, never a placeholder", () => {
    expect(clauses.length).toBeGreaterThan(0);
    expect(clauses.every((c) => !c.clause.placeholder && !c.clause.nonOperative)).toBe(true);
    expect(clauses.some((c) => /Reserved/.test(c.text))).toBe(false);
  });

  it("gives a list item the sentence that opens its list, and a clause under a bare title that title", () => {
    expect(byNumber("(a)")?.leadIn).toMatch(/Castlegate may terminate this Agreement on any of the following grounds:$/);
    expect(byNumber("2.1")?.leadIn ?? null).toBeNull();
    expect(byNumber("3.1")?.heading).toBe("Indemnity by Orrin");
  });

  it("keeps the preamble and recitals out of every sentence it hands on", () => {
    const recital = CONTRACT.indexOf("WHEREAS");
    const sentences = clauses.flatMap((c) => c.sentences);
    expect(sentences.some((s) => s.start <= recital && s.end > recital)).toBe(false);
  });

  it("says a definition, a signature block and a bare title are not operative, unless a topic opts in", () => {
    const at = (needle: string) => {
      const start = doc.text.indexOf(needle);
      const clause = doc.clauses.find((c) => c.span.start <= start && start < c.span.end)!;
      const unit = { start, end: start + needle.length };
      return { clause, unit, text: needle };
    };
    const none = { definitions: false, headings: false };
    const def = at('"Charges" means the sums set out in Schedule 2.');
    expect(operativeAt(doc, def.clause, def.unit, def.text, 0, none)).toBe(false);
    expect(operativeAt(doc, def.clause, def.unit, def.text, 0, { ...none, definitions: true })).toBe(true);
    const signed = at("IN WITNESS WHEREOF the parties have signed this Agreement.");
    expect(operativeAt(doc, signed.clause, signed.unit, signed.text, 0, none)).toBe(false);
    const title = at("Indemnity by Orrin");
    expect(operativeAt(doc, title.clause, title.unit, title.text, 0, none)).toBe(false);
    expect(operativeAt(doc, title.clause, title.unit, title.text, 0, { ...none, headings: true })).toBe(true);
    const item = at("(a) at any time, on ninety days' notice;");
    expect(operativeAt(doc, item.clause, item.unit, item.text, 4, none)).toBe(true);
  });

  it("reads who acts in a sentence through the document's lexicon, by party", () => {
    const sentence = "Orrin shall indemnify Castlegate against claims for injury.";
    const at = sentence.indexOf("indemnify");
    const d = directionOf(sentence, at, at + "indemnify".length, "burdened", reading.lexicon);
    expect([d.mutual, d.burdenedParty, d.beneficiaryParty]).toEqual([false, "Orrin", "Castlegate"]);
    const both = "Each party shall indemnify the other against claims for injury.";
    const at2 = both.indexOf("indemnify");
    expect(directionOf(both, at2, at2 + 9, "burdened", reading.lexicon).mutual).toBe(true);
  });
});
