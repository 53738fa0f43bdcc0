import { PRINCIPLES, type Finding, type PrincipleId } from "../model/finding.js";
import type { DocumentScore, PrincipleScore, ScoreContribution } from "../model/report.js";
import { SEVERITIES, type Severity } from "../model/finding.js";
import type { ScorePolicy } from "../model/policy.js";
import { defaultWeights } from "./weights.js";

/**
 * Per principle: start at the policy's base, add each strength's points, subtract each flag's points and
 * gap-factor of each gap's, clamp to the range, then apply the caps (counted over distinct flag rules). The first
 * instance of a rule counts in full, each further one repeat-decay of the previous, up to repeat-max-instances
 * (the rest are listed as `uncounted`). Overall = base + gain × (weighted mean of the principle scores − base),
 * clamped to the range and rounded. The numbers
 * live in the pack's policy.yaml; this file holds none of them.
 *
 * A flag with a mitigating strength present (the rule's `mitigated-by:`) counts one severity lower; the
 * contribution names the mitigating rule.
 *
 * Monotone by construction: a flag only subtracts or lowers a cap; a strength only adds or mitigates a flag.
 */
export function scoreFindings(
  findings: readonly Finding[],
  policy: ScorePolicy,
  weights: Record<PrincipleId, number> = defaultWeights(policy),
): DocumentScore {
  const strengths = new Set(findings.filter((f) => f.kind === "strength" && !f.suppressed).map((f) => f.ruleId));
  const principles: PrincipleScore[] = PRINCIPLES.map((id) => scorePrinciple(id, findings, weights[id] ?? 0, strengths, policy));
  const totalWeight = principles.reduce((s, p) => s + p.weight, 0);
  const mean = totalWeight > 0 ? principles.reduce((s, p) => s + p.score * p.weight, 0) / totalWeight : policy.base;
  const overall = Math.max(policy.range.min, Math.min(policy.range.max, policy.base + policy.gain * (mean - policy.base)));
  return { overall: Math.round(overall), base: policy.base, gain: policy.gain, principles };
}

function scorePrinciple(
  id: PrincipleId,
  findings: readonly Finding[],
  weight: number,
  strengths: ReadonlySet<string>,
  policy: ScorePolicy,
): PrincipleScore {
  const contributions: ScoreContribution[] = [];
  const instances = new Map<string, number>();
  const uncounted = new Map<string, number>();
  const flagRules = new Map<Severity, Set<string>>();
  findings.forEach((f, index) => {
    if (f.principle !== id || f.suppressed) return;
    const instance = (instances.get(f.ruleId) ?? 0) + 1;
    instances.set(f.ruleId, instance);
    if (instance > policy.repeatMaxInstances) {
      uncounted.set(f.ruleId, (uncounted.get(f.ruleId) ?? 0) + 1);
      return;
    }
    const mitigatedBy = f.kind === "flag" ? (policy.mitigations[f.ruleId] ?? []).find((m) => strengths.has(m)) : undefined;
    const severity = mitigatedBy ? lower(f.severity) : f.severity;
    const full =
      f.kind === "strength"
        ? policy.strengthPoints[severity]
        : f.kind === "flag"
          ? -policy.flagPoints[severity]
          : -policy.flagPoints[severity] * policy.gapFactor;
    const factor = policy.repeatDecay ** (instance - 1);
    const points = full * factor;
    if (f.kind === "flag") flagRules.set(severity, (flagRules.get(severity) ?? new Set<string>()).add(f.ruleId));
    if (points !== 0)
      contributions.push({
        ruleId: f.ruleId,
        kind: f.kind,
        points,
        finding: index,
        ...(mitigatedBy ? { mitigatedBy } : {}),
        ...(instance > 1 ? { instance, factor } : {}),
      });
  });
  const raw = policy.base + contributions.reduce((s, c) => s + c.points, 0);
  let score = Math.max(policy.range.min, Math.min(policy.range.max, raw));
  const clampedTo = score !== raw ? score : undefined;
  let cap: PrincipleScore["cap"] = null;
  const hit = policy.caps.find((c) => (flagRules.get(c.severity)?.size ?? 0) >= c.count && score > c.limit);
  if (hit) {
    cap = { limit: hit.limit, reason: hit.reason };
    score = hit.limit;
  }
  return {
    id,
    score: Math.round(score),
    base: policy.base,
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
