import { analyse, budgetFrom, packPolicy, type RulePack } from "../engine/index.js";
import { decodeText } from "../ingest/decode.js";
import { detectFormat, extensionOf, sniffBinary, type InputFormat } from "../ingest/detect.js";
import { ingest, type IngestOptions } from "../ingest/index.js";
import type { ContractDocument } from "../model/document.js";
import type { PrincipleId } from "../model/finding.js";
import type { DocumentReport } from "../model/report.js";
import type { Finding } from "../model/finding.js";
import type { RuleMeta } from "../model/rule.js";
import { documentReport } from "../score/document-report.js";
import { appError, isAppErrorException, type AppError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import type { SelectOptions } from "./comments.js";
import { reviewDocx, type ReviewStats } from "./docx.js";
import { reviewMarkdown, stripReview } from "./markdown.js";

/**
 * `review`: the contract comes back with the findings written into it. A Word file gets Word comments
 * (docx.ts); Markdown and plain text get a Markdown copy with the findings as blockquotes (markdown.ts). Other
 * formats are refused with what to do instead. Pure apart from the clock the caller passes in.
 */
export interface ReviewOptions extends SelectOptions, IngestOptions {
  author: string;
  date: Date;
  rules: ReadonlyMap<string, RuleMeta>;
  weights?: Record<PrincipleId, number>;
  timeoutMs?: number;
  now?: () => number;
  /** Applied to the report before comments are chosen (the baseline marks accepted findings suppressed). */
  adjust?: (report: DocumentReport) => DocumentReport;
  /** Marks findings suppressed before scoring (the config's `suppress:` entries), as `check` does. */
  suppressFindings?: (findings: Finding[], path: string) => Finding[];
}

export type ReviewKind = "docx" | "markdown";

export interface ReviewOutput {
  kind: ReviewKind;
  bytes: Uint8Array;
  report: DocumentReport;
  stats: ReviewStats;
}

/** What `review` can write for an input: a Word copy, a Markdown copy, or an error saying why not. */
function reviewKindOf(path: string, bytes: Uint8Array): Result<ReviewKind> {
  if (isEncryptedOffice(bytes)) {
    return err(
      appError("DOCX_CORRUPT", "the Word file is password-protected (encrypted); trustlint cannot read or comment it", {
        path,
        hint: "remove the password in Word (File › Info › Protect Document › Encrypt with Password) and review the copy",
      }),
    );
  }
  const format: InputFormat | null = detectFormat(path, bytes);
  if (format === "docx") return ok("docx");
  if (format === "markdown" || format === "text") return ok("markdown");
  if (format === "pdf") {
    return err(
      appError("INPUT_UNSUPPORTED_FORMAT", "a PDF cannot carry review comments: a comment needs an editable source (.docx, .md or .txt)", {
        path,
        hint: `review the Word or text version of this contract, or read the findings in a page: trustlint check ${quote(path)} --format html -o report.html`,
      }),
    );
  }
  const what =
    format === "html"
      ? "an HTML page"
      : format === "yaml" || format === "deal"
        ? "a deal summary"
        : sniffBinary(bytes) === "doc"
          ? "a legacy .doc file"
          : "this file type";
  return err(
    appError("INPUT_UNSUPPORTED_FORMAT", `review writes comments into .docx, .md and .txt files, not into ${what}`, {
      path,
      hint: `for a report instead: trustlint check ${quote(path)} --format html -o report.html`,
    }),
  );
}

function quote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

/** An encrypted .docx is an OLE compound file holding an "EncryptedPackage" stream, not a zip. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  if (sniffBinary(bytes) !== "doc") return false;
  const needle = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

export async function reviewBytes(path: string, bytes: Uint8Array, pack: RulePack, options: ReviewOptions): Promise<Result<ReviewOutput>> {
  const kind = reviewKindOf(path, bytes);
  if (!kind.ok) return kind;
  if (kind.value === "markdown") {
    const source = stripReview(decodeText(bytes).text);
    const format = extensionOf(path) === "md" || extensionOf(path) === "markdown" ? "markdown" : "text";
    const analysed = await analyseForReview(path, new TextEncoder().encode(source), pack, options, format);
    if (!analysed.ok) return analysed;
    const { doc, report } = analysed.value;
    const out = reviewMarkdown(doc.original, doc, report, options);
    return ok({
      kind: "markdown",
      bytes: new TextEncoder().encode(out.text),
      report,
      stats: { comments: out.comments, paragraphOnly: 0, unplaced: 0, kept: 0, replaced: 0 },
    });
  }
  const analysed = await analyseForReview(path, bytes, pack, options, "docx");
  if (!analysed.ok) return analysed;
  const { doc, report } = analysed.value;
  const written = await reviewDocx(path, bytes, doc, report, options);
  if (!written.ok) return written;
  return ok({ kind: "docx", bytes: written.value.bytes, report, stats: written.value.stats });
}

/**
 * ingest → engine → score, as `check` does for one document, but keeping the document: the comments are
 * placed with its text and offset map.
 */
async function analyseForReview(
  path: string,
  bytes: Uint8Array,
  pack: RulePack,
  options: ReviewOptions,
  format: InputFormat,
): Promise<Result<{ doc: ContractDocument; report: DocumentReport }>> {
  try {
    const read = await ingest({ path, bytes, format }, options);
    if (!read.ok) return read;
    const doc = read.value;
    if (doc.kind !== "contract") return err(appError("INPUT_UNSUPPORTED_FORMAT", "review needs a contract, not a deal summary", { path }));
    const budget = options.timeoutMs ? budgetFrom(options.timeoutMs, options.now ?? (() => performance.now())) : undefined;
    const analysis = analyse(doc, pack, { budget });
    if (options.suppressFindings) analysis.findings = options.suppressFindings(analysis.findings, path);
    const report = documentReport(path, doc, analysis, packPolicy(pack).score, options.weights);
    return ok({ doc, report: options.adjust ? options.adjust(report) : report });
  } catch (e) {
    if (isAppErrorException(e)) return err({ ...e.error, path: e.error.path ?? path } as AppError);
    throw e;
  }
}

export { MARKER } from "./comments.js";
export type { ReviewStats } from "./docx.js";
