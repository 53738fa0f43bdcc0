import { PRINCIPLES, SEVERITIES, type PrincipleId, type Severity } from "../model/finding.js";
import type { DocumentReport, Report } from "../model/report.js";
import { terminalSafe } from "./sanitize.js";

/** What the portfolio summary keeps of a document: small, so a batch never holds every full report. */
export interface PortfolioRow {
  path: string;
  error: string | null;
  overall: number | null;
  principles: Partial<Record<PrincipleId, number>>;
  open: Record<Severity, number>;
  suppressed: number;
  /** Rule ids of open flags and gaps, each once, with the rule title. */
  rules: { id: string; title: string }[];
}

export function portfolioRow(d: DocumentReport): PortfolioRow {
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const rules = new Map<string, string>();
  for (const f of d.findings) {
    if (f.kind === "strength" || f.suppressed) continue;
    open[f.severity]++;
    rules.set(f.ruleId, f.title);
  }
  return {
    path: d.path,
    error: d.error ? d.error.code : null,
    overall: d.score?.overall ?? null,
    principles: Object.fromEntries((d.score?.principles ?? []).map((p) => [p.id, p.score])),
    open,
    suppressed: d.findings.filter((f) => f.suppressed).length,
    rules: [...rules].map(([id, title]) => ({ id, title })),
  };
}

const SHORT: Record<PrincipleId, string> = {
  "shared-vision": "vis",
  "pricing-incentives": "pri",
  "risk-allocation": "risk",
  governance: "gov",
  "trust-transparency": "trust",
  "term-exit": "exit",
  "dispute-resolution": "disp",
};

/**
 * The consultant's view after the per-document reports: every contract worst first, how overall scores are
 * spread, and which flags recur across the portfolio (in how many contracts). Plain text, no colour.
 */
export function renderPortfolio(rows: readonly PortfolioRow[]): string {
  const lines: string[] = ["", `Portfolio: ${rows.length} documents`, ""];
  const sorted = [...rows].sort((a, b) => (a.overall ?? 101) - (b.overall ?? 101) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // The folder every file shares is said once above the table, so the column shows what differs: the name.
  const prefix = sharedFolder(rows.map((r) => r.path));
  const shown = (p: string) => p.slice(prefix.length);
  if (prefix) lines.push(`  in ${terminalSafe(prefix)}`);
  const pathWidth = Math.min(48, Math.max(8, ...rows.map((r) => shown(r.path).length)));
  const head = ["overall", ...PRINCIPLES.map((p) => SHORT[p]), "crit", "high", "med", "low", "supp"];
  lines.push(`  ${"document".padEnd(pathWidth)}  ${head.map((h) => h.padStart(5)).join(" ")}`);
  for (const r of sorted) {
    const name = terminalSafe(fit(shown(r.path), pathWidth)).padEnd(pathWidth);
    if (r.error) {
      lines.push(`  ${name}  error ${r.error}`);
      continue;
    }
    const cells = [
      r.overall ?? "",
      ...PRINCIPLES.map((p) => r.principles[p] ?? ""),
      r.open.critical,
      r.open.high,
      r.open.medium,
      r.open.low,
      r.suppressed,
    ];
    lines.push(`  ${name}  ${cells.map((c) => String(c).padStart(5)).join(" ")}`);
  }
  const scored = rows.filter((r) => r.overall !== null).map((r) => r.overall!);
  if (scored.length) {
    lines.push("", "  Overall score distribution");
    const buckets = [
      [0, 19],
      [20, 39],
      [40, 59],
      [60, 79],
      [80, 100],
    ] as const;
    const max = Math.max(1, ...buckets.map(([lo, hi]) => scored.filter((s) => s >= lo && s <= hi).length));
    for (const [lo, hi] of buckets) {
      const n = scored.filter((s) => s >= lo && s <= hi).length;
      lines.push(`  ${`${lo}-${hi}`.padStart(6)}  ${"█".repeat(Math.round((n / max) * 30)).padEnd(30)} ${n}`);
    }
    const sortedScores = [...scored].sort((a, b) => a - b);
    const median = sortedScores[Math.floor((sortedScores.length - 1) / 2)]!;
    lines.push(`  min ${sortedScores[0]}, median ${median}, max ${sortedScores[sortedScores.length - 1]}`);
  }
  const freq = new Map<string, { title: string; count: number }>();
  for (const r of rows) for (const rule of r.rules) freq.set(rule.id, { title: rule.title, count: (freq.get(rule.id)?.count ?? 0) + 1 });
  const top = [...freq].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
  if (top.length) {
    lines.push("", "  Most frequent flags and gaps");
    for (const [id, { title, count }] of top) lines.push(`  ${String(count).padStart(5)}/${rows.length}  ${terminalSafe(title)} [${id}]`);
  }
  const errors = rows.filter((r) => r.error).length;
  const suppressed = rows.reduce((s, r) => s + r.suppressed, 0);
  if (errors || suppressed) lines.push("", `  ${errors} document(s) could not be analysed; ${suppressed} finding(s) suppressed`);
  lines.push("");
  return lines.join("\n");
}

/**
 * A name cut in the middle: the start (usually the counterparty, "acme-corp-…") and the end (the extension and
 * any version or date suffix) both stay readable. Cutting from the left lost the company name.
 */
export function fit(s: string, width: number): string {
  if (s.length <= width) return s;
  const tail = Math.floor((width - 1) / 3);
  const head = width - 1 - tail;
  return `${s.slice(0, head)}…${s.slice(s.length - tail)}`;
}

/** The folder prefix (ending in a separator) every path shares, or "" (also for a single path). */
export function sharedFolder(paths: readonly string[]): string {
  if (paths.length < 2) return "";
  const split = paths.map((p) => p.split(/(?<=[\\/])/));
  let n = 0;
  while (split.every((s) => s.length - 1 > n && s[n] === split[0]![n])) n++;
  return split[0]!.slice(0, n).join("");
}

/** Portfolio summary for a whole report (used when the report is rendered at once, e.g. by merge). */
export function portfolioFor(report: Report): string {
  return report.documents.length > 1 ? renderPortfolio(report.documents.map(portfolioRow)) : "";
}
