import type { ContractDocument } from "../model/document.js";
import { appError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import { buildContract, type BuildOptions } from "./contract.js";
import { numberParagraphs, parseNumbering, readXmlParagraphs } from "./docx-numbering.js";
import { openZip } from "../shared/zip.js";

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

export async function readDocx(path: string, bytes: Uint8Array, options: BuildOptions = {}): Promise<Result<ContractDocument>> {
  const mammoth = await import("mammoth");
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const paragraphs: Paragraph[] = [];
  try {
    await mammoth.convertToHtml(
      { buffer },
      {
        // Walk the document model mammoth reads; the HTML it renders afterwards is not used.
        transformDocument: (document: MammothElement) => {
          collect(document, paragraphs);
          return document;
        },
      } as Parameters<typeof mammoth.convertToHtml>[1],
    );
  } catch (e) {
    return err(corrupt(path, e));
  }
  let labels: (string | null)[] = paragraphs.map(() => null);
  try {
    const zip = await openZip(bytes);
    const read = (name: string): Promise<string | null> => zip.text(name);
    const documentXml = await read("word/document.xml");
    if (documentXml) {
      const xmlParagraphs = readXmlParagraphs(documentXml);
      const xmlLabels = numberParagraphs(xmlParagraphs, parseNumbering(await read("word/numbering.xml"), await read("word/styles.xml")));
      labels = align(paragraphs, xmlParagraphs.map((p, i) => ({ key: keyOf(p.text), label: xmlLabels[i] ?? null })));
    }
  } catch {
    // mammoth opened the file, so the text is good; without numbering the clauses keep only typed numbers.
  }
  const text = render(paragraphs, labels);
  if (!text.trim()) return err(appError("DOCX_CORRUPT", "the Word file has no text", { path, hint: "check that this is the right file" }));
  return ok(buildContract(path, "docx", text, options));
}

function corrupt(path: string, e: unknown): ReturnType<typeof appError> {
  const message = (e as Error)?.message ?? String(e);
  const notWord = /central directory|is this a zip|main document part|End of data/i.test(message);
  return appError("DOCX_CORRUPT", notWord ? `not a Word .docx file (${firstLine(message)})` : `the Word file is damaged (${firstLine(message)})`, {
    path,
    hint: "open it in Word or LibreOffice and save it again as .docx",
    detail: (e as Error)?.stack,
  });
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 160);
}

function collect(element: MammothElement, out: Paragraph[]): void {
  if (element.type === "paragraph") {
    out.push({ text: textOf(element), styleName: element.styleName ?? "", bullet: element.numbering ? !element.numbering.isOrdered : false });
    return;
  }
  if (element.type === "tableRow") {
    // One row, one line: cells side by side as the reader sees them.
    const cells = (element.children ?? []).map((cell) => {
      const inner: Paragraph[] = [];
      collect(cell, inner);
      return inner.map((p) => p.text.trim()).filter(Boolean).join(" ");
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
