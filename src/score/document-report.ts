import type { ContractDocument } from "../model/document.js";
import type { DealSummary } from "../model/deal.js";
import type { Fact } from "../model/fact.js";
import type { Finding, PrincipleId } from "../model/finding.js";
import type { Party } from "../model/party.js";
import type { ScorePolicy } from "../model/policy.js";
import type { DocumentReport } from "../model/report.js";
import { scoreFindings } from "./score.js";

/** What the engine returns for one document (the shape of engine's Analysis, named here so score needs no engine import). */
export interface AnalysedDocument {
  parties: Party[];
  facts: Fact[];
  findings: Finding[];
  unusedSuppressions?: DocumentReport["unusedSuppressions"];
  invalidSuppressions?: DocumentReport["invalidSuppressions"];
}

/** One analysed document as a report entry, scored: the single place `check` and `review` build it. */
export function documentReport(
  path: string,
  doc: ContractDocument | DealSummary,
  analysis: AnalysedDocument,
  policy: ScorePolicy,
  weights?: Record<PrincipleId, number>,
): DocumentReport {
  return {
    path,
    format: doc.format,
    error: null,
    parties: analysis.parties,
    score: scoreFindings(analysis.findings, policy, weights),
    facts: analysis.facts,
    findings: analysis.findings,
    ...(analysis.unusedSuppressions?.length ? { unusedSuppressions: analysis.unusedSuppressions } : {}),
    ...(analysis.invalidSuppressions?.length ? { invalidSuppressions: analysis.invalidSuppressions } : {}),
    stats:
      doc.kind === "contract"
        ? { clauses: doc.clauses.length, characters: doc.text.length, ...(doc.pageStarts ? { pages: doc.pageStarts.length } : {}) }
        : undefined,
  };
}
