import { describe, expect, it } from "vitest";
import { analyse } from "../src/engine/index.js";
import { ingest } from "../src/ingest/index.js";
import type { ContractDocument } from "../src/model/document.js";
import { builtinPack } from "./helpers.js";
import { makePdf } from "./fixtures/make-documents.js";

/** A three-page services agreement laid out like counsel's PDF: wrapped lines, running header, page footer. */
const PAGES = [
  {
    lines: [
      "MANAGED SERVICES AGREEMENT",
      "",
      'This Agreement is made between Harbour Foods plc (the "Customer") and Lumen Data Ltd (the "Supplier").',
      "",
      "1. Services",
      "1.1 The Supplier shall provide the managed hosting services described in Schedule 1 from the Effective",
      "Date, using suitably qualified personnel and in accordance with good industry practice at all",
      "times during the term of this Agreement.",
      "1.2 The Customer shall give the Supplier reasonable access to its premises and systems.",
    ],
  },
  {
    lines: [
      "2. Charges",
      "2.1 The Customer shall pay the charges set out in Schedule 2 within thirty days of a valid invoice,",
      "and the Supplier shall keep accurate records of the time and materials used to perform the ser-",
      "vices so that the charges can be checked.",
      "3. Liability",
      "3.1 In no event shall the Supplier's aggregate liability under this Agreement exceed the fees paid",
      "by the Customer in the twelve months preceding the claim.",
    ],
  },
  {
    lines: [
      "4. Term",
      "4.1 This Agreement continues for three years unless ended earlier under this clause 4.",
      "4.2 Either party may end this Agreement on ninety days' written notice to the other.",
    ],
  },
];

// Taken before this file first loads pdf.js (vitest runs each test file in its own process).
const NATIVE_PUSH = Array.prototype.push;
const NATIVE_JSON_PARSE = JSON.parse;

async function readPdf(bytes: Uint8Array, password?: string) {
  return ingest({ path: "msa.pdf", bytes }, { password });
}

describe("PDF reader", { timeout: 60_000 }, () => {
  it("leaves the process with the native Array.prototype.push and JSON.parse that pdf.js's polyfills replace", async () => {
    const doc = await readPdf(await makePdf(PAGES.slice(0, 1)));
    expect(doc.ok).toBe(true);
    expect(Array.prototype.push).toBe(NATIVE_PUSH);
    expect(JSON.parse).toBe(NATIVE_JSON_PARSE);
  });

  it("keeps text per page: a fact on page 2 carries page 2 and its clause number", async () => {
    const bytes = await makePdf(PAGES, { header: "Lumen Data Ltd - Managed Services Agreement - CONFIDENTIAL", footer: "Page %n of %t" });
    const doc = await readPdf(bytes);
    expect(doc.ok).toBe(true);
    const contract = (doc as { value: ContractDocument }).value;
    expect(contract.format).toBe("pdf");
    expect(contract.pageStarts).toHaveLength(3);
    const facts = analyse(contract, await builtinPack()).facts.filter((f) => f.topic === "liability-cap");
    expect(facts.length).toBeGreaterThan(0);
    expect(facts[0]!.location.page).toBe(2);
    expect(facts[0]!.location.clause).toBe("3.1");
  });

  it("drops the running header and the page-number footer, joins wrapped and hyphenated lines", async () => {
    const bytes = await makePdf(PAGES, { header: "Lumen Data Ltd - Managed Services Agreement - CONFIDENTIAL", footer: "Page %n of %t" });
    const doc = await readPdf(bytes);
    const text = (doc as { value: ContractDocument }).value.text;
    expect(text).not.toMatch(/CONFIDENTIAL/);
    expect(text).not.toMatch(/Page \d of 3/);
    expect(text).toContain("to perform the services so that");
    expect(text).toContain("in accordance with good industry practice at all times during the term");
    // Clause numbers stay at the start of their paragraph.
    expect(text).toMatch(/\n\n3\.1 In no event/);
    expect(text).toMatch(/\n\n4\.2 Either party/);
  });

  it("refuses a PDF with no text layer with PDF_NO_TEXT and an OCR hint", async () => {
    const bytes = await makePdf(PAGES, { imageOnly: true });
    const doc = await readPdf(bytes);
    expect(doc.ok).toBe(false);
    if (doc.ok) return;
    expect(doc.error.code).toBe("PDF_NO_TEXT");
    expect(doc.error.hint).toMatch(/OCR/);
  });

  it("reports a password-protected PDF as PDF_ENCRYPTED and opens it with the password", async () => {
    const bytes = await makePdf(PAGES, { userPassword: "s3cret" });
    const locked = await readPdf(bytes);
    expect(locked.ok).toBe(false);
    if (!locked.ok) {
      expect(locked.error.code).toBe("PDF_ENCRYPTED");
      expect(locked.error.hint).toMatch(/--password/);
    }
    const wrong = await readPdf(bytes, "guess");
    expect(wrong.ok ? null : wrong.error.code).toBe("PDF_ENCRYPTED");
    const opened = await readPdf(bytes, "s3cret");
    expect(opened.ok).toBe(true);
    if (opened.ok && opened.value.kind === "contract") expect(opened.value.text).toContain("aggregate liability");
  });

  it("reports truncated and non-PDF bytes as PDF_CORRUPT", async () => {
    const good = await makePdf(PAGES);
    const truncated = good.subarray(0, 400);
    const first = await ingest({ path: "cut.pdf", bytes: truncated });
    expect(first.ok ? null : first.error.code).toBe("PDF_CORRUPT");
    const text = await ingest({ path: "notes.pdf", bytes: new TextEncoder().encode("this is not a PDF at all") });
    expect(text.ok ? null : text.error.code).toBe("PDF_CORRUPT");
  });

  it("detects a PDF from its bytes even with a misleading name", async () => {
    const bytes = await makePdf(PAGES);
    const doc = await ingest({ path: "contract.txt", bytes });
    expect(doc.ok && doc.value.format).toBe("pdf");
  });
});
