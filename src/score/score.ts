import { PRINCIPLES, type Finding, type PrincipleId } from "../model/finding.js";
import type { DocumentScore, PrincipleScore, ScoreContribution } from "../model/report.js";
import { BASE_SCORE, FLAG_POINTS, GAP_FACTOR, STRENGTH_POINTS, WEIGHT_PRESETS } from "./weights.js";

/**
 * Per principle: start at 50, add each strength rule's points, subtract each flag rule's points and half of
 * each gap's, clamp to 0–100, then cap (a critical flag caps the principle at 40, two or more high flags at 60).
 * A rule counts once per document however often it fires (its first finding carries the points), so a long
 * contract is not punished for repeating itself. Overall = weighted mean of the principle scores, rounded.
 *
 * Monotone by construction: a flag only subtracts or lowers a cap; a strength only adds.
 */
export function scoreFindings(findings: readonly Finding[], weights: Record<PrincipleId, number> = WEIGHT_PRESETS.relational): DocumentScore {
  const principles: PrincipleScore[] = PRINCIPLES.map((id) => scorePrinciple(id, findings, weights[id] ?? 0));
  const totalWeight = principles.reduce((s, p) => s + p.weight, 0);
  const overall = totalWeight > 0 ? principles.reduce((s, p) => s + p.score * p.weight, 0) / totalWeight : BASE_SCORE;
  return { overall: Math.round(overall), principles };
}

function scorePrinciple(id: PrincipleId, findings: readonly Finding[], weight: number): PrincipleScore {
  const contributions: ScoreContribution[] = [];
  const counted = new Set<string>();
  let critical = 0;
  let high = 0;
  findings.forEach((f, index) => {
    if (f.principle !== id || f.suppressed || counted.has(f.ruleId)) return;
    counted.add(f.ruleId);
    const points =
      f.kind === "strength" ? STRENGTH_POINTS[f.severity] : f.kind === "flag" ? -FLAG_POINTS[f.severity] : -FLAG_POINTS[f.severity] * GAP_FACTOR;
    if (f.kind === "flag" && f.severity === "critical") critical++;
    if (f.kind === "flag" && f.severity === "high") high++;
    if (points !== 0) contributions.push({ ruleId: f.ruleId, kind: f.kind, points, finding: index });
  });
  const raw = BASE_SCORE + contributions.reduce((s, c) => s + c.points, 0);
  let score = Math.max(0, Math.min(100, raw));
  let cap: PrincipleScore["cap"] = null;
  if (critical > 0 && score > 40) cap = { limit: 40, reason: "a critical win-lose term caps this principle at 40" };
  else if (high >= 2 && score > 60) cap = { limit: 60, reason: "two or more high-severity win-lose terms cap this principle at 60" };
  if (cap) score = cap.limit;
  return { id, score: Math.round(score), base: BASE_SCORE, contributions, cap, weight };
}
