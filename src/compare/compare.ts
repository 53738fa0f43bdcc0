import type { ChangedFinding, ClauseChange, Comparison } from "../model/comparison.js";
import { SEVERITIES, type Finding, type Severity } from "../model/finding.js";
import type { DocumentReport } from "../model/report.js";
import { BASE_SCORE } from "../model/report.js";

/**
 * Compares two analysed drafts. Findings are matched by fingerprint (rule + party roles + clause text without
 * numbers), so renumbering or reflowing clauses leaves them "unchanged"; the same fingerprint occurring twice is
 * matched as a multiset. Suppressed findings are left out on both sides, as they are in the score.
 */
export function compareReports(oldDoc: DocumentReport, newDoc: DocumentReport): Comparison {
  if (!oldDoc.score || !newDoc.score) throw new Error("compareReports needs two scored documents");
  const oldFindings = oldDoc.findings.filter((f) => !f.suppressed);
  const newFindings = newDoc.findings.filter((f) => !f.suppressed);

  const pool = new Map<string, Finding[]>();
  for (const f of oldFindings) pool.set(f.fingerprint, [...(pool.get(f.fingerprint) ?? []), f]);
  const unchanged: Comparison["unchanged"] = [];
  const introducedAll: Finding[] = [];
  for (const f of newFindings) {
    const match = pool.get(f.fingerprint)?.shift();
    if (match) unchanged.push({ old: match, new: f });
    else introducedAll.push(f);
  }
  const matched = new Set(unchanged.map((u) => u.old));
  const gone = oldFindings.filter((f) => !matched.has(f));
  const effects = findingEffects(oldDoc, newDoc, gone, introducedAll);
  const withEffect = (f: Finding): ChangedFinding => ({ ...f, effect: effects.get(f)! });
  const resolved = gone.filter((f) => f.kind !== "strength").map(withEffect);
  const lost = gone.filter((f) => f.kind === "strength").map(withEffect);
  const introduced = introducedAll.filter((f) => f.kind !== "strength").map(withEffect);
  const gained = introducedAll.filter((f) => f.kind === "strength").map(withEffect);

  const principles = newDoc.score.principles.map((p) => {
    const before = oldDoc.score!.principles.find((q) => q.id === p.id)?.score ?? BASE_SCORE;
    return { id: p.id, old: before, new: p.score, delta: p.score - before };
  });
  const overall = {
    old: oldDoc.score.overall,
    new: newDoc.score.overall,
    delta: newDoc.score.overall - oldDoc.score.overall,
    rawDelta: round1(rawOverall(newDoc) - rawOverall(oldDoc)),
  };

  const regressions: string[] = [];
  if (overall.delta < 0) regressions.push(`overall index fell from ${overall.old} to ${overall.new}`);
  for (const p of principles) if (p.delta < 0) regressions.push(`${p.id} fell from ${p.old} to ${p.new}`);

  return {
    old: { path: oldDoc.path },
    new: { path: newDoc.path },
    overall,
    principles,
    resolved,
    introduced,
    gained,
    lost,
    unchanged,
    clauses: clauseChanges([...resolved, ...lost], [...introduced, ...gained]),
    regressions,
  };
}

/** The default severity of `compare --fail-on-regression` given without one. */
export const DEFAULT_REGRESSION_SEVERITY: Severity = "high";

/**
 * Reasons a `--fail-on-regression <severity>` gate fails: any score that went down (the comparison's
 * regressions), and every flag the new draft introduced at that severity or worse, even if the score held.
 */
export function regressionReasons(c: Comparison, severity: Severity = DEFAULT_REGRESSION_SEVERITY): string[] {
  const worst = SEVERITIES.indexOf(severity);
  const flags = c.introduced
    .filter((f) => f.kind === "flag" && SEVERITIES.indexOf(f.severity) <= worst)
    .map(
      (f) =>
        `introduced ${f.severity} flag ${f.ruleId} (${f.location.clause ? `clause ${f.location.clause}` : (f.location.path ?? "whole document")})`,
    );
  return [...c.regressions, ...flags];
}

/** Points each rule earned or cost in a document (a rule counts once per document, as in the score). */
function rulePoints(d: DocumentReport): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of d.score!.principles) for (const c of p.contributions) out.set(c.ruleId, (out.get(c.ruleId) ?? 0) + c.points);
  return out;
}

function weightShare(d: DocumentReport): Map<string, number> {
  const total = d.score!.principles.reduce((s, p) => s + p.weight, 0) || 1;
  return new Map(d.score!.principles.map((p) => [p.id, p.weight / total]));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The overall index from the unclamped, uncapped principle sums (base + contributions), weighted, stretched by the index gain, not clamped or rounded. */
function rawOverall(d: DocumentReport): number {
  const ps = d.score!.principles;
  const total = ps.reduce((s, p) => s + p.weight, 0);
  const base = d.score!.base ?? BASE_SCORE;
  if (total <= 0) return base;
  const mean = ps.reduce((s, p) => s + (p.base + p.contributions.reduce((t, c) => t + c.points, 0)) * p.weight, 0) / total;
  return base + (d.score!.gain ?? 1) * (mean - base);
}

/**
 * A rule whose points differ between the drafts moved the score; that difference is split evenly over the
 * findings of the rule that were resolved, introduced, gained or lost. Clamping and caps are not replayed, so
 * the points say which findings mattered most, not the exact arithmetic of the final score (see rawDelta).
 */
function findingEffects(
  oldDoc: DocumentReport,
  newDoc: DocumentReport,
  gone: Finding[],
  added: Finding[],
): Map<Finding, ChangedFinding["effect"]> {
  const before = rulePoints(oldDoc);
  const after = rulePoints(newDoc);
  const share = weightShare(newDoc);
  const perRule = new Map<string, number>();
  for (const f of [...gone, ...added]) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  const out = new Map<Finding, ChangedFinding["effect"]>();
  for (const f of [...gone, ...added]) {
    const points = ((after.get(f.ruleId) ?? 0) - (before.get(f.ruleId) ?? 0)) / perRule.get(f.ruleId)!;
    out.set(f, { points: round1(points), overallPoints: round1(points * (share.get(f.principle) ?? 0) * (newDoc.score!.gain ?? 1)) });
  }
  return out;
}

/** The changed findings summed per clause. */
function clauseChanges(gone: ChangedFinding[], added: ChangedFinding[]): ClauseChange[] {
  const changed = [...gone.map((f) => ({ f, side: "old" as const })), ...added.map((f) => ({ f, side: "new" as const }))];
  const byClause = new Map<string, ClauseChange>();
  for (const { f, side } of changed) {
    // Contracts have clause numbers; deal summaries have field paths ("risk.termination.for_convenience").
    const label = f.kind === "gap" ? null : (f.location.clause ?? f.location.path ?? null);
    // A redline usually keeps the clause number, heading and subject, so a resolved and an introduced finding
    // on the indemnity in "3.1" are one change; the same number about another topic is a different clause.
    const key = label === null ? "(whole document)" : `${label}\u0000${f.location.heading ?? ""}\u0000${f.topic}`;
    const entry = byClause.get(key) ?? {
      oldClause: null,
      newClause: null,
      resolved: [],
      introduced: [],
      gained: [],
      lost: [],
      points: 0,
      overallPoints: 0,
    };
    if (side === "old") {
      (f.kind === "strength" ? entry.lost : entry.resolved).push(f.ruleId);
      entry.oldClause = label;
    } else {
      (f.kind === "strength" ? entry.gained : entry.introduced).push(f.ruleId);
      entry.newClause = label;
    }
    entry.points += f.effect.points;
    entry.overallPoints += f.effect.overallPoints;
    byClause.set(key, entry);
  }
  return [...byClause.values()]
    .map((c) => ({ ...c, points: round1(c.points), overallPoints: round1(c.overallPoints) }))
    .sort(
      (a, b) =>
        Math.abs(b.overallPoints) - Math.abs(a.overallPoints) ||
        Math.abs(b.points) - Math.abs(a.points) ||
        String(a.oldClause ?? a.newClause).localeCompare(String(b.oldClause ?? b.newClause)),
    );
}
