import { jsonSafe } from "./escape.js";
import type { DocumentReport, Report } from "../model/report.js";
import type { DocumentJson } from "../model/report-json.js";
import type { Fact } from "../model/fact.js";

/**
 * The public JSON contract (schemaVersion 1, documented in docs/json-output.md; its one schema is
 * model/report-json.ts, which types this writer). Keys are written in a fixed order and nothing time- or
 * machine-dependent is included, so the same input gives byte-identical output.
 */
export function renderJson(report: Report): string {
  const out = {
    schemaVersion: 1,
    tool: report.tool,
    documents: report.documents.map(jsonDocument),
  };
  return `${jsonSafe(JSON.stringify(out, null, 2))}\n`;
}

/** One document in the JSON shape (also used to stream a batch one document at a time). */
export function jsonDocument(d: DocumentReport): DocumentJson {
  return {
    path: d.path,
    format: d.format,
    error: d.error
      ? {
          code: d.error.code,
          message: d.error.message,
          ...(d.error.line ? { line: d.error.line, column: d.error.column ?? null } : {}),
          ...(d.error.related?.length
            ? {
                related: d.error.related.map((e) => ({ code: e.code, message: e.message, line: e.line ?? null, column: e.column ?? null })),
              }
            : {}),
        }
      : null,
    parties: d.parties.map((p) => ({
      name: p.name,
      role: p.role,
      alias: p.alias,
      roleSource: p.roleSource ?? null,
      roleEvidence: p.roleEvidence ?? null,
      ...(p.group ? { group: p.group } : {}),
      ...(p.otherTerms?.length ? { otherTerms: p.otherTerms } : {}),
    })),
    score: d.score
      ? {
          overall: d.score.overall,
          ...(d.score.base !== undefined ? { base: d.score.base } : {}),
          ...(d.score.gain !== undefined ? { gain: d.score.gain } : {}),
          principles: d.score.principles.map((p) => ({
            id: p.id,
            score: p.score,
            weight: p.weight,
            cap: p.cap?.limit ?? null,
            contributions: p.contributions.map((c) => ({
              ruleId: c.ruleId,
              points: c.points,
              finding: c.finding,
              ...(c.mitigatedBy ? { mitigatedBy: c.mitigatedBy } : {}),
            })),
          })),
        }
      : null,
    topics: d.facts.map((f) => ({
      id: f.topic,
      mutual: f.mutual,
      reciprocity: reciprocityOf(f),
      burdened: f.burdened,
      beneficiary: f.beneficiary,
      burdenedParty: f.burdenedParty ?? null,
      beneficiaryParty: f.beneficiaryParty ?? null,
      values: f.values,
      location: f.location,
      excerpt: f.excerpt,
    })),
    findings: d.findings.map((f) => ({
      ruleId: f.ruleId,
      kind: f.kind,
      principle: f.principle,
      severity: f.severity,
      title: f.title,
      message: f.message,
      location: f.location,
      excerpt: f.excerpt,
      matched: f.matched,
      suggestion: f.suggestion,
      burdened: f.burdened,
      beneficiary: f.beneficiary,
      burdenedParty: f.burdenedParty ?? null,
      beneficiaryParty: f.beneficiaryParty ?? null,
      fingerprint: f.fingerprint,
      ...(f.suppressed ? { suppressed: f.suppressed } : {}),
    })),
    ...(d.unusedSuppressions ? { unusedSuppressions: d.unusedSuppressions } : {}),
    ...(d.invalidSuppressions ? { invalidSuppressions: d.invalidSuppressions } : {}),
    ...(d.hidden ? { hidden: d.hidden } : {}),
  };
}

/** The document-level answer to "is this term returned?" (see the schema's `reciprocity`). */
function reciprocityOf(f: Fact): "mutual" | "asymmetric" | "one-way" | null {
  // (Asymmetric first: a ceiling for each side, on different sums, binds both sides but not alike.)
  if (f.values.asymmetric === true) return "asymmetric";
  if (f.mutual === true) return "mutual";
  return f.mutual === false ? "one-way" : null;
}
