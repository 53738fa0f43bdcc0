import type { ClauseChange, Comparison } from "../model/comparison.js";
import type { Finding } from "../model/finding.js";
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
  const introduced: Finding[] = [];
  for (const f of newFindings) {
    const match = pool.get(f.fingerprint)?.shift();
    if (match) unchanged.push({ old: match, new: f });
    else introduced.push(f);
  }
  const matched = new Set(unchanged.map((u) => u.old));
  const resolved = oldFindings.filter((f) => !matched.has(f));

  const principles = newDoc.score.principles.map((p) => {
    const before = oldDoc.score!.principles.find((q) => q.id === p.id)?.score ?? BASE_SCORE;
    return { id: p.id, old: before, new: p.score, delta: p.score - before };
  });
  const overall = { old: oldDoc.score.overall, new: newDoc.score.overall, delta: newDoc.score.overall - oldDoc.score.overall };

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
    unchanged,
    clauses: clauseChanges(oldDoc, newDoc, resolved, introduced),
    regressions,
  };
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

/**
 * A rule whose points differ between the drafts moved the score; that difference is split over the findings
 * of the rule that were resolved or introduced, and summed per clause. Clamping and caps are not replayed, so
 * the points say which clauses mattered most, not the exact arithmetic of the final score.
 */
function clauseChanges(oldDoc: DocumentReport, newDoc: DocumentReport, resolved: Finding[], introduced: Finding[]): ClauseChange[] {
  const before = rulePoints(oldDoc);
  const after = rulePoints(newDoc);
  const share = weightShare(newDoc);
  const changed = [...resolved.map((f) => ({ f, side: "old" as const })), ...introduced.map((f) => ({ f, side: "new" as const }))];
  const perRule = new Map<string, number>();
  for (const { f } of changed) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);

  const byClause = new Map<string, ClauseChange>();
  for (const { f, side } of changed) {
    const ruleDelta = (after.get(f.ruleId) ?? 0) - (before.get(f.ruleId) ?? 0);
    const points = ruleDelta / perRule.get(f.ruleId)!;
    // Contracts have clause numbers; deal summaries have field paths ("risk.termination.for_convenience").
    const label = f.kind === "gap" ? null : (f.location.clause ?? f.location.path ?? null);
    // A redline usually keeps the clause number, heading and subject, so a resolved and an introduced finding
    // on the indemnity in "3.1" are one change; the same number about another topic is a different clause.
    const key = label === null ? "(whole document)" : `${label}\u0000${f.location.heading ?? ""}\u0000${f.topic}`;
    const entry = byClause.get(key) ?? { oldClause: null, newClause: null, resolved: [], introduced: [], points: 0, overallPoints: 0 };
    if (side === "old") {
      entry.resolved.push(f.ruleId);
      entry.oldClause = label;
    } else {
      entry.introduced.push(f.ruleId);
      entry.newClause = label;
    }
    entry.points += points;
    entry.overallPoints += points * (share.get(f.principle) ?? 0);
    byClause.set(key, entry);
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return [...byClause.values()]
    .map((c) => ({ ...c, points: round(c.points), overallPoints: round(c.overallPoints) }))
    .sort((a, b) => Math.abs(b.overallPoints) - Math.abs(a.overallPoints) || Math.abs(b.points) - Math.abs(a.points) || String(a.oldClause ?? a.newClause).localeCompare(String(b.oldClause ?? b.newClause)));
}
