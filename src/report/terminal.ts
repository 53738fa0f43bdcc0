import { Chalk, type ChalkInstance } from "chalk";
import { PRINCIPLE_TITLES, type Finding } from "../model/finding.js";
import type { DocumentReport, Report } from "../model/report.js";
import { arithmetic, overallArithmetic, fixFirstList, rolesNote, whereText } from "./findings.js";
import { hiddenNote } from "./filter.js";
import { terminalLine, terminalSafe } from "./sanitize.js";

// Kept importable from here for older callers; the list itself lives with the other shared report helpers.
export { fixFirstList } from "./findings.js";

export interface TerminalOptions {
  color: boolean;
  /** Print the score arithmetic per principle. */
  explainScore?: boolean;
}

/** The negotiator's view: scores per principle with bars, flags and gaps with evidence and a fix, strengths, "fix first". */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  // A document that could not be analysed has no report here: its error is printed once, on stderr.
  return report.documents
    .filter((d) => !d.error)
    .map((d) => renderDocument(d, c, options))
    .join("\n");
}

function bar(score: number, c: ChalkInstance): string {
  const filled = Math.round(score / 5);
  const colour = score >= 75 ? c.green : score >= 50 ? c.yellow : c.red;
  return colour("█".repeat(filled)) + c.dim("░".repeat(20 - filled));
}

const where = whereText;

const SEVERITY_COLOUR = (c: ChalkInstance, s: Finding["severity"]) =>
  s === "critical" ? c.bgRed.white : s === "high" ? c.red : s === "medium" ? c.yellow : c.cyan;

function renderDocument(d: DocumentReport, c: ChalkInstance, options: TerminalOptions): string {
  const lines: string[] = [];
  lines.push(c.bold.underline(terminalLine(d.path)));
  if (d.error) {
    lines.push(`  ${c.red("error")} ${d.error.code} ${terminalSafe(d.error.message)}`, "");
    return lines.join("\n");
  }
  if (d.parties.length) lines.push(`  Parties: ${d.parties.map((p) => `${terminalSafe(p.alias ?? p.name)} (${p.role})`).join(", ")}`);
  const note = d.format === "deal" ? null : rolesNote(d.parties, d.findings);
  if (note) lines.push(c.dim(`  ${terminalSafe(note)}`));
  const score = d.score!;
  lines.push(`  Collaboration index: ${c.bold(String(score.overall))}/100`, "");
  for (const p of score.principles) {
    const title = PRINCIPLE_TITLES[p.id];
    lines.push(`  ${bar(p.score, c)} ${String(p.score).padStart(3)}  ${c.bold(title)}`);
    if (options.explainScore) {
      lines.push(c.dim(`        ${arithmetic(p)}`));
    }
    const mine = d.findings.filter((f) => f.principle === p.id && f.kind !== "strength" && !f.suppressed);
    for (const f of mine) {
      const tag = f.kind === "gap" ? c.magenta("GAP ") : SEVERITY_COLOUR(c, f.severity)(`${f.severity.toUpperCase()}`);
      lines.push(`      ${tag} ${terminalSafe(f.message)} ${c.dim(`[${f.ruleId}] ${where(f)}`)}`);
      if (f.excerpt) lines.push(c.dim(`        “${terminalSafe(f.excerpt)}”`));
      lines.push(`        ${c.green("→")} ${terminalSafe(f.suggestion)}`);
    }
  }
  if (options.explainScore) {
    lines.push("", c.bold("  Overall index: principle score × weight / total weight, stretched by the index gain around the base"));
    for (const l of overallArithmetic(score)) lines.push(c.dim(`        ${l}`));
  }
  const strengths = d.findings.filter((f) => f.kind === "strength" && !f.suppressed);
  if (strengths.length) {
    lines.push("", c.bold("  Strengths"));
    for (const g of groupByRule(strengths))
      lines.push(`    ${c.green("✓")} ${terminalSafe(g.first.message)} ${c.dim(`[${g.first.ruleId}] ${placesText(g.findings)}`)}`);
  }
  const fixFirst = fixFirstList(d);
  if (fixFirst.length) {
    lines.push("", c.bold("  Fix first"));
    fixFirst.forEach((f, i) => lines.push(`    ${i + 1}. ${terminalSafe(f.title)} — ${where(f)} ${c.dim(`[${f.ruleId}]`)}`));
  }
  const suppressed = d.findings.filter((f) => f.suppressed).length;
  if (suppressed) lines.push(c.dim(`  ${suppressed} finding(s) suppressed`));
  if (hiddenNote(d)) lines.push(c.dim(`  ${hiddenNote(d)}`));
  lines.push("");
  return lines.join("\n");
}

/** Findings of the same rule together, in order of first appearance. */
function groupByRule(findings: readonly Finding[]): { first: Finding; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  return [...groups.values()].map((list) => ({ first: list[0]!, findings: list }));
}

/** "clause 5.1", "clauses 5.1, 5.2, 7.2", "clauses 3.4, line 80 (3×)": where a rule matched, each place once. */
function placesText(findings: readonly Finding[]): string {
  if (findings.length === 1) return where(findings[0]!);
  const clauses = [...new Set(findings.map((f) => f.location.clause).filter((x): x is string => Boolean(x)))];
  const unnumbered = [
    ...new Set(
      findings.filter((f) => !f.location.clause).map((f) => (f.location.page ? `page ${f.location.page}` : `line ${f.location.line}`)),
    ),
  ];
  const parts = [
    ...(clauses.length ? [`${clauses.length > 1 ? "clauses" : "clause"} ${clauses.map(terminalSafe).join(", ")}`] : []),
    ...unnumbered,
  ];
  return `${parts.join(", ")} (${findings.length}×)`;
}
