import { analyse, budgetFrom, packPolicy, type RulePack } from "../engine/index.js";
import { ingest, type IngestOptions } from "../ingest/index.js";
import type { InputFormat } from "../ingest/detect.js";
import type { PrincipleId } from "../model/finding.js";
import type { DocumentReport } from "../model/report.js";
import { documentReport } from "../score/document-report.js";
import { appError, isAppErrorException } from "../shared/errors.js";
import { dealSchemaErrors } from "./deal-errors.js";
import { applyConfigSuppressions, type SuppressionSettings } from "./config-suppress.js";

export interface AnalyseOptions extends IngestOptions {
  weights?: Record<PrincipleId, number>;
  format?: InputFormat;
  debug?: boolean;
  /** Per-document time budget in ms (--timeout); 0 or undefined = none. */
  timeoutMs?: number;
  /** Clock for the budget; tests inject one. */
  now?: () => number;
  /** Config `suppress:` entries, applied before scoring (as inline suppressions are). */
  suppress?: SuppressionSettings;
}

/** Default per-document budget: generous for a 500-page contract on a slow machine, short enough for CI. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** bytes → ingest → engine → score, for one document. Never throws: failures become the document's error. */
export async function analyseBytes(path: string, bytes: Uint8Array, pack: RulePack, options: AnalyseOptions = {}): Promise<DocumentReport> {
  try {
    const doc = await ingest({ path, bytes, format: options.format }, options);
    if (!doc.ok) return errorReport(path, withAllDealErrors(tidyError(doc.error), bytes));
    // The budget covers the analysis, which can be interrupted between clauses. It starts after reading: a long
    // PDF that pdf.js takes a minute to read has done the slow part by then, and stopping it would waste it.
    const budget = options.timeoutMs ? budgetFrom(options.timeoutMs, options.now ?? (() => performance.now())) : undefined;
    const analysis = analyse(doc.value, pack, { budget });
    if (options.suppress) analysis.findings = applyConfigSuppressions(analysis.findings, path, options.suppress);
    return documentReport(path, doc.value, analysis, packPolicy(pack).score, options.weights);
  } catch (e) {
    if (isAppErrorException(e)) return errorReport(path, { ...e.error, path: e.error.path ?? path });
    const error = e as Error;
    const detail = options.debug ? error.stack : undefined;
    return errorReport(
      path,
      appError("INTERNAL", `internal error while analysing: ${error.message}`, {
        path,
        detail,
        hint: "please report this with the file if you can",
      }),
    );
  }
}

/**
 * DOCX_CORRUPT carries the zip library's own words in parentheses ("Can't find end of central directory : is
 * this a zip file ? If it is, see https://…"): true but no use to a reader. The message keeps the plain
 * sentence; the library's words move to the detail shown with --debug.
 */
function tidyError(error: NonNullable<DocumentReport["error"]>): NonNullable<DocumentReport["error"]> {
  if (error.code !== "DOCX_CORRUPT") return error;
  const m = /^(.*?) \((.*)\)$/s.exec(error.message);
  if (!m) return error;
  return { ...error, message: m[1]!, detail: [`reader said: ${m[2]}`, error.detail].filter(Boolean).join("\n") };
}

/** A deal summary's first schema error, with the others attached (see ./deal-errors.ts). */
function withAllDealErrors(error: NonNullable<DocumentReport["error"]>, bytes: Uint8Array): NonNullable<DocumentReport["error"]> {
  if (error.code !== "DEAL_SCHEMA") return error;
  const all = dealSchemaErrors(error.path ?? "", new TextDecoder().decode(bytes));
  if (!all.length) return error;
  return all.length > 1 ? { ...all[0]!, related: all.slice(1) } : all[0]!;
}

export function errorReport(path: string, error: DocumentReport["error"]): DocumentReport {
  return { path, format: null, error, parties: [], score: null, facts: [], findings: [] };
}
