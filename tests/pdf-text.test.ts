import { describe, expect, it } from "vitest";
import { assemblePdfText, isPageNumberLine } from "../src/ingest/pdf-text.js";

const FULL = "The Supplier shall provide the services with reasonable skill and care and in line with";

function page(n: number, body: string[], footer = `- ${n} -`): string {
  return [`Orchard Logistics Outsourcing Agreement`, ...body, footer].join("\n");
}

describe("PDF text assembly", () => {
  it("recognises page-number lines and nothing else", () => {
    for (const line of ["3", "- 3 -", "Page 3", "Page 3 of 10", "page 12 of 40", "3 of 10", "[4]", "iv", "A-3"])
      expect(isPageNumberLine(line), line).toBe(true);
    for (const line of ["3. Term", "30 days", "Page 3 of the Schedule sets out the fees", "(a)", "Section 4"])
      expect(isPageNumberLine(line), line).toBe(false);
  });

  it("removes headers repeated on most pages even when they carry a changing number", () => {
    const topics = ["Services", "Charges", "Liability", "Term"];
    const bodies = [
      "The Supplier runs the depot.",
      "Invoices are monthly.",
      "Each party's liability is capped.",
      "The term is five years.",
    ];
    const pages = [1, 2, 3, 4].map((n) =>
      [`Source: ORCHARD INC, 10-K, 3/2/2021 page ${n}`, `${n}. ${topics[n - 1]}.`, bodies[n - 1], `${n}`].join("\n"),
    );
    const { text } = assemblePdfText(pages);
    expect(text).not.toMatch(/Source:/);
    expect(text).not.toMatch(/^\d$/m);
    expect(text).toContain("3. Liability.");
    expect(text).toContain("Invoices are monthly.");
  });

  it("never takes a numbered clause line for a running header", () => {
    const pages = [1, 2, 3].map((n) => [`${n}. Definitions continued.`, `Body ${"abc".repeat(n)}.`].join("\n"));
    const { text } = assemblePdfText(pages);
    expect(text.match(/Definitions continued/g)).toHaveLength(3);
  });

  it("keeps edge lines of a short document that only look repeated", () => {
    const { text } = assemblePdfText(["Notice\nThe Customer may audit.", "Notice\nThe Supplier shall comply."]);
    expect(text.match(/Notice/g)).toHaveLength(2);
  });

  it("reflows a paragraph across a page break and records where the next page starts", () => {
    const p1 = page(1, [
      "1. Services",
      `1.1 ${FULL}`,
      "the service levels, and shall report monthly to the Customer on performance against",
    ]);
    const p2 = page(2, ["each service level.", "1.2 The Customer shall pay the charges."]);
    const p3 = page(3, ["2. Term", "2.1 This Agreement lasts three years."]);
    const { text, pageStarts } = assemblePdfText([p1, p2, p3]);
    expect(text).toContain("performance against each service level.");
    expect(text).not.toContain("Orchard Logistics Outsourcing Agreement");
    expect(pageStarts).toHaveLength(3);
    expect(text.slice(pageStarts[1]!)).toMatch(/^each service level\./);
    expect(text.slice(pageStarts[2]!)).toMatch(/^2\. Term/);
  });

  it("joins hyphenated breaks but keeps the hyphen of real compounds", () => {
    const lines = [
      `1.1 ${FULL} the agreed termi-`,
      `nation assistance plan, including the non-`,
      `compete and out-of-`,
      `pocket cost provisions agreed between the parties in writing from time to time here.`,
    ];
    const { text } = assemblePdfText([lines.join("\n")]);
    expect(text).toContain("termination assistance");
    expect(text).toContain("non-compete");
    expect(text).toContain("out-of-pocket");
  });

  it("starts a new paragraph at a clause number after a sentence end, not inside a wrapped sentence", () => {
    const lines = [
      `1.1 ${FULL}`,
      "good practice; and",
      `(a) ${FULL}`,
      `${FULL} with the payments listed in clause`,
      "(b) below are due on the first day.",
    ];
    const { text } = assemblePdfText([lines.join("\n")]);
    const paragraphs = text.split("\n\n");
    expect(paragraphs.some((p) => p.startsWith("(a) "))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith("(b) "))).toBe(false);
    expect(text).toContain("listed in clause (b) below");
  });

  it("gives empty pages a start and stays ascending", () => {
    const { pageStarts, text } = assemblePdfText(["1. One.\nText one.", "", "2. Two.\nText two."]);
    expect(pageStarts).toHaveLength(3);
    expect([...pageStarts].sort((a, b) => a - b)).toEqual(pageStarts);
    expect(text.slice(pageStarts[2]!)).toMatch(/^2\. Two/);
  });
});
