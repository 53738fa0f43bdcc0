import type { ContractDocument } from "../model/document.js";
import { appError, type AppError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import type { RawZip } from "../shared/zip.js";
import { buildContract, type BuildOptions } from "./contract.js";
import { numberParagraphs, parseNumbering, readXmlParagraphs } from "./docx-numbering.js";
import {
  checkText,
  deadlinePassed,
  DEFAULT_LIMIT_BYTES,
  expansionError,
  limitsFor,
  readingTimeout,
  XmlScanner,
  type ExpansionLimits,
} from "./expansion.js";

/**
 * Word reader: the only importer of mammoth (jszip, which mammoth itself uses, is opened through shared/zip.ts).
 * mammoth gives the paragraphs (tracked deletions dropped, fields and hyperlinks resolved) with their style;
 * the numbering labels Word draws are recomputed from numbering.xml (docx-numbering.ts) and put back in front
 * of each paragraph, so the segmenter sees "14.2 …" as the reader of the document does. Headings become
 * Markdown-style heading lines so the document's sections stay sections.
 */
interface MammothElement {
  type: string;
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  children?: MammothElement[];
}

interface Paragraph {
  text: string;
  styleName: string;
  bullet: boolean;
}

export async function readDocx(
  path: string,
  bytes: Uint8Array,
  options: BuildOptions & { limits?: ExpansionLimits } = {},
): Promise<Result<ContractDocument>> {
  const [mammoth, { loadRawZip }] = await Promise.all([import("mammoth"), import("../shared/zip.js")]);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const limits = options.limits ?? limitsFor(DEFAULT_LIMIT_BYTES);
  let zip: RawZip;
  try {
    zip = await loadRawZip(buffer);
  } catch (e) {
    return err(corrupt(path, e));
  }
  // What the package expands to is measured before mammoth builds anything from it (see expansion.ts).
  const tooLarge = await scanPackage(path, zip, limits);
  if (tooLarge) return err(tooLarge);
  const paragraphs: Paragraph[] = [];
  try {
    await mammoth.convertToHtml({ buffer }, {
      // Walk the document model mammoth reads; the HTML it renders afterwards is not used.
      transformDocument: (document: MammothElement) => {
        collect(document, paragraphs);
        return document;
      },
    } as Parameters<typeof mammoth.convertToHtml>[1]);
  } catch (e) {
    return err(corrupt(path, e));
  }
  let labels: (string | null)[] = paragraphs.map(() => null);
  if (deadlinePassed(limits)) return err(readingTimeout(path, limits.deadline!.limitMs));
  try {
    const read = async (name: string): Promise<string | null> => (await zip.file(name)?.async("string")) ?? null;
    const documentXml = await read("word/document.xml");
    if (documentXml) {
      const xmlParagraphs = readXmlParagraphs(documentXml);
      const xmlLabels = numberParagraphs(xmlParagraphs, parseNumbering(await read("word/numbering.xml"), await read("word/styles.xml")));
      labels = align(
        paragraphs,
        xmlParagraphs.map((p, i) => ({ key: keyOf(p.text), label: xmlLabels[i] ?? null })),
      );
    }
  } catch {
    // mammoth opened the file, so the text is good; without numbering the clauses keep only typed numbers.
  }
  const text = render(paragraphs, labels);
  if (!text.trim()) return err(appError("DOCX_CORRUPT", "the Word file has no text", { path, hint: "check that this is the right file" }));
  const over = checkText(path, text, limits);
  if (over) return err(over);
  return ok(buildContract(path, "docx", text, options));
}

interface ChunkStream {
  on(event: "data", f: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "end", f: () => void): ChunkStream;
  on(event: "error", f: (e: Error) => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/**
 * One part's decompressed bytes, chunk by chunk, through JSZip's own stream (its Node stream adapter is not
 * async-iterable); `onChunk` returning false stops decompressing.
 */
function drain(entry: Zip["files"][string], onChunk: (chunk: Uint8Array) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = (entry as unknown as { internalStream: (type: string) => ChunkStream }).internalStream("uint8array");
    let done = false;
    stream
      .on("data", (chunk) => {
        if (done) return;
        if (!onChunk(chunk)) {
          done = true;
          stream.pause();
          resolve();
        }
      })
      .on("error", (e) => (done ? undefined : ((done = true), reject(e))))
      .on("end", () => (done ? undefined : ((done = true), resolve())))
      .resume();
  });
}

type Zip = RawZip;

/**
 * Streams every part of the package once, counting decompressed bytes (whatever the zip headers claim) and
 * scanning the XML parts for depth, elements, paragraphs and text: a zip bomb or a 200 MB paragraph is refused
 * here, with memory bounded by one chunk, instead of being built into a document tree.
 */
async function scanPackage(path: string, zip: Zip, limits: ExpansionLimits): Promise<AppError | null> {
  let expanded = 0;
  const totals = { paragraphs: 0, elements: 0, textBytes: 0 };
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const xml = /\.(?:xml|rels)$/i.test(entry.name);
    const scanner = new XmlScanner();
    const base = { ...totals };
    let over: AppError | null = null;
    const onChunk = (c: Uint8Array): boolean => {
      expanded += c.length;
      if (expanded > limits.maxExpandedBytes) {
        over = expansionError(path, "maxExpandedBytes", limits, entry.name);
        return false;
      }
      if (xml) {
        scanner.feed(c);
        totals.paragraphs = base.paragraphs + scanner.paragraphs;
        totals.elements = base.elements + scanner.elements;
        totals.textBytes = base.textBytes + scanner.textBytes;
        const limit =
          scanner.maxDepth > limits.maxDepth
            ? "maxDepth"
            : totals.paragraphs > limits.maxParagraphs
              ? "maxParagraphs"
              : totals.elements > limits.maxElements
                ? "maxElements"
                : totals.textBytes > limits.maxChars
                  ? "maxChars"
                  : null;
        if (limit) {
          over = expansionError(path, limit, limits, entry.name);
          return false;
        }
      }
      if (deadlinePassed(limits)) {
        over = readingTimeout(path, limits.deadline!.limitMs);
        return false;
      }
      return true;
    };
    try {
      await drain(entry, onChunk);
    } catch (e) {
      return corrupt(path, e);
    }
    if (over) return over;
  }
  return null;
}

function corrupt(path: string, e: unknown): ReturnType<typeof appError> {
  const message = (e as Error)?.message ?? String(e);
  const notWord = /central directory|is this a zip|main document part|End of data/i.test(message);
  return appError(
    "DOCX_CORRUPT",
    notWord ? `not a Word .docx file (${firstLine(message)})` : `the Word file is damaged (${firstLine(message)})`,
    {
      path,
      hint: "open it in Word or LibreOffice and save it again as .docx",
      detail: (e as Error)?.stack,
    },
  );
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 160);
}

function collect(element: MammothElement, out: Paragraph[]): void {
  if (element.type === "paragraph") {
    out.push({
      text: textOf(element),
      styleName: element.styleName ?? "",
      bullet: element.numbering ? !element.numbering.isOrdered : false,
    });
    return;
  }
  if (element.type === "tableRow") {
    // One row, one line: cells side by side as the reader sees them.
    const cells = (element.children ?? []).map((cell) => {
      const inner: Paragraph[] = [];
      collect(cell, inner);
      return inner
        .map((p) => p.text.trim())
        .filter(Boolean)
        .join(" ");
    });
    out.push({ text: cells.filter(Boolean).join("\t"), styleName: "", bullet: false });
    return;
  }
  for (const child of element.children ?? []) collect(child, out);
}

function textOf(element: MammothElement): string {
  if (element.type === "text") return element.value ?? "";
  if (element.type === "tab") return "\t";
  if (element.type === "break") return "\n";
  return (element.children ?? []).map(textOf).join("");
}

const keyOf = (text: string): string => text.replace(/\s+/g, "");

/**
 * mammoth's paragraphs and document.xml's paragraphs are the same sequence except where mammoth skips
 * something (deleted text, unsupported containers) or a table row was merged; match by text, looking a short
 * way ahead, so one odd paragraph cannot shift every label after it.
 */
function align(paragraphs: readonly Paragraph[], xml: readonly { key: string; label: string | null }[]): (string | null)[] {
  const out: (string | null)[] = [];
  let j = 0;
  for (const p of paragraphs) {
    const key = keyOf(p.text);
    let found = -1;
    for (let k = j; k < Math.min(xml.length, j + 200); k++) {
      if (xml[k]!.key === key) {
        found = k;
        break;
      }
    }
    if (found >= 0) {
      out.push(key ? xml[found]!.label : null);
      j = found + 1;
    } else out.push(null);
  }
  return out;
}

function headingLevel(styleName: string): number | null {
  if (/^title$/i.test(styleName)) return 1;
  const m = /^heading\s*(\d)$/i.exec(styleName);
  return m ? Math.min(6, Number(m[1])) : null;
}

function render(paragraphs: readonly Paragraph[], labels: readonly (string | null)[]): string {
  const blocks: string[] = [];
  paragraphs.forEach((p, i) => {
    const body = p.text.replace(/[ \t]+\n/g, "\n").trim();
    const label = labels[i];
    if (!body && !label) return;
    const line = label ? `${label} ${body}`.trim() : body;
    const level = headingLevel(p.styleName);
    // Some templates style whole numbered clauses as headings; only a short title-like line is a heading.
    const titleLike = line.length <= 120 && !line.includes("\n") && !/[.;:]\s+\S.*\S/.test(line.replace(/^\S+\s+/, ""));
    if (level !== null && titleLike) blocks.push(`${"#".repeat(level)} ${line}`);
    else blocks.push(p.bullet ? `- ${line}` : line);
  });
  return blocks.join("\n\n");
}
