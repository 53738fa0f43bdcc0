import { PRINCIPLES, type Finding, type PrincipleId } from "../model/finding.js";
import type { DocumentScore, PrincipleScore, ScoreContribution } from "../model/report.js";
import { SEVERITIES, type Severity } from "../model/finding.js";
import {
  BASE_SCORE,
  FLAG_POINTS,
  GAP_FACTOR,
  MITIGATIONS,
  REPEAT_DECAY,
  REPEAT_MAX_INSTANCES,
  SCORE_RANGE,
  SEVERITY_CAPS,
  STRENGTH_POINTS,
  WEIGHT_PRESETS,
} from "./weights.js";

/**
 * Per principle: start at BASE_SCORE, add each strength's points, subtract each flag's points and GAP_FACTOR of
 * each gap's, clamp to SCORE_RANGE, then apply SEVERITY_CAPS (counted over distinct flag rules). The first
 * instance of a rule counts in full, each further one REPEAT_DECAY of the previous, up to REPEAT_MAX_INSTANCES
 * (the rest are listed as `uncounted`). Overall = weighted mean of the principle scores, rounded. The policy
 * lives in weights.ts; this file holds none of its numbers.
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
  const instances = new Map<string, number>();
  const uncounted = new Map<string, number>();
  const flagRules = new Map<Severity, Set<string>>();
  findings.forEach((f, index) => {
    if (f.principle !== id || f.suppressed) return;
    const instance = (instances.get(f.ruleId) ?? 0) + 1;
    instances.set(f.ruleId, instance);
    if (instance > REPEAT_MAX_INSTANCES) {
      uncounted.set(f.ruleId, (uncounted.get(f.ruleId) ?? 0) + 1);
      return;
    }
    const mitigatedBy = f.kind === "flag" ? (MITIGATIONS[f.ruleId] ?? []).find((m) => strengths.has(m)) : undefined;
    const severity = mitigatedBy ? lower(f.severity) : f.severity;
    const full =
      f.kind === "strength" ? STRENGTH_POINTS[severity] : f.kind === "flag" ? -FLAG_POINTS[severity] : -FLAG_POINTS[severity] * GAP_FACTOR;
    const factor = REPEAT_DECAY ** (instance - 1);
    const points = full * factor;
    if (f.kind === "flag") flagRules.set(severity, (flagRules.get(severity) ?? new Set<string>()).add(f.ruleId));
    if (points !== 0)
      contributions.push({ ruleId: f.ruleId, kind: f.kind, points, finding: index, ...(mitigatedBy ? { mitigatedBy } : {}), ...(instance > 1 ? { instance, factor } : {}) });
  });
  const raw = BASE_SCORE + contributions.reduce((s, c) => s + c.points, 0);
  let score = Math.max(SCORE_RANGE.min, Math.min(SCORE_RANGE.max, raw));
  const clampedTo = score !== raw ? score : undefined;
  let cap: PrincipleScore["cap"] = null;
  const hit = SEVERITY_CAPS.find((c) => (flagRules.get(c.severity)?.size ?? 0) >= c.count && score > c.limit);
  if (hit) {
    cap = { limit: hit.limit, reason: hit.reason };
    score = hit.limit;
  }
  return {
    id,
    score: Math.round(score),
    base: BASE_SCORE,
    contributions,
    cap,
    weight,
    ...(clampedTo !== undefined ? { clampedTo } : {}),
    ...(uncounted.size ? { uncounted: [...uncounted].map(([ruleId, count]) => ({ ruleId, count })) } : {}),
  };
}

/** One step down the severity scale (info stays info). */
function lower(severity: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.length - 1, SEVERITIES.indexOf(severity) + 1)]!;
}
