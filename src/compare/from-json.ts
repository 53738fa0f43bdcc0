import { z } from "zod";
import { FINDING_KINDS, PRINCIPLES, SEVERITIES, type Finding } from "../model/finding.js";
import type { Location } from "../model/location.js";
import type { DocumentReport } from "../model/report.js";
import { appError, type AppError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import { BASE_SCORE } from "../model/report.js";

/**
 * Reads back a report written by `check -f json` (schemaVersion 1) so `compare` can take two saved reports
 * instead of two contracts. Only the fields compare needs are checked; anything extra is ignored.
 */
const side = z.enum(["buyer", "supplier", "both"]).nullable();
const location = z.looseObject({ line: z.number(), column: z.number(), clause: z.string().nullable() });
const finding = z.looseObject({
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
  fingerprint: z.string(),
  suppressed: z.looseObject({ kind: z.enum(["inline", "config", "baseline"]), reason: z.string() }).optional(),
});
const documentSchema = z.looseObject({
  path: z.string(),
  format: z.string().nullable(),
  error: z.looseObject({ code: z.string(), message: z.string() }).nullable(),
  parties: z.array(z.looseObject({ name: z.string(), role: z.enum(["buyer", "supplier", "unknown"]), alias: z.string().nullable() })),
  score: z
    .looseObject({
      overall: z.number(),
      principles: z.array(
        z.looseObject({
          id: z.enum(PRINCIPLES),
          score: z.number(),
          weight: z.number(),
          cap: z.number().nullable(),
          contributions: z.array(z.looseObject({ ruleId: z.string(), points: z.number(), finding: z.number() })),
        }),
      ),
    })
    .nullable(),
  findings: z.array(finding),
});
const reportSchema = z.looseObject({ schemaVersion: z.literal(1), documents: z.array(documentSchema).min(1) });

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
    const issue = parsed.error.issues[0]!;
    return err(appError("INPUT_UNSUPPORTED_FORMAT", `not a trustlint JSON report (schemaVersion 1): ${issue.path.join(".") || "(top level)"}: ${issue.message}`, { path, hint: "write one with `trustlint check -f json`" }));
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
              principles: d.score.principles.map((p) => ({
                id: p.id,
                score: p.score,
                base: BASE_SCORE,
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
