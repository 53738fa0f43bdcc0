import type { Fact } from "../../model/fact.js";
import type { Finding } from "../../model/finding.js";
import { BASE_SCORE, type DocumentReport } from "../../model/report.js";
import { reportEnvelope, reportSchema, type DocumentJson } from "../../model/report-json.js";
import { appError, type AppError } from "../../shared/errors.js";
import { err, ok, type Result } from "../../shared/result.js";
import { comparePaths } from "./expand.js";
import { firstIssue } from "../../shared/zod-issue.js";

/**
 * Reads a `--format json` report (schemaVersion 1) back into the report model so shards can be merged and
 * rendered in any format. It is validated with the one report schema (model/report-json.ts, also used by `compare`): a tampered
 * or broken shard is refused with its file name and the first bad field, never rendered. Fields the JSON does
 * not carry (score base (BASE_SCORE), cap reason, a finding's topic) get their neutral values; every field the JSON does
 * carry round-trips exactly.
 */
export function documentsFromJson(path: string, text: string): Result<DocumentReport[]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err(appError("USAGE", `not JSON: ${(e as Error).message}`, { path }));
  }
  if (!reportEnvelope.safeParse(value).success) {
    return err(
      appError("USAGE", "not a trustlint JSON report (schemaVersion 1)", { path, hint: "produce it with trustlint check -f json" }),
    );
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success)
    return err(
      appError("USAGE", `not a valid trustlint JSON report: ${firstIssue(parsed.error)}`, {
        path,
        hint: "produce it with trustlint check -f json",
      }),
    );
  return ok(parsed.data.documents.map(toDocument));
}

function toDocument(d: DocumentJson): DocumentReport {
  const error: AppError | null = d.error
    ? {
        code: d.error.code,
        message: d.error.message,
        path: d.path,
        ...(d.error.line ? { line: d.error.line, column: d.error.column ?? undefined } : {}),
      }
    : null;
  return {
    path: d.path,
    format: d.format,
    error,
    parties: d.parties,
    score: d.score
      ? {
          overall: d.score.overall,
          ...(d.score.gain !== undefined ? { base: d.score.base, gain: d.score.gain } : {}),
          principles: d.score.principles.map((p) => ({
            id: p.id,
            score: p.score,
            weight: p.weight,
            base: d.score!.base ?? BASE_SCORE,
            cap: p.cap === null ? null : { limit: p.cap, reason: "capped" },
            contributions: p.contributions.map((c) => ({ ...c, kind: d.findings[c.finding]?.kind ?? "flag" })),
          })),
        }
      : null,
    facts: (d.topics ?? []).map(({ id, ...t }): Fact => ({
      ...t,
      topic: id,
      span: null,
      burdenedParty: t.burdenedParty ?? null,
      beneficiaryParty: t.beneficiaryParty ?? null,
      matched: "",
    })),
    findings: d.findings.map((f): Finding => ({ ...f, topic: "" })),
    ...(d.unusedSuppressions ? { unusedSuppressions: d.unusedSuppressions } : {}),
    ...(d.invalidSuppressions ? { invalidSuppressions: d.invalidSuppressions } : {}),
    ...(d.hidden ? { hidden: d.hidden } : {}),
  };
}

/** All documents of all reports, sorted by path; a path seen twice (overlapping shards) is kept once. */
export function mergeDocuments(lists: readonly DocumentReport[][]): { documents: DocumentReport[]; duplicates: string[] } {
  const byPath = new Map<string, DocumentReport>();
  const duplicates: string[] = [];
  for (const list of lists) {
    for (const d of list) {
      if (byPath.has(d.path)) duplicates.push(d.path);
      else byPath.set(d.path, d);
    }
  }
  return { documents: [...byPath.values()].sort((a, b) => comparePaths(a.path, b.path)), duplicates };
}
