import { deflateSync } from "node:zlib";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ingest } from "../src/ingest/index.js";
import { countParagraphs, limitsFor, XmlScanner } from "../src/ingest/expansion.js";
import { normalise, toSourceOffset } from "../src/ingest/normalise.js";
import { makeDocx } from "./fixtures/make-documents.js";
import { run, scratch, HARBOUR } from "./batch/util.js";

const KB = 1024;
const GOOD = [
  { level: 0, text: "Services" },
  { level: 1, text: "The Supplier shall clean the Customer's sites." },
];

async function withPart(docx: Uint8Array, name: string, content: string | Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  zip.file(name, content);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

function errorOf(result: Awaited<ReturnType<typeof ingest>>) {
  expect(result.ok).toBe(false);
  return (result as { ok: false; error: { code: string; message: string } }).error;
}

describe("expansion budget (issue items 1-3)", { timeout: 60_000 }, () => {
  it("refuses a small Word file holding one huge paragraph before the Word reader builds it, naming the limit", async () => {
    const docx = await makeDocx([...GOOD, { text: "word ".repeat(60_000) }]); // ~300 KB of text, a few KB zipped
    expect(docx.length).toBeLessThan(100 * KB);
    const error = errorOf(await ingest({ path: "one-paragraph.docx", bytes: docx }, { maxBytes: 100 * KB }));
    expect(error.code).toBe("INPUT_TOO_LARGE");
    expect(error.message).toMatch(/more than 102,400 characters of text/);
  });

  it("counts Word paragraphs while reading: many short paragraphs are refused by number", async () => {
    const docx = await makeDocx(Array.from({ length: 2_500 }, () => ({ text: "x" })));
    const error = errorOf(await ingest({ path: "many.docx", bytes: docx }, { maxBytes: 200 * KB }));
    expect(error.code).toBe("INPUT_TOO_LARGE");
    expect(error.message).toMatch(/more than 2,000 paragraphs/);
  });

  it("--max-size covers what a Word package decompresses to, whatever part it is in", async () => {
    const docx = await withPart(await makeDocx(GOOD), "word/media/blob.bin", new Uint8Array(5 * 1024 * 1024));
    expect(docx.length).toBeLessThan(100 * KB);
    const error = errorOf(await ingest({ path: "bomb.docx", bytes: docx }, { maxBytes: 100 * KB }));
    expect(error).toMatchObject({ code: "INPUT_TOO_LARGE" });
    expect(error.message).toMatch(/expands to more than 4\.0 MB when decompressed \(word\/media\/blob\.bin\)/);
  });

  it("bounds XML nesting in a Word file", async () => {
    const deep = `<?xml version="1.0"?>${"<a>".repeat(600)}${"</a>".repeat(600)}`;
    const docx = await withPart(await makeDocx(GOOD), "word/deep.xml", deep);
    const error = errorOf(await ingest({ path: "deep.docx", bytes: docx }));
    expect(error.message).toMatch(/nested more than 512 deep/);
  });

  it("still reads a good Word file under a small --max-size", async () => {
    const result = await ingest({ path: "good.docx", bytes: await makeDocx(GOOD) }, { maxBytes: 100 * KB });
    expect(result.ok).toBe(true);
  });

  it("refuses a PDF whose compressed stream expands past the budget, before pdf.js decodes it", async () => {
    const body = deflateSync(Buffer.alloc(6 * 1024 * 1024, 0x20));
    const pdf = Buffer.concat([
      Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Length ${body.length} /Filter /FlateDecode >>\nstream\n`, "latin1"),
      body,
      Buffer.from("\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n", "latin1"),
    ]);
    const started = performance.now();
    const error = errorOf(await ingest({ path: "spaces.pdf", bytes: new Uint8Array(pdf) }, { maxBytes: 100 * KB }));
    expect(error.code).toBe("INPUT_TOO_LARGE");
    expect(error.message).toMatch(/expands to more than 4\.0 MB when decompressed \(compressed streams\)/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("does not count image streams, which text extraction never decodes", async () => {
    const { checkPdfStreams } = await import("../src/ingest/pdf-streams.js");
    const body = deflateSync(Buffer.alloc(6 * 1024 * 1024));
    const pdf = (dict: string) =>
      new Uint8Array(
        Buffer.concat([
          Buffer.from(`%PDF-1.4\n1 0 obj\n<< ${dict} /Filter /FlateDecode >>\nstream\n`),
          body,
          Buffer.from("\nendstream\nendobj\n"),
        ]),
      );
    expect(checkPdfStreams("scan.pdf", pdf("/Type /XObject /Subtype /Image /Width 2000"), limitsFor(100 * KB))).toBeNull();
    expect(checkPdfStreams("text.pdf", pdf("/Length 9"), limitsFor(100 * KB))).toMatchObject({ code: "INPUT_TOO_LARGE" });
  });

  it("bounds HTML nesting: 100k nested <div> are refused at once instead of parsed quadratically", async () => {
    const html = `<html><body>${"<div>".repeat(100_000)}The Supplier shall${"</div>".repeat(100_000)}</body></html>`;
    const started = performance.now();
    const error = errorOf(await ingest({ path: "deep.html", bytes: new TextEncoder().encode(html) }));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: "INPUT_TOO_LARGE" });
    expect(error.message).toMatch(/nested more than 512 deep \(HTML elements\)/);
  });

  it("reading respects --timeout: an HTML walk stops when the clock runs out", async () => {
    let t = 0;
    const html = `<p>${"<b>x</b>".repeat(20_000)}</p>`;
    const result = await ingest({ path: "slow.html", bytes: new TextEncoder().encode(html) }, { timeoutMs: 50, now: () => (t += 10) });
    expect(errorOf(result)).toMatchObject({ code: "ANALYSIS_TIMEOUT" });
  });

  it("counts text paragraphs: a small text file of many short paragraphs is refused by number", async () => {
    const text = "a\n\n".repeat(3_000);
    expect(countParagraphs(text)).toBe(3_000);
    const error = errorOf(await ingest({ path: "many.txt", bytes: new TextEncoder().encode(text) }, { maxBytes: 10 * KB }));
    expect(error.message).toMatch(/more than 2,000 paragraphs/);
  });

  it("the XML scanner is not fooled by quotes, comments or CDATA, and works across chunk splits", () => {
    const xml = `<?xml version="1.0"?><!-- <a><a> --><w:p a="/>"><![CDATA[<b><b>]]><w:p/><c>t</c></w:p>`;
    const whole = new XmlScanner();
    whole.feed(new TextEncoder().encode(xml));
    const split = new XmlScanner();
    for (const byte of new TextEncoder().encode(xml)) split.feed(new Uint8Array([byte]));
    for (const s of [whole, split]) {
      expect(s.maxDepth).toBe(2);
      expect(s.paragraphs).toBe(2);
      expect(s.depth).toBe(0);
    }
    expect(limitsFor(1024 * 1024).maxParagraphs).toBe(4096);
  });

  it("a batch with a hostile Word file reports every good file, with exit 2 and one line for the bad one", async () => {
    const dir = await scratch();
    await writeFile(join(dir, "huge-paragraph.docx"), await makeDocx([...GOOD, { text: "word ".repeat(60_000) }]));
    const { code, out, err } = await run(dir, ["check", HARBOUR, "huge-paragraph.docx", "-f", "json", "--max-size", "0.1"]);
    expect(code).toBe(2);
    const report = JSON.parse(out);
    expect(report.documents.map((d: { path: string; error: unknown }) => [d.path, d.error === null])).toEqual([
      ["huge-paragraph.docx", false],
      [HARBOUR, true],
    ]);
    expect(err.trim().split("\n")).toEqual([expect.stringMatching(/^trustlint: huge-paragraph\.docx: INPUT_TOO_LARGE /)]);
  });
});

describe("normalise keeps its offset map", () => {
  it("maps every normalised offset back to the source", () => {
    const source = "A\r\n\u201cB\u201d\u00ad C\tD";
    const { text, map } = normalise(source);
    expect(text).toBe('A\n"B" C D');
    expect(toSourceOffset(map, text.indexOf("C"))).toBe(source.indexOf("C"));
    expect(toSourceOffset(map, text.length)).toBe(source.length);
  });
});

describe("a batch of damaged, hostile and good files", { timeout: 120_000 }, () => {
  it("reports every good file, exits 2, and gives one line per bad file", async () => {
    const { execFileSync } = await import("node:child_process");
    const { symlink, mkdir } = await import("node:fs/promises");
    const dir = await scratch();
    const bad = join(dir, "bad");
    await mkdir(bad);
    await writeFile(join(bad, "huge-paragraph.docx"), await makeDocx([...GOOD, { text: "word ".repeat(60_000) }]));
    await writeFile(join(bad, "deep.html"), `${"<div>".repeat(20_000)}x`);
    const body = deflateSync(Buffer.alloc(6 * 1024 * 1024, 0x20));
    await writeFile(
      join(bad, "spaces.pdf"),
      Buffer.concat([
        Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n`),
        body,
        Buffer.from("\nendstream\nendobj\n%%EOF\n"),
      ]),
    );
    await writeFile(join(bad, "garbage.pdf"), "%PDF-1.7\nnot really\n");
    await writeFile(join(bad, "empty.txt"), "");
    await symlink("/dev/zero", join(bad, "zero.txt"));
    execFileSync("mkfifo", [join(bad, "pipe.md")]);
    const { code, out, err } = await run(dir, ["check", "bad", "portfolio", "-f", "json", "--max-size", "0.1"]);
    expect(code).toBe(2);
    const docs = JSON.parse(out).documents as { path: string; error: { code: string } | null }[];
    const good = docs.filter((d) => d.error === null).map((d) => d.path);
    expect(good).toEqual(["portfolio/harbour-logistics.txt", "portfolio/sub/mutual-cleaning.md"]);
    const lines = err
      .trim()
      .split("\n")
      .filter((l) => !l.includes("of unknown type")); // portfolio/sub/notes.csv
    expect(lines).toHaveLength(docs.length - good.length);
    expect(lines.every((l) => /^trustlint: bad\/[\w.-]+: [A-Z_]+ /.test(l))).toBe(true);
    expect(Object.fromEntries(docs.filter((d) => d.error).map((d) => [d.path, d.error!.code]))).toMatchObject({
      "bad/huge-paragraph.docx": "INPUT_TOO_LARGE",
      "bad/deep.html": "INPUT_TOO_LARGE",
      "bad/spaces.pdf": "INPUT_TOO_LARGE",
      "bad/empty.txt": "INPUT_EMPTY",
      "bad/zero.txt": "INPUT_UNREADABLE",
      "bad/pipe.md": "INPUT_UNREADABLE",
    });
  });
});
