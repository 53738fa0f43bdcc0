import { z } from "zod";
import { FINDING_KINDS, PRINCIPLES, SEVERITIES, type Finding } from "../model/finding.js";
import type { Location } from "../model/location.js";
import type { DocumentReport } from "../model/report.js";
import { appError, ERROR_CODES, type AppError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import { BASE_SCORE } from "../model/report.js";
import { ROLE_SOURCES } from "../model/party.js";

/**
 * Reads back a report written by `check -f json` (schemaVersion 1) so `compare` can take two saved reports
 * instead of two contracts. The same schema validates `merge` inputs: a shard report is input like any other,
 * and every field that reaches a reporter is typed here (a line is a positive whole number, a score a number
 * from 0 to 100, a severity one of the five), so a tampered report cannot smuggle text into a field a format
 * prints unquoted. Keys the schema does not know are dropped.
 */
const side = z.enum(["buyer", "supplier", "both"]).nullable();
const whole = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const line = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const location = z.object({
  line,
  column: whole,
  endLine: line.optional(),
  endColumn: whole.optional(),
  clause: z.string().nullable(),
  heading: z.string().nullable().optional(),
  page: line.optional(),
  path: z.string().optional(),
});
const points = z.number().min(-1000).max(1000);
const percent = z.number().min(0).max(100);
const suppressions = z.array(z.object({ ruleIds: z.array(z.string()), line })).optional();
const invalidSuppressions = z.array(z.object({ ruleIds: z.array(z.string()), line, message: z.string() })).optional();
/** A party by its defined term, or "both". */
const partyRef = z.string().max(200).nullable().optional();
const topic = z.object({
  id: z.string(),
  mutual: z.boolean().nullable(),
  burdened: side,
  beneficiary: side,
  burdenedParty: partyRef,
  beneficiaryParty: partyRef,
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  location,
  excerpt: z.string(),
});
const finding = z.object({
  ruleId: z.string(),
  kind: z.enum(FINDING_KINDS),
  principle: z.enum(PRINCIPLES),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  message: z.string(),
  location,
  excerpt: z.string(),
  matched: z.string(),
  suggestion: z.string(),
  burdened: side,
  beneficiary: side,
  burdenedParty: partyRef,
  beneficiaryParty: partyRef,
  fingerprint: z.string(),
  suppressed: z.object({ kind: z.enum(["inline", "config", "baseline"]), reason: z.string() }).optional(),
});
const documentSchema = z.object({
  path: z.string(),
  format: z.enum(["text", "markdown", "pdf", "docx", "html", "deal"]).nullable(),
  error: z
    .object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      line: line.optional(),
      column: whole.nullable().optional(),
      related: z.array(z.object({ code: z.enum(ERROR_CODES), message: z.string(), line: line.nullable(), column: whole.nullable() })).optional(),
    })
    .nullable(),
  parties: z.array(
    z.object({
      name: z.string(),
      role: z.enum(["buyer", "supplier", "unknown"]),
      alias: z.string().nullable(),
      roleSource: z.enum(ROLE_SOURCES).nullable().optional(),
      roleEvidence: z.string().max(500).nullable().optional(),
    }),
  ),
  score: z
    .object({
      overall: percent,
      base: z.number().min(0).max(1000).optional(),
      gain: z.number().min(1).max(10).optional(),
      principles: z.array(
        z.object({
          id: z.enum(PRINCIPLES),
          score: percent,
          weight: z.number().min(0).max(1000),
          cap: percent.nullable(),
          // A point whose finding --min-severity hid points at -1.
          contributions: z.array(z.object({ ruleId: z.string(), points, finding: z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER), mitigatedBy: z.string().optional() })),
        }),
      ),
    })
    .nullable(),
  topics: z.array(topic).optional(),
  findings: z.array(finding),
  unusedSuppressions: suppressions,
  invalidSuppressions,
  hidden: z.object({ minSeverity: z.enum(SEVERITIES), count: whole }).optional(),
});
/** A JSON report, as `check -f json` writes it: the one schema for compare and merge inputs. */
export const reportSchema = z.looseObject({ schemaVersion: z.literal(1), documents: z.array(documentSchema) });
export type ReportJson = z.infer<typeof reportSchema>;

/** The first schema issue as one line: where in the file, and what is wrong. */
export function schemaIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join(".") || "(top level)"}: ${issue.message}`;
}

/** True when the text looks like a trustlint JSON report rather than a contract. */
export function looksLikeJsonReport(text: string): boolean {
  return /^\s*\{[\s\S]*"schemaVersion"\s*:/.test(text.slice(0, 2000));
}

export function reportFromJson(path: string, text: string): Result<DocumentReport[], AppError> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return err(appError("INPUT_UNSUPPORTED_FORMAT", `not valid JSON: ${(e as Error).message}`, { path }));
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    return err(appError("INPUT_UNSUPPORTED_FORMAT", `not a trustlint JSON report (schemaVersion 1): ${schemaIssue(parsed.error)}`, { path, hint: "write one with `trustlint check -f json`" }));
  }
  return ok(
    parsed.data.documents.map((d): DocumentReport => {
      // The JSON report leaves out the topic; compare does not need it.
      const findings: Finding[] = d.findings.map((f) => ({
        ruleId: f.ruleId,
        kind: f.kind,
        principle: f.principle,
        severity: f.severity,
        title: f.title,
        message: f.message,
        location: f.location as Location,
        excerpt: f.excerpt,
        matched: f.matched,
        suggestion: f.suggestion,
        topic: "",
        burdened: f.burdened,
        beneficiary: f.beneficiary,
        fingerprint: f.fingerprint,
        ...(f.suppressed ? { suppressed: { kind: f.suppressed.kind, reason: f.suppressed.reason } } : {}),
      }));
      return {
        path: d.path,
        format: d.format as DocumentReport["format"],
        error: d.error ? appError("INTERNAL", d.error.message, { path: d.path }) : null,
        parties: d.parties.map((p) => ({ name: p.name, role: p.role, alias: p.alias })),
        score: d.score
          ? {
              overall: d.score.overall,
              ...(d.score.base !== undefined ? { base: d.score.base } : {}),
              ...(d.score.gain !== undefined ? { gain: d.score.gain } : {}),
              principles: d.score.principles.map((p) => ({
                id: p.id,
                score: p.score,
                base: d.score!.base ?? BASE_SCORE,
                weight: p.weight,
                cap: p.cap === null ? null : { limit: p.cap, reason: "capped" },
                contributions: p.contributions.map((c) => ({ ruleId: c.ruleId, points: c.points, finding: c.finding, kind: findings[c.finding]?.kind ?? "flag" })),
              })),
            }
          : null,
        facts: [],
        findings,
      };
    }),
  );
}
