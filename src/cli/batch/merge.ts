import type { Fact } from "../../model/fact.js";
import type { Finding } from "../../model/finding.js";
import type { DocumentReport } from "../../model/report.js";
import { appError, type AppError } from "../../shared/errors.js";
import { err, ok, type Result } from "../../shared/result.js";
import { comparePaths } from "./expand.js";
import { reportSchema, schemaIssue, type ReportJson } from "../../compare/from-json.js";

/**
 * Reads a `--format json` report (schemaVersion 1) back into the report model so shards can be merged and
 * rendered in any format. It is validated with the schema `compare` uses (compare/from-json.ts): a tampered
 * or broken shard is refused with its file name and the first bad field, never rendered. Fields the JSON does
 * not carry (score base, cap reason, a finding's topic) get their neutral values; every field the JSON does
 * carry round-trips exactly.
 */
export function documentsFromJson(path: string, text: string): Result<DocumentReport[]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err(appError("USAGE", `not JSON: ${(e as Error).message}`, { path }));
  }
  const v = value as { schemaVersion?: unknown; documents?: unknown } | null;
  if (!v || typeof v !== "object" || v.schemaVersion !== 1 || !Array.isArray(v.documents)) {
    return err(appError("USAGE", "not a trustlint JSON report (schemaVersion 1)", { path, hint: "produce it with trustlint check -f json" }));
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) return err(appError("USAGE", `not a valid trustlint JSON report: ${schemaIssue(parsed.error)}`, { path, hint: "produce it with trustlint check -f json" }));
  return ok(parsed.data.documents.map(toDocument));
}

type DocumentJson = ReportJson["documents"][number];

function toDocument(d: DocumentJson): DocumentReport {
  const error: AppError | null = d.error ? { code: d.error.code, message: d.error.message, path: d.path, ...(d.error.line ? { line: d.error.line, column: d.error.column ?? undefined } : {}) } : null;
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
            base: d.score!.base ?? 50,
            cap: p.cap === null ? null : { limit: p.cap, reason: "capped" },
            contributions: p.contributions.map((c) => ({ ...c, kind: d.findings[c.finding]?.kind ?? "flag" })),
          })),
        }
      : null,
    facts: (d.topics ?? []).map((t): Fact => ({ topic: t.id, span: null, location: t.location, mutual: t.mutual, burdened: t.burdened, beneficiary: t.beneficiary, burdenedParty: t.burdenedParty ?? null, beneficiaryParty: t.beneficiaryParty ?? null, values: t.values, excerpt: t.excerpt, matched: "" })),
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
