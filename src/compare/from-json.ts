import type { Finding } from "../model/finding.js";
import type { Location } from "../model/location.js";
import type { DocumentReport } from "../model/report.js";
import { reportSchema } from "../model/report-json.js";
import { appError, type AppError } from "../shared/errors.js";
import { err, ok, type Result } from "../shared/result.js";
import { BASE_SCORE } from "../model/report.js";
import { firstIssue } from "../shared/zod-issue.js";

/** True when the text looks like a trustlint JSON report rather than a contract. */
export function looksLikeJsonReport(text: string): boolean {
  return /^\s*\{[\s\S]*"schemaVersion"\s*:/.test(text.slice(0, 2000));
}

/**
 * Reads back a report written by `check -f json` (schemaVersion 1, model/report-json.ts) so `compare` can take
 * two saved reports instead of two contracts.
 */
export function reportFromJson(path: string, text: string): Result<DocumentReport[], AppError> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return err(appError("INPUT_UNSUPPORTED_FORMAT", `not valid JSON: ${(e as Error).message}`, { path }));
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    return err(
      appError("INPUT_UNSUPPORTED_FORMAT", `not a trustlint JSON report (schemaVersion 1): ${firstIssue(parsed.error)}`, {
        path,
        hint: "write one with `trustlint check -f json`",
      }),
    );
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
                contributions: p.contributions.map((c) => ({
                  ruleId: c.ruleId,
                  points: c.points,
                  finding: c.finding,
                  kind: findings[c.finding]?.kind ?? "flag",
                })),
              })),
            }
          : null,
        facts: [],
        findings,
      };
    }),
  );
}
