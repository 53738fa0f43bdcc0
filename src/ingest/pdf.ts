import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { ContractDocument } from "../model/document.js";
import { appError, type AppError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import { buildContract, type BuildOptions } from "./contract.js";
import { assemblePdfText } from "./pdf-text.js";
import {
  checkText,
  DEFAULT_LIMIT_BYTES,
  deadlinePassed,
  expansionError,
  limitsFor,
  readingTimeout,
  type ExpansionLimits,
} from "./expansion.js";
import { checkPdfStreams } from "./pdf-streams.js";

/**
 * PDF reader: the only importer of pdf-parse. The library (pdf.js plus a native canvas) costs ~200 ms to load,
 * so it is imported only when a PDF is met.
 */
export interface PdfOptions extends BuildOptions {
  password?: string;
  limits?: ExpansionLimits;
}

/** A PDF whose pages hold fewer non-space characters than this per page has no usable text layer. */
const MIN_CHARS_PER_PAGE = 20;

export async function readPdf(path: string, bytes: Uint8Array, options: PdfOptions = {}): Promise<Result<ContractDocument>> {
  const limits = options.limits ?? limitsFor(DEFAULT_LIMIT_BYTES);
  const expands = checkPdfStreams(path, bytes, limits);
  if (expands) return err(expands);
  const pages = await extractPages(path, bytes, options.password);
  if (!pages.ok) return pages;
  if (deadlinePassed(limits)) return err(readingTimeout(path, limits.deadline!.limitMs));
  let total = 0;
  for (const [i, page] of pages.value.entries()) {
    if (page.length > limits.maxPageChars) return err(expansionError(path, "maxPageChars", limits, `page ${i + 1}`));
    total += page.length;
    if (total > limits.maxChars) return err(expansionError(path, "maxChars", limits));
  }
  const chars = pages.value.reduce((n, p) => n + p.replace(/\s+/g, "").length, 0);
  if (chars < Math.max(MIN_CHARS_PER_PAGE, pages.value.length * MIN_CHARS_PER_PAGE * 0.25)) {
    return err(
      appError("PDF_NO_TEXT", `no extractable text in ${pages.value.length} page(s)`, {
        path,
        hint: "the PDF is probably scanned images; run OCR first (e.g. ocrmypdf in.pdf out.pdf) and check the result",
      }),
    );
  }
  const { text, pageStarts } = assemblePdfText(pages.value);
  const over = checkText(path, text, limits);
  if (over) return err(over);
  return ok(buildContract(path, "pdf", text, { ...options, pageStarts }));
}

/**
 * pdf.js's Node build carries core-js polyfills that, on Node 20, replace the native `Array.prototype.push` and
 * `JSON.parse` with JavaScript versions (core-js judges the native ones non-compliant in edge cases pdf.js never
 * meets). Every push in the process, ours and pdf.js's, then costs more: 2× on a growing array, 14× on a short one
 * (20 M pushes each way); undoing it saved 13–16% of the CPU time of a text-heavy 154-page PDF. The natives are
 * captured before pdf.js is first loaded and put back once both halves of pdf.js are loaded (see `loadPdfJs`), and
 * again after each extraction in case anything patched them since.
 */
const NATIVES = [
  [Array.prototype, "push", Object.getOwnPropertyDescriptor(Array.prototype, "push")],
  [JSON, "parse", Object.getOwnPropertyDescriptor(JSON, "parse")],
] as const;

function restoreNatives(): void {
  for (const [owner, key, descriptor] of NATIVES)
    if (descriptor && Object.getOwnPropertyDescriptor(owner, key)?.value !== descriptor.value)
      Object.defineProperty(owner, key, descriptor);
}

let loaded: Promise<typeof import("pdf-parse")> | null = null;

/**
 * Loads pdf-parse and both halves of pdf.js once per thread, then puts the natives back. pdf.js's "worker" half
 * (the parser, run in the same thread under Node) is otherwise imported during the first document and patches
 * `push` again while that document is read: the first PDF of every thread paid the polyfill (about a tenth more
 * CPU on the 154-page filing, and a batch that starts its largest PDF first puts it there). Importing the half
 * here, from the pdfjs-dist that pdf-parse itself resolves, sets `globalThis.pdfjsWorker`, which pdf.js then
 * uses instead of importing it. If that file cannot be found, pdf.js loads it as before; only speed differs.
 */
export function loadPdfJs(): Promise<typeof import("pdf-parse")> {
  loaded ??= (async () => {
    const lib = await import("pdf-parse");
    try {
      const fromPdfParse = createRequire(createRequire(import.meta.url).resolve("pdf-parse"));
      await import(pathToFileURL(fromPdfParse.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs")).href);
    } catch {
      // pdf.js imports its worker half itself during the first document
    }
    restoreNatives();
    return lib;
  })();
  return loaded;
}

/** Text of each page, in order. Library errors become PDF_* codes, judged by `err.name` (see ecosystem.md §2). */
export async function extractPages(path: string, bytes: Uint8Array, password?: string): Promise<Result<string[]>> {
  const { PDFParse } = await loadPdfJs();
  // pdf.js may transfer (detach) the buffer it is given; hand it a copy so the caller's bytes stay usable.
  const parser = new PDFParse({ data: new Uint8Array(bytes), password, verbosity: 0 });
  try {
    const result = await parser.getText();
    return ok(
      result.pages
        .slice()
        .sort((a, b) => a.num - b.num)
        .map((p) => p.text),
    );
  } catch (e) {
    return err(pdfError(path, e, password));
  } finally {
    await parser.destroy().catch(() => undefined);
    restoreNatives();
  }
}

export function pdfError(path: string, e: unknown, password?: string): AppError {
  const error = e as { name?: string; message?: string; stack?: string };
  const name = error?.name ?? "";
  const message = error?.message ?? String(e);
  if (name === "PasswordException") {
    return password === undefined
      ? appError("PDF_ENCRYPTED", "the PDF is password-protected", { path, hint: "pass --password <pw>" })
      : appError("PDF_ENCRYPTED", "the password does not open this PDF", { path, hint: "check --password" });
  }
  const what = name === "InvalidPDFException" ? "not a valid PDF" : "the PDF is damaged";
  return appError("PDF_CORRUPT", `${what} (${message})`, {
    path,
    hint: "re-export or re-download the file; if it opens elsewhere, print it to a new PDF",
    detail: error?.stack,
  });
}
