import { describe, expect, it } from "vitest";
import { buildContract } from "../src/ingest/contract.js";

/**
 * A 20 MB line of "1.1.1.…" once overflowed the regex stack while the reader looked for clause numbers, page
 * furniture and non-operative clauses: the document failed with INTERNAL instead of being read.
 */
describe("a huge line of clause-number-like text", () => {
  it("is read as one clause, without a stack overflow", () => {
    const text = "1.".repeat(10_000_000);
    const doc = buildContract("dots.txt", "text", text);
    expect(doc.clauses.length).toBeGreaterThan(0);
    expect(doc.clauses.every((c) => c.nonOperative === undefined || c.span.end - c.span.start < 5000)).toBe(true);
  });

  it("still finds a clause number at the start of a long line", () => {
    const text = `7.2 The Supplier shall deliver the goods. ${"More words about delivery. ".repeat(400)}`;
    const doc = buildContract("long.txt", "text", text);
    expect(doc.clauses[0]!.number).toBe("7.2");
  });
});
