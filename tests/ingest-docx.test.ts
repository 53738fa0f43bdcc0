import { describe, expect, it } from "vitest";
import { analyse } from "../src/engine/index.js";
import { formatNumber, numberParagraphs, parseNumbering, readXmlParagraphs } from "../src/ingest/docx-numbering.js";
import { ingest } from "../src/ingest/index.js";
import type { ContractDocument } from "../src/model/document.js";
import { builtinPack } from "./helpers.js";
import { makeDocx, makePdf } from "./fixtures/make-documents.js";

const CLAUSES = [
  { heading: 1 as const, text: "Facilities Management Agreement" },
  { text: 'This Agreement is between Northgate Hospital Trust (the "Customer") and Civic Estates Ltd (the "Supplier").' },
  { level: 0, text: "Services" },
  { level: 1, text: "The Supplier shall clean and maintain the Customer's sites as set out in Schedule 1." },
  { level: 1, text: "The Supplier shall keep a maintenance log for each site." },
  { level: 0, text: "Liability" },
  { level: 1, text: "Each party is liable for death or personal injury caused by its negligence." },
  {
    level: 1,
    text: "Neither party's total liability under this Agreement shall exceed the charges paid in the preceding twelve months, except that:",
  },
  { level: 2, text: "the cap does not apply to fraud; and" },
  { level: 2, text: "the cap does not apply to breach of confidentiality." },
];

async function readDocx(bytes: Uint8Array, path = "fm.docx") {
  return ingest({ path, bytes });
}

describe("Word reader", { timeout: 60_000 }, () => {
  it("rebuilds Word's automatic clause numbers so a finding cites clause 2.2", async () => {
    const bytes = await makeDocx(CLAUSES);
    const doc = await readDocx(bytes);
    expect(doc.ok).toBe(true);
    const contract = (doc as { value: ContractDocument }).value;
    expect(contract.format).toBe("docx");
    expect(contract.text).toMatch(/^1\. Services$/m);
    expect(contract.text).toMatch(/^1\.2 The Supplier shall keep/m);
    expect(contract.text).toMatch(/^\(b\) the cap does not apply to breach/m);
    const labels = contract.clauses.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["1", "1.1", "1.2", "2", "2.1", "2.2", "2.2(a)", "2.2(b)"]));
    const cap = analyse(contract, await builtinPack()).facts.find((f) => f.topic === "liability-cap");
    expect(cap?.location.clause).toBe("2.2");
    expect(cap?.location.page).toBeUndefined();
  });

  it("keeps headings as headings", async () => {
    const doc = await readDocx(await makeDocx(CLAUSES));
    const contract = (doc as { value: ContractDocument }).value;
    expect(contract.text.startsWith("# Facilities Management Agreement")).toBe(true);
  });

  it("puts each table row on one line", async () => {
    const doc = await readDocx(
      await makeDocx(CLAUSES.slice(0, 3), [
        ["Service", "Charge"],
        ["Cleaning", "GBP 4,000 per month"],
      ]),
    );
    const contract = (doc as { value: ContractDocument }).value;
    expect(contract.original).toMatch(/^Cleaning\tGBP 4,000 per month$/m);
  });

  it("reports damaged and non-Word zips as DOCX_CORRUPT", async () => {
    const good = await makeDocx(CLAUSES);
    const truncated = await readDocx(good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.ok ? null : truncated.error.code).toBe("DOCX_CORRUPT");
    // A zip that is not a Word document (no word/document.xml), named .docx.
    const zip = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    const empty = await readDocx(zip, "empty.docx");
    expect(empty.ok ? null : empty.error.code).toBe("DOCX_CORRUPT");
    // Text renamed to .docx has no zip directory at all.
    const text = await readDocx(new TextEncoder().encode("1. Services. The Supplier shall..."), "notes.docx");
    expect(text.ok ? null : text.error.code).toBe("DOCX_CORRUPT");
  });

  it("reads a PDF renamed .docx as the PDF it is", async () => {
    const pdf = await makePdf([{ lines: ["1. Services", "1.1 The Supplier shall provide the services."] }]);
    const doc = await readDocx(pdf, "draft.docx");
    expect(doc.ok && doc.value.format).toBe("pdf");
  });
});

describe("Word numbering", () => {
  const numbering = `<w:numbering xmlns:w="x">
    <w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  </w:numbering>`;
  const p = (numId: string | null, ilvl: number, text: string, style = ""): string =>
    `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ""}${numId ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ""}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

  it("formats levels as Word does and restarts deeper levels", () => {
    const body = `<w:document xmlns:w="x"><w:body>${[
      p("1", 0, "General"),
      p("1", 1, "Scope"),
      p("1", 2, "first"),
      p("1", 2, "second"),
      p("2", 0, "a bullet"),
      p(null, 0, "plain text"),
      p("1", 1, "Order of precedence"),
      p("1", 0, "Charges"),
      p("1", 1, "Fees"),
      p("3", 0, "Restarted at five"),
      p("Heading", 0, "styled", "Heading1"),
    ].join("")}</w:body></w:document>`;
    const paragraphs = readXmlParagraphs(body);
    expect(paragraphs.map((x) => x.text)).toContain("Order of precedence");
    const styles = `<w:styles xmlns:w="x"><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const labels = numberParagraphs(paragraphs, parseNumbering(numbering, styles));
    expect(labels.slice(0, 10)).toEqual(["Article I", "I.1", "(i)", "(ii)", null, null, "I.2", "Article II", "II.1", "Article V"]);
  });

  it("numbers paragraphs through their style when the paragraph has no numbering of its own", () => {
    const body = `<w:document xmlns:w="x"><w:body>${p(null, 0, "One", "ClauseL1")}${p(null, 0, "Two", "ClauseL1")}</w:body></w:document>`;
    const styled = numbering.replace(
      '<w:lvl w:ilvl="0"><w:start w:val="1"/>',
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:pStyle w:val="ClauseL1"/>',
    );
    expect(numberParagraphs(readXmlParagraphs(body), parseNumbering(styled, null))).toEqual(["Article I", "Article II"]);
  });

  it("does not number an empty paragraph that only carries a section break", () => {
    const br = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:sectPr/></w:pPr></w:p>`;
    const body = `<w:document xmlns:w="x"><w:body>${br}${p("1", 0, "Services")}${p("1", 0, "Fees")}</w:body></w:document>`;
    expect(numberParagraphs(readXmlParagraphs(body), parseNumbering(numbering, null))).toEqual([null, "Article I", "Article II"]);
  });

  it("formats letters and roman numerals past the simple range", () => {
    expect(formatNumber(27, "lowerLetter")).toBe("aa");
    expect(formatNumber(14, "upperRoman")).toBe("XIV");
    expect(formatNumber(4, "decimalZero")).toBe("04");
  });
});
