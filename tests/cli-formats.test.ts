import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { fakeIo } from "./helpers.js";
import { makeDocx, makePdf } from "./fixtures/make-documents.js";

/** main() over real files of every format, including broken ones: errors never lose the other files' work. */
const LINES = [
  'This Agreement is between Westfield Council (the "Customer") and Brightway Facilities Ltd (the "Supplier").',
  "1. Liability",
  "1.1 In no event shall the Supplier's aggregate liability under this Agreement exceed the fees paid in the",
  "twelve months preceding the claim.",
];

let dir = "";
const files: Record<string, string> = {};
let pdfBytes: Uint8Array = new Uint8Array();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "trustlint-formats-"));
  const put = async (name: string, bytes: Uint8Array | string): Promise<void> => {
    files[name] = join(dir, name);
    await writeFile(files[name]!, bytes);
  };
  pdfBytes = await makePdf([{ lines: ["SERVICES AGREEMENT", ""] }, { lines: LINES }]);
  await put("good.pdf", pdfBytes);
  await put("locked.pdf", await makePdf([{ lines: LINES }], { userPassword: "open-sesame" }));
  await put("scanned.pdf", await makePdf([{ lines: LINES }], { imageOnly: true }));
  await put("broken.pdf", pdfBytes.subarray(0, 300));
  await put("broken.docx", new TextEncoder().encode("not a zip"));
  await put(
    "good.docx",
    await makeDocx([{ text: LINES[0]! }, { level: 0, text: "Liability" }, { level: 1, text: LINES.slice(2).join(" ") }]),
  );
  await put("good.html", `<html><body><p>${LINES[0]}</p><p>1. Liability</p><p>${LINES.slice(2).join(" ")}</p></body></html>`);
}, 60_000);

interface JsonDoc {
  path: string;
  format: string | null;
  error: { code: string; message: string } | null;
  topics: { id: string; location: { page?: number; clause: string | null } }[];
}

// PDF parsing is slow on a loaded 2-core machine; the limit only stops a hang, it asserts nothing about speed.
describe("check over PDF, Word and HTML inputs", { timeout: 60_000 }, () => {
  it("analyses every good file, reports each bad one as an error entry, and exits 2", async () => {
    const io = fakeIo();
    const order = ["good.pdf", "locked.pdf", "scanned.pdf", "broken.pdf", "broken.docx", "good.docx", "good.html"];
    const code = await main(["check", ...order.map((n) => files[n]!), "--format", "json"], io);
    expect(code).toBe(2);
    // Batch output is sorted by path; put the documents back in argument order for the checks below.
    const rank = (d: JsonDoc) => order.findIndex((n) => files[n] === d.path);
    const docs = (JSON.parse(io.out) as { documents: JsonDoc[] }).documents.sort((a, b) => rank(a) - rank(b));
    expect(docs.map((d) => d.error?.code ?? null)).toEqual([
      null,
      "PDF_ENCRYPTED",
      "PDF_NO_TEXT",
      "PDF_CORRUPT",
      "DOCX_CORRUPT",
      null,
      null,
    ]);
    expect(docs.map((d) => d.format)).toEqual(["pdf", null, null, null, null, "docx", "html"]);
    const pdfCap = docs[0]!.topics.find((t) => t.id === "liability-cap");
    expect(pdfCap?.location).toMatchObject({ page: 2, clause: "1.1" });
    expect(docs[5]!.topics.find((t) => t.id === "liability-cap")?.location.clause).toBe("1.1");
    expect(docs[6]!.topics.some((t) => t.id === "liability-cap")).toBe(true);
    // One line per failure, naming file and code, no stack trace.
    const lines = io.err.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes("locked.pdf"))).toMatch(/locked\.pdf: PDF_ENCRYPTED .*--password/);
    expect(lines.find((l) => l.includes("scanned.pdf"))).toMatch(/scanned\.pdf: PDF_NO_TEXT .*OCR/);
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it("opens an encrypted PDF with --password", async () => {
    const io = fakeIo();
    expect(await main(["check", files["locked.pdf"]!, "--password", "open-sesame", "--format", "json"], io)).toBe(0);
    expect((JSON.parse(io.out) as { documents: JsonDoc[] }).documents[0]!.topics.some((t) => t.id === "liability-cap")).toBe(true);
  });

  it("shows the cause of a corrupt PDF only with --debug", async () => {
    const quiet = fakeIo();
    await main(["check", files["broken.pdf"]!], quiet);
    expect(quiet.err.trim().split("\n")).toHaveLength(1);
    const loud = fakeIo();
    await main(["check", files["broken.pdf"]!, "--debug"], loud);
    expect(loud.err).toMatch(/\n\s+at /);
  });

  it("reads a PDF from standard input by its content", async () => {
    const io = fakeIo({ readStdin: async () => pdfBytes });
    expect(await main(["check", "-", "--format", "json"], io)).toBe(0);
    const doc = (JSON.parse(io.out) as { documents: JsonDoc[] }).documents[0]!;
    expect(doc.format).toBe("pdf");
  });

  it("uses --stdin-format when the content does not tell", async () => {
    const fragment = new TextEncoder().encode(`<b>1. Liability</b><br>${LINES.slice(2).join(" ")}`);
    const plain = fakeIo({ readStdin: async () => fragment });
    await main(["check", "-", "--format", "json"], plain);
    expect((JSON.parse(plain.out) as { documents: JsonDoc[] }).documents[0]!.format).toBe("text");
    const html = fakeIo({ readStdin: async () => fragment });
    await main(["check", "-", "--stdin-format", "html", "--format", "json"], html);
    expect((JSON.parse(html.out) as { documents: JsonDoc[] }).documents[0]!.format).toBe("html");
  });

  it("refuses files over --max-size with INPUT_TOO_LARGE before reading them, and stdin after", async () => {
    const big = join(dir, "big.txt");
    await writeFile(big, "The Supplier shall provide the services. ".repeat(30_000));
    const io = fakeIo();
    expect(await main(["check", big, files["good.html"]!, "--max-size", "1", "--format", "json"], io)).toBe(2);
    const docs = (JSON.parse(io.out) as { documents: JsonDoc[] }).documents;
    expect(docs.map((d) => d.error?.code ?? null)).toEqual(["INPUT_TOO_LARGE", null]);
    expect(io.err).toMatch(/big\.txt: INPUT_TOO_LARGE .*--max-size/);
    const stdin = fakeIo({ readStdin: async () => new Uint8Array(2 * 1024 * 1024).fill(65) });
    expect(await main(["check", "-", "--max-size", "1"], stdin)).toBe(2);
    expect(stdin.err).toMatch(/INPUT_TOO_LARGE/);
  });

  it("rejects a bad --max-size value as a usage error", async () => {
    const io = fakeIo();
    expect(await main(["check", files["good.html"]!, "--max-size", "lots"], io)).toBe(2);
  });
});
