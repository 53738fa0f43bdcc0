import type { ChangedFinding, ClauseChange, Comparison, ComparisonReport } from "../model/comparison.js";
import { PRINCIPLE_TITLES } from "../model/finding.js";
import { escapeHtml, escapeMarkdown, excerptWindow, highlight, jsonSafe } from "./escape.js";
import { ruleIndex, whereText } from "./findings.js";
import { htmlPage, scoreClass } from "./html-page.js";
import { details, findingItem, fitBlocks, GITHUB_COMMENT_LIMIT } from "./markdown.js";
import { terminalSafe } from "./sanitize.js";
import { scoreBars } from "./svg-chart.js";

/** Renderers for `trustlint compare`: pure functions ComparisonReport → string, one per format. */

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0");
const deltaArrow = (n: number): string => (n > 0 ? "↑" : n < 0 ? "↓" : "→");

/** A deal-summary field path ("risk.liability.supplier_cap") rather than a clause number. */
const isFieldPath = (label: string) => /^[a-z][a-z_]*(?:[.[]|$)/.test(label);

/** "+9 risk-allocation, +1.8 overall": what one changed finding did to the score. */
function effectText(f: ChangedFinding): string {
  return `${signed(f.effect.points)} ${f.principle}, ${signed(f.effect.overallPoints)} overall`;
}

/** The index change, with the change before clamping and caps next to it when the two differ. */
function overallText(c: Comparison): string {
  const raw = Math.round(c.overall.rawDelta) !== c.overall.delta ? `; ${signed(c.overall.rawDelta)} before clamping and caps` : "";
  return `${signed(c.overall.delta)}${raw}`;
}

/** The rule ids a clause change lists, each marked by what happened to it. */
function clauseRules(ch: ClauseChange): string[] {
  return [
    ...ch.resolved.map((r) => `resolved ${r}`),
    ...ch.introduced.map((r) => `introduced ${r}`),
    ...ch.gained.map((r) => `gained ${r}`),
    ...ch.lost.map((r) => `lost ${r}`),
  ];
}

/** The four lists of changed findings, in the order a reader wants them. */
function changeLists(c: Comparison): { title: string; change: string; findings: ChangedFinding[] }[] {
  return [
    { title: "Resolved flags", change: "resolved", findings: c.resolved },
    { title: "Introduced flags", change: "introduced", findings: c.introduced },
    { title: "Gained strengths", change: "gained", findings: c.gained },
    { title: "Lost strengths", change: "lost", findings: c.lost },
  ];
}
const MARK: Record<string, string> = { resolved: "✓", introduced: "✗", gained: "+", lost: "−" };

function clauseName(c: ClauseChange): string {
  if (c.oldClause === null && c.newClause === null) return "whole document";
  const label = c.newClause ?? c.oldClause!;
  const kind = isFieldPath(label) ? "field" : "clause";
  if (c.oldClause !== null && c.newClause !== null && c.oldClause !== c.newClause) return `${kind} ${c.oldClause} → ${c.newClause}`;
  return `${kind} ${label}`;
}

function renderCompareText(report: ComparisonReport): string {
  const c = report.comparison;
  const lines = [
    `Compare ${terminalSafe(c.old.path)} → ${terminalSafe(c.new.path)}`,
    "",
    `  Collaboration index: ${c.overall.old} → ${c.overall.new} (${overallText(c)}) ${deltaArrow(c.overall.delta)}`,
    "",
  ];
  for (const p of c.principles)
    lines.push(
      `  ${deltaArrow(p.delta)} ${String(p.old).padStart(3)} → ${String(p.new).padStart(3)}  ${signed(p.delta).padStart(4)}  ${PRINCIPLE_TITLES[p.id]}`,
    );
  for (const l of changeLists(c)) {
    lines.push("", `  ${l.title} (${l.findings.length})`);
    for (const f of l.findings)
      lines.push(`    ${MARK[l.change]} ${terminalSafe(f.message)} [${f.ruleId}] ${whereText(f)}  (${effectText(f)})`);
  }
  lines.push("", `  Unchanged: ${c.unchanged.length} finding(s)`);
  if (c.clauses.length) {
    lines.push("", "  Clauses that moved the score most");
    for (const ch of c.clauses.slice(0, 10))
      lines.push(
        `    ${signed(ch.overallPoints).padStart(6)} overall (${signed(ch.points)} principle points)  ${clauseName(ch)}: ${clauseRules(ch).join(", ")}`,
      );
  }
  lines.push("", c.regressions.length ? `  Regression: ${c.regressions.join("; ")}` : "  No regression: no score went down.", "");
  return lines.join("\n");
}

function renderCompareJson(report: ComparisonReport): string {
  const c = report.comparison;
  const f = (x: ChangedFinding) => ({
    ruleId: x.ruleId,
    kind: x.kind,
    principle: x.principle,
    severity: x.severity,
    title: x.title,
    message: x.message,
    location: x.location,
    excerpt: x.excerpt,
    fingerprint: x.fingerprint,
    effect: x.effect,
  });
  const out = {
    schemaVersion: 1,
    kind: "comparison",
    tool: report.tool,
    old: c.old,
    new: c.new,
    overall: c.overall,
    principles: c.principles,
    resolved: c.resolved.map(f),
    introduced: c.introduced.map(f),
    gained: c.gained.map(f),
    lost: c.lost.map(f),
    unchanged: c.unchanged.map((u) => ({
      ruleId: u.new.ruleId,
      fingerprint: u.new.fingerprint,
      oldLocation: u.old.location,
      newLocation: u.new.location,
    })),
    clauses: c.clauses,
    regressions: c.regressions,
  };
  return `${jsonSafe(JSON.stringify(out, null, 2))}\n`;
}

function renderCompareMarkdown(report: ComparisonReport, options: { limit?: number } = {}): string {
  const c = report.comparison;
  const blocks = [
    `## trustlint: did the redline help?\n\n_${escapeMarkdown(c.old.path)} → ${escapeMarkdown(c.new.path)} · arrows compare with the earlier draft_\n`,
    [
      `| | Before | After | Change |`,
      `|---|---:|---:|:---:|`,
      `| **Collaboration index** | ${c.overall.old} | **${c.overall.new}** | ${deltaArrow(c.overall.delta)} ${overallText(c)} |`,
      ...c.principles.map(
        (p) => `| ${escapeMarkdown(PRINCIPLE_TITLES[p.id])} | ${p.old} | ${p.new} | ${deltaArrow(p.delta)} ${signed(p.delta)} |`,
      ),
    ].join("\n") + "\n",
    c.regressions.length ? `**Regression:** ${escapeMarkdown(c.regressions.join("; "))}\n` : `No score went down.\n`,
  ];
  if (c.clauses.length)
    blocks.push(
      `**Clauses that moved the score most**\n\n${c.clauses
        .slice(0, 5)
        .map(
          (ch) =>
            `- ${signed(ch.overallPoints)} — ${escapeMarkdown(clauseName(ch))}: ${clauseRules(ch)
              .map((r) => r.replace(/ (.*)$/, " `$1`"))
              .join(", ")}`,
        )
        .join("\n")}\n`,
    );
  for (const l of changeLists(c))
    blocks.push(
      details(
        `${l.title} (${l.findings.length})`,
        l.findings.map((f) => `${findingItem(f)} _(${escapeMarkdown(effectText(f))})_`).join("\n") || "_none_",
      ),
    );
  blocks.push(
    details(
      `Unchanged (${c.unchanged.length})`,
      c.unchanged.map((u) => `- ${escapeMarkdown(u.new.title)} — ${escapeMarkdown(whereText(u.new))} (\`${u.new.ruleId}\`)`).join("\n") ||
        "_none_",
    ),
  );
  return fitBlocks(blocks, options.limit ?? GITHUB_COMMENT_LIMIT);
}

function renderCompareHtml(report: ComparisonReport): string {
  const c = report.comparison;
  const rules = ruleIndex(report.rules);
  const cls = (n: number) => (n > 0 ? "delta-up" : n < 0 ? "delta-down" : "delta-same");
  const findingList = (fs: ChangedFinding[], kind: string) =>
    fs.length
      ? fs
          .map(
            (f) =>
              `<article class="finding ${f.kind}" data-kind="${f.kind}" data-severity="${f.severity}" data-change="${kind}"><header><span class="badge ${f.kind === "flag" ? `sev-${f.severity}` : `kind-${f.kind}`}">${f.kind === "flag" ? f.severity : f.kind}</span>` +
              `<span class="title">${escapeHtml(f.title)}</span><span class="where">${escapeHtml(whereText(f))}</span><span class="rule">${escapeHtml(f.ruleId)}</span></header>` +
              `<p class="message">${escapeHtml(f.message)} <span class="where">(${escapeHtml(effectText(f))})</span></p>${f.excerpt ? `<blockquote>${highlight(excerptWindow(f.excerpt, f.matched), f.matched)}</blockquote>` : ""}` +
              (rules.get(f.ruleId)
                ? `<p class="why"><strong>Why it matters:</strong> ${escapeHtml(rules.get(f.ruleId)!.rationale)}</p>`
                : "") +
              `</article>`,
          )
          .join("\n")
      : `<p class="where">None.</p>`;
  const body = [
    `<section class="comparison" id="comparison"><h2>${escapeHtml(c.old.path)} → ${escapeHtml(c.new.path)}</h2>`,
    `<div class="index"><div class="big ${scoreClass(c.overall.new)}" data-overall="${c.overall.new}">${c.overall.new}<small>/100</small></div>` +
      `<div><strong>Collaboration index</strong><br>was ${c.overall.old}, <span class="${cls(c.overall.delta)}">${deltaArrow(c.overall.delta)} ${escapeHtml(overallText(c))}</span></div></div>`,
    `<div class="charts">${scoreBars(
      c.principles.map((p) => ({ label: PRINCIPLE_TITLES[p.id], value: p.new, previous: p.old })),
      "Score per principle after the redline (black tick: before)",
    )}</div>`,
    `<table class="deltas"><thead><tr><th>Principle</th><th class="num">Before</th><th class="num">After</th><th class="num">Change</th></tr></thead><tbody>` +
      c.principles
        .map(
          (p) =>
            `<tr><td>${escapeHtml(PRINCIPLE_TITLES[p.id])}</td><td class="num">${p.old}</td><td class="num">${p.new}</td><td class="num ${cls(p.delta)}">${deltaArrow(p.delta)} ${signed(p.delta)}</td></tr>`,
        )
        .join("") +
      `</tbody></table>`,
    c.regressions.length ? `<p class="error">Regression: ${escapeHtml(c.regressions.join("; "))}</p>` : `<p>No score went down.</p>`,
    `<h3>Clauses that moved the score most</h3>`,
    c.clauses.length
      ? `<table class="clauses"><thead><tr><th>Clause</th><th>Changes</th><th class="num">Overall points</th></tr></thead><tbody>` +
        c.clauses
          .map(
            (ch) =>
              `<tr><td>${escapeHtml(clauseName(ch))}</td><td>${escapeHtml(clauseRules(ch).join(", "))}</td><td class="num ${cls(ch.overallPoints)}">${signed(ch.overallPoints)}</td></tr>`,
          )
          .join("") +
        `</tbody></table>`
      : `<p class="where">No finding changed.</p>`,
    ...changeLists(c).flatMap((l) => [`<h3>${l.title} (${l.findings.length})</h3>`, findingList(l.findings, l.change)]),
    `<h3>Unchanged (${c.unchanged.length})</h3>`,
    c.unchanged.length
      ? `<ul>${c.unchanged.map((u) => `<li>${escapeHtml(u.new.title)} <span class="where">${escapeHtml(whereText(u.new))}</span></li>`).join("")}</ul>`
      : `<p class="where">None.</p>`,
    `</section>`,
  ].join("\n");
  return htmlPage({
    title: `trustlint comparison: ${c.old.path} → ${c.new.path}`,
    subtitle: `${report.tool.name} ${report.tool.version} · findings matched by fingerprint, robust to renumbering`,
    controls: true,
    body,
  });
}

export const COMPARE_REPORTERS = {
  terminal: (r: ComparisonReport) => renderCompareText(r),
  json: (r: ComparisonReport) => renderCompareJson(r),
  markdown: (r: ComparisonReport) => renderCompareMarkdown(r),
  html: (r: ComparisonReport) => renderCompareHtml(r),
} satisfies Record<string, (r: ComparisonReport) => string>;

export type CompareFormat = keyof typeof COMPARE_REPORTERS;
export const COMPARE_FORMATS = Object.keys(COMPARE_REPORTERS) as CompareFormat[];
