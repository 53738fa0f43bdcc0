import type { Party } from "../model/party.js";
import { PRINCIPLES, severityRank, type Finding, type PrincipleId } from "../model/finding.js";
import type { DocumentReport } from "../model/report.js";
import type { RuleMeta } from "../model/rule.js";

/** Helpers every human-facing reporter shares, so terminal, HTML and Markdown agree on order and wording. */

/** The three most severe win-lose items (flags before gaps, then by severity), one per rule. */
export function fixFirstList(d: DocumentReport, n = 3): Finding[] {
  const seen = new Set<string>();
  return activeIssues(d)
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        (a.kind === "flag" ? 0 : 1) - (b.kind === "flag" ? 0 : 1) ||
        a.ruleId.localeCompare(b.ruleId),
    )
    .filter((f) => (seen.has(f.ruleId) ? false : (seen.add(f.ruleId), true)))
    .slice(0, n);
}

/** Flags and gaps that are not suppressed. */
export function activeIssues(d: DocumentReport): Finding[] {
  return d.findings.filter((f) => f.kind !== "strength" && !f.suppressed);
}

export function activeStrengths(d: DocumentReport): Finding[] {
  return d.findings.filter((f) => f.kind === "strength" && !f.suppressed);
}

/** "clause 14.2, page 3, line 120", or the YAML path, or "whole document" for gaps. */
export function whereText(f: Finding): string {
  if (f.location.path) return `${f.location.path} (line ${f.location.line})`;
  if (f.kind === "gap") return "whole document";
  const parts = [
    f.location.clause ? `clause ${f.location.clause}` : null,
    f.location.page ? `page ${f.location.page}` : null,
    `line ${f.location.line}`,
  ];
  return parts.filter(Boolean).join(", ");
}

export function ruleIndex(rules: readonly RuleMeta[]): Map<string, RuleMeta> {
  return new Map(rules.map((r) => [r.id, r]));
}

/** Findings grouped by principle in the fixed principle order. */
export function byPrinciple(findings: readonly Finding[]): Map<PrincipleId, Finding[]> {
  const out = new Map<PrincipleId, Finding[]>(PRINCIPLES.map((p) => [p, []]));
  for (const f of findings) out.get(f.principle)!.push(f);
  return out;
}

/** Most frequent active flag/gap rules over a set of documents: [ruleId, documents it fired in], most first. */
export function frequentIssues(documents: readonly DocumentReport[], n = 10): { ruleId: string; title: string; documents: number }[] {
  const counts = new Map<string, { title: string; documents: number }>();
  for (const d of documents) {
    for (const id of new Set(activeIssues(d).map((f) => f.ruleId))) {
      const title = d.findings.find((f) => f.ruleId === id)!.title;
      const c = counts.get(id) ?? { title, documents: 0 };
      c.documents++;
      counts.set(id, c);
    }
  }
  return [...counts.entries()]
    .map(([ruleId, c]) => ({ ruleId, ...c }))
    .sort((a, b) => b.documents - a.documents || a.ruleId.localeCompare(b.ruleId))
    .slice(0, n);
}

/** "= 50 +4 ra-x −18 ra-y → capped at 40" — the score arithmetic of one principle. */
export function arithmetic(p: {
  base: number;
  contributions: { ruleId: string; points: number; mitigatedBy?: string; instance?: number; factor?: number }[];
  cap: { limit: number; reason: string } | null;
  clampedTo?: number;
  uncounted?: { ruleId: string; count: number }[];
}): string {
  const num = (n: number) => String(Math.round(n * 100) / 100);
  const parts = p.contributions.map(
    (x) =>
      `${x.points > 0 ? "+" : ""}${num(x.points)} ${x.ruleId}${x.instance ? ` (instance ${x.instance}, ×${num(x.factor ?? 1)})` : ""}${x.mitigatedBy ? ` (mitigated by ${x.mitigatedBy})` : ""}`,
  );
  const raw = p.base + p.contributions.reduce((s, c) => s + c.points, 0);
  const uncounted = (p.uncounted ?? []).map((u) => ` [${u.count} more ${u.ruleId} not counted: repeat cap]`).join("");
  const sum = parts.length ? ` = ${num(raw)}` : "";
  const clamp = p.clampedTo !== undefined ? ` → clamped to ${num(p.clampedTo)}` : "";
  return `= ${p.base}${parts.length ? " " + parts.join(" ") : ""}${uncounted}${sum}${clamp}${p.cap ? ` → capped at ${p.cap.limit} (${p.cap.reason})` : ""}`;
}

/** How the principle scores are weighted into the overall index: each share, the unrounded sum, the rounding. */
export function overallArithmetic(score: {
  overall: number;
  base?: number;
  gain?: number;
  principles: { id: string; score: number; weight: number }[];
}): string[] {
  const total = score.principles.reduce((s, p) => s + p.weight, 0);
  if (total <= 0) return [`no principle has weight: the index is ${score.overall}`];
  const r2 = (n: number) => Math.round(n * 100) / 100;
  const lines = score.principles.map((p) => `${p.id}: ${p.score} × ${p.weight}/${total} = ${r2((p.score * p.weight) / total)}`);
  const sum = score.principles.reduce((s, p) => s + p.score * p.weight, 0) / total;
  const gain = score.gain ?? 1;
  const base = score.base ?? 50;
  if (gain === 1) {
    lines.push(`overall = ${r2(sum)} → rounded ${score.overall}`);
    return lines;
  }
  // The index gain stretches the weighted mean around the base (policy.yaml index-gain); the clamp shows when it bites.
  const raw = base + gain * (sum - base);
  const clamp =
    Math.round(raw) !== score.overall && Math.abs(raw - score.overall) >= 0.5
      ? ` → clamped to ${score.overall}`
      : ` → rounded ${score.overall}`;
  lines.push(`weighted mean = ${r2(sum)}`, `overall = ${base} + ${gain} × (${r2(sum)} − ${base}) = ${r2(raw)}${clamp}`);
  return lines;
}

/**
 * Said once per document when the reading could not tell who is buyer and who is supplier: the findings then name
 * parties rather than roles, and the user learns how to set them.
 */
export function rolesNote(parties: readonly Party[], findings: readonly Finding[] = []): string | null {
  if (parties.length === 0) {
    // A clause read on its own: the findings name the parties as the clause does ("Zentrix", "Licensor").
    const named = [
      ...new Set(findings.flatMap((f) => [f.burdenedParty, f.beneficiaryParty]).filter((n): n is string => !!n && n !== "both")),
    ];
    if (named.length === 0)
      return "No parties recognised: one-sided findings cannot name who bears them. Set them with --role Name=buyer --role Name=supplier.";
    return `No preamble naming the parties: findings name them as the clauses do (${named.join(", ")}), roles unknown. Set them with ${roleExample(named)}.`;
  }
  const unknown = parties.filter((p) => p.role === "unknown").map((p) => p.alias ?? p.name);
  if (unknown.length === 0) return null;
  return `Roles not known for ${unknown.join(", ")}: findings name the party instead of buyer or supplier. Set them with ${roleExample(unknown)}.`;
}

function roleExample(names: readonly string[]): string {
  return names
    .slice(0, 2)
    .map((n, i) => `--role ${/\s/.test(n) ? `"${n}=${i === 0 ? "buyer" : "supplier"}"` : `${n}=${i === 0 ? "buyer" : "supplier"}`}`)
    .join(" ");
}
