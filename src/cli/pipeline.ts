import { analyse, budgetFrom, type RulePack } from "../engine/index.js";
import { ingest, type IngestOptions } from "../ingest/index.js";
import type { InputFormat } from "../ingest/detect.js";
import type { PrincipleId } from "../model/finding.js";
import type { DocumentReport } from "../model/report.js";
import { scoreFindings } from "../score/score.js";
import { appError, isAppErrorException } from "../shared/errors.js";

export interface AnalyseOptions extends IngestOptions {
  weights?: Record<PrincipleId, number>;
  format?: InputFormat;
  debug?: boolean;
}

/** Default per-document budget: generous for a 500-page contract on a slow machine, short enough for CI. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** bytes → ingest → engine → score, for one document. Never throws: failures become the document's error. */
export async function analyseBytes(path: string, bytes: Uint8Array, pack: RulePack, options: AnalyseOptions = {}): Promise<DocumentReport> {
  try {
    const doc = await ingest({ path, bytes, format: options.format }, options);
    if (!doc.ok) return errorReport(path, doc.error);
    // Reading has its own budget of the same length (checked between reading steps, see ingest/expansion.ts).
    // The analysis budget starts after reading: a long PDF that pdf.js takes a minute to read has done the
    // slow part by then, and stopping it would waste it.
    const budget = options.timeoutMs ? budgetFrom(options.timeoutMs, options.now ?? (() => performance.now())) : undefined;
    const analysis = analyse(doc.value, pack, { budget });
    return {
      path,
      format: doc.value.format,
      error: null,
      parties: analysis.parties,
      score: scoreFindings(analysis.findings, options.weights),
      facts: analysis.facts,
      findings: analysis.findings,
      ...(analysis.unusedSuppressions?.length ? { unusedSuppressions: analysis.unusedSuppressions } : {}),
      ...(analysis.invalidSuppressions?.length ? { invalidSuppressions: analysis.invalidSuppressions } : {}),
      stats: doc.value.kind === "contract" ? { clauses: doc.value.clauses.length, characters: doc.value.text.length, ...(doc.value.pageStarts ? { pages: doc.value.pageStarts.length } : {}) } : undefined,
    };
  } catch (e) {
    if (isAppErrorException(e)) return errorReport(path, { ...e.error, path: e.error.path ?? path });
    const error = e as Error;
    return errorReport(path, appError("INTERNAL", `internal error while analysing: ${error.message}`, { path, detail: options.debug ? error.stack : undefined, hint: "please report this with the file if you can" }));
  }
}

export function errorReport(path: string, error: DocumentReport["error"]): DocumentReport {
  return { path, format: null, error, parties: [], score: null, facts: [], findings: [] };
}
