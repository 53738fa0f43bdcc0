import { PRINCIPLES, type Finding, type PrincipleId } from "../model/finding.js";
import type { DocumentScore, PrincipleScore, ScoreContribution } from "../model/report.js";
import { SEVERITIES, type Severity } from "../model/finding.js";
import { BASE_SCORE, FLAG_POINTS, GAP_FACTOR, MITIGATIONS, STRENGTH_POINTS, WEIGHT_PRESETS } from "./weights.js";

/**
 * Per principle: start at 50, add each strength rule's points, subtract each flag rule's points and half of
 * each gap's, clamp to 0–100, then cap (a critical flag caps the principle at 40, two or more high flags at 60).
 * A rule counts once per document however often it fires (its first finding carries the points), so a long
 * contract is not punished for repeating itself. Overall = weighted mean of the principle scores, rounded.
 *
 * A flag with a mitigating strength present (MITIGATIONS) counts one severity lower; the contribution names
 * the mitigating rule.
 *
 * Monotone by construction: a flag only subtracts or lowers a cap; a strength only adds or mitigates a flag.
 */
export function scoreFindings(findings: readonly Finding[], weights: Record<PrincipleId, number> = WEIGHT_PRESETS.relational): DocumentScore {
  const strengths = new Set(findings.filter((f) => f.kind === "strength" && !f.suppressed).map((f) => f.ruleId));
  const principles: PrincipleScore[] = PRINCIPLES.map((id) => scorePrinciple(id, findings, weights[id] ?? 0, strengths));
  const totalWeight = principles.reduce((s, p) => s + p.weight, 0);
  const overall = totalWeight > 0 ? principles.reduce((s, p) => s + p.score * p.weight, 0) / totalWeight : BASE_SCORE;
  return { overall: Math.round(overall), principles };
}

function scorePrinciple(id: PrincipleId, findings: readonly Finding[], weight: number, strengths: ReadonlySet<string>): PrincipleScore {
  const contributions: ScoreContribution[] = [];
  const counted = new Set<string>();
  let critical = 0;
  let high = 0;
  findings.forEach((f, index) => {
    if (f.principle !== id || f.suppressed || counted.has(f.ruleId)) return;
    counted.add(f.ruleId);
    const mitigatedBy = f.kind === "flag" ? (MITIGATIONS[f.ruleId] ?? []).find((m) => strengths.has(m)) : undefined;
    const severity = mitigatedBy ? lower(f.severity) : f.severity;
    const points =
      f.kind === "strength" ? STRENGTH_POINTS[severity] : f.kind === "flag" ? -FLAG_POINTS[severity] : -FLAG_POINTS[severity] * GAP_FACTOR;
    if (f.kind === "flag" && severity === "critical") critical++;
    if (f.kind === "flag" && severity === "high") high++;
    if (points !== 0) contributions.push({ ruleId: f.ruleId, kind: f.kind, points, finding: index, ...(mitigatedBy ? { mitigatedBy } : {}) });
  });
  const raw = BASE_SCORE + contributions.reduce((s, c) => s + c.points, 0);
  let score = Math.max(0, Math.min(100, raw));
  let cap: PrincipleScore["cap"] = null;
  if (critical > 0 && score > 40) cap = { limit: 40, reason: "a critical win-lose term caps this principle at 40" };
  else if (high >= 2 && score > 60) cap = { limit: 60, reason: "two or more high-severity win-lose terms cap this principle at 60" };
  if (cap) score = cap.limit;
  return { id, score: Math.round(score), base: BASE_SCORE, contributions, cap, weight };
}

/** One step down the severity scale (info stays info). */
function lower(severity: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.length - 1, SEVERITIES.indexOf(severity) + 1)]!;
}
