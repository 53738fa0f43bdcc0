import { PRINCIPLE_TITLES, PRINCIPLES, type Finding, type PrincipleId } from "../model/finding.js";
import type { DocumentReport, Report } from "../model/report.js";
import type { RuleMeta } from "../model/rule.js";
import { escapeHtml, excerptWindow, highlight, num } from "./escape.js";
import {
  activeIssues,
  activeStrengths,
  arithmetic,
  byPrinciple,
  fixFirstList,
  frequentIssues,
  rolesNote,
  ruleIndex,
  whereText,
} from "./findings.js";
import { hiddenNote } from "./filter.js";
import { htmlPage, scoreClass } from "./html-page.js";
import { scoreBars, scoreHistogram } from "./svg-chart.js";

export interface HtmlOptions {
  explainScore?: boolean;
}

/** Above this many parties, those with no term and no role are listed on one line instead of a row each. */
const MAX_PARTY_ROWS = 6;
/** Short column headings for the portfolio table. */
const PRINCIPLE_SHORT: Record<PrincipleId, string> = {
  "shared-vision": "Vision",
  "pricing-incentives": "Pricing",
  "risk-allocation": "Risk",
  governance: "Governance",
  "trust-transparency": "Trust",
  "term-exit": "Term/exit",
  "dispute-resolution": "Disputes",
};

/**
 * One self-contained HTML file: a portfolio page when there is more than one document, then one section per
 * document with the index, the principle chart, parties, "fix first" and the findings grouped by principle.
 * Readable without JavaScript; the inline script only filters, collapses and sorts.
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const rules = ruleIndex(report.rules);
  const docs = report.documents;
  const parts: string[] = [];
  const batch = docs.length > 1;
  if (batch)
    parts.push(
      portfolio(docs),
      `<section class="details-list" id="contracts"><h2>Contracts in detail</h2><p class="where">Each contract is folded; open it here or from the table above.</p>`,
    );
  // In a portfolio each contract is folded under a one-line summary, so the page opens on the summary and the
  // table, and a printed portfolio is the summary plus one page per contract.
  docs.forEach((d, i) =>
    parts.push(
      batch ? foldedDocument(d, i, rules, options, commonDir(docs.map((x) => x.path))) : documentSection(d, i, rules, options, false),
    ),
  );
  if (batch) parts.push(`</section>`);
  const title = docs.length === 1 ? `trustlint report: ${docs[0]!.path}` : `trustlint portfolio report: ${docs.length} documents`;
  return htmlPage({
    title,
    subtitle: `${report.tool.name} ${report.tool.version} · collaboration index per document (0–100, 50 = neutral) · not legal advice`,
    controls: true,
    body: parts.join("\n"),
    ...(batch ? { bodyClass: "portfolio-page" } : {}),
  });
}

function foldedDocument(d: DocumentReport, i: number, rules: Map<string, RuleMeta>, options: HtmlOptions, prefix: string): string {
  const issues = activeIssues(d);
  const flags = issues.filter((f) => f.kind === "flag").length;
  const line = d.score
    ? `<span class="${scoreClass(d.score.overall)}"><strong>${d.score.overall}</strong></span> · ${flags} flag(s), ${issues.length - flags} gap(s), ${activeStrengths(d).length} strength(s)`
    : `<span class="error">could not be analysed</span>`;
  return (
    `<details class="doc-detail" data-doc="${docId(i)}"><summary><span class="doc-name">${escapeHtml(d.path.slice(prefix.length))}</span> <span class="where">${line}</span></summary>\n` +
    documentSection(d, i, rules, options, true) +
    `\n</details>`
  );
}

function docId(i: number): string {
  return `doc-${i + 1}`;
}

/** The folder every path shares, so the table shows "deal-01.md" instead of a long absolute path. */
export function commonDir(paths: readonly string[]): string {
  if (paths.length < 2) return "";
  const split = paths.map((p) => p.split(/(?<=[\\/])/));
  let n = 0;
  while (split.every((s) => s.length - 1 > n && s[n] === split[0]![n])) n++;
  return split[0]!.slice(0, n).join("");
}

function portfolio(docs: readonly DocumentReport[]): string {
  const prefix = commonDir(docs.map((d) => d.path));
  const scored = docs.map((d, i) => ({ d, i })).filter((x) => x.d.score);
  const scores = scored.map((x) => x.d.score!.overall);
  const mean = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  // Worst first without JavaScript: the reader's eye goes to the deals that need work.
  const order = docs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.score?.overall ?? -1) - (b.d.score?.overall ?? -1) || a.d.path.localeCompare(b.d.path));
  const head =
    `<tr><th><button type="button">Document</button></th><th class="num"><button type="button">Index</button></th>` +
    PRINCIPLES.map(
      (p) => `<th class="num" title="${escapeHtml(PRINCIPLE_TITLES[p])}"><button type="button">${PRINCIPLE_SHORT[p]}</button></th>`,
    ).join("") +
    `<th class="num"><button type="button">Flags</button></th><th class="num"><button type="button">Gaps</button></th><th class="num"><button type="button">Strengths</button></th></tr>`;
  const rows = order
    .map(({ d, i }) => {
      const link = `<td data-sort="${escapeHtml(d.path)}"><a href="#${docId(i)}" title="${escapeHtml(d.path)}">${escapeHtml(d.path.slice(prefix.length))}</a></td>`;
      if (!d.score)
        return `<tr class="failed">${link}<td class="num error" data-sort="-1" colspan="1">error</td>${PRINCIPLES.map(() => `<td class="num" data-sort="-1">–</td>`).join("")}<td data-sort="0"></td><td data-sort="0"></td><td data-sort="0"></td></tr>`;
      const issues = activeIssues(d);
      const flags = issues.filter((f) => f.kind === "flag").length;
      const gaps = issues.length - flags;
      return (
        `<tr>${link}<td class="num ${scoreClass(d.score.overall)}" data-sort="${num(d.score.overall)}"><strong>${num(d.score.overall)}</strong></td>` +
        d.score.principles.map((p) => `<td class="num ${scoreClass(p.score)}" data-sort="${p.score}">${p.score}</td>`).join("") +
        `<td class="num" data-sort="${flags}">${flags}</td><td class="num" data-sort="${gaps}">${gaps}</td><td class="num" data-sort="${activeStrengths(d).length}">${activeStrengths(d).length}</td></tr>`
      );
    })
    .join("\n");
  const frequent = frequentIssues(docs);
  const freqTable = frequent.length
    ? `<table class="frequent"><thead><tr><th>Flag or gap</th><th>Rule</th><th class="num">Documents</th></tr></thead><tbody>` +
      frequent
        .map(
          (f) =>
            `<tr><td>${escapeHtml(f.title)}</td><td class="rule">${escapeHtml(f.ruleId)}</td><td class="num">${f.documents} of ${docs.length}</td></tr>`,
        )
        .join("") +
      `</tbody></table>`
    : `<p>No flags or gaps in any document.</p>`;
  const sortedScores = [...scores].sort((a, b) => a - b);
  const median = sortedScores.length ? sortedScores[Math.floor((sortedScores.length - 1) / 2)]! : null;
  const critical = docs.filter((d) => activeIssues(d).some((f) => f.severity === "critical")).length;
  const kpi = (value: string | number, label: string) => `<div class="kpi"><strong>${value}</strong><span>${label}</span></div>`;
  const worst = order.filter((x) => x.d.score).slice(0, 5);
  const worstList = worst.length
    ? `<ol class="worst">${worst
        .map(({ d, i }) => {
          const top = fixFirstList(d, 1)[0];
          return `<li><a href="#${docId(i)}">${escapeHtml(d.path.slice(prefix.length))}</a> <strong class="${scoreClass(d.score!.overall)}">${d.score!.overall}</strong>${top ? ` <span class="where">— ${escapeHtml(top.title)}</span>` : ""}</li>`;
        })
        .join("")}</ol>`
    : `<p class="where">No document could be scored.</p>`;
  return (
    `<section class="portfolio" id="portfolio"><h2>Executive summary: ${docs.length} documents</h2>` +
    `<div class="kpis">${kpi(mean ?? "–", "mean index")}${kpi(median ?? "–", "median index")}${kpi(scores.filter((x) => x < 50).length, "below 50 (win-lose)")}${kpi(critical, "with a critical flag")}${
      scored.length < docs.length ? kpi(docs.length - scored.length, "could not be read") : ""
    }</div>` +
    `<div class="exec"><figure><figcaption>Distribution of the overall index</figcaption>${scoreHistogram(scores, "Histogram of overall scores")}</figure>` +
    `<div><h4>Worst contracts</h4>${worstList}</div>` +
    `<div class="recurring"><h4>Recurring flags and gaps</h4>${freqTable}</div></div>` +
    `<h3>All documents</h3><p class="where">${prefix ? `In ${escapeHtml(prefix)} · ` : ""}sorted worst first; click a heading to sort, a name to open the contract.</p>` +
    `<div class="table-wrap"><table class="sortable portfolio-table"><thead>${head}</thead><tbody>\n${rows}\n</tbody></table></div></section>`
  );
}

function documentSection(d: DocumentReport, i: number, rules: Map<string, RuleMeta>, options: HtmlOptions, batch: boolean): string {
  const id = docId(i);
  const out: string[] = [`<section class="document" id="${id}">`, `<h2>${escapeHtml(d.path)}</h2>`];
  if (batch) out.push(`<p class="where back"><a href="#portfolio">↑ portfolio</a></p>`);
  if (d.error || !d.score) {
    out.push(
      `<p class="error">Could not be analysed: ${escapeHtml(d.error?.code ?? "ERROR")} ${escapeHtml(d.error?.message ?? "")}</p></section>`,
    );
    return out.join("\n");
  }
  const score = d.score;
  const stats = d.stats ? ` · ${d.stats.clauses} clauses${d.stats.pages ? ` · ${d.stats.pages} pages` : ""}` : "";
  out.push(
    `<div class="index"><div class="big ${scoreClass(score.overall)}" data-overall="${num(score.overall)}">${num(score.overall)}<small>/100</small></div>` +
      `<div><strong>Collaboration index</strong><br><span class="where">${escapeHtml(d.format ?? "")}${stats}</span></div></div>`,
  );
  out.push(
    `<div class="charts">${scoreBars(
      score.principles.map((p) => ({ label: PRINCIPLE_TITLES[p.id], value: p.score })),
      "Score per collaboration principle",
    )}</div>`,
  );
  if (options.explainScore) {
    out.push(`<h3>Score arithmetic</h3>`);
    for (const p of score.principles)
      out.push(
        `<div><strong>${escapeHtml(PRINCIPLE_TITLES[p.id])}: ${p.score}</strong> <span class="where">(weight ${p.weight})</span><pre class="arith">${escapeHtml(arithmetic(p))}</pre></div>`,
      );
  }
  out.push(`<h3>Parties</h3>`);
  // A joint filing signed by nineteen entities: those with no term and no role read go on one line, so a contract
  // still prints on one page of a portfolio.
  const bare = (p: (typeof d.parties)[number]) => p.alias === null && p.role === "unknown" && !p.roleSource;
  const listed = d.parties.length > MAX_PARTY_ROWS ? d.parties.filter((p) => !bare(p)) : d.parties;
  const others = d.parties.filter((p) => !listed.includes(p));
  out.push(
    listed.length
      ? `<table class="parties"><thead><tr><th>Party</th><th>Called</th><th>Role</th><th>Because</th></tr></thead><tbody>${listed
          .map(
            (p) =>
              `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.alias ?? "")}</td><td>${escapeHtml(p.role)}</td><td>${escapeHtml(p.roleSource ? `${p.roleSource}: ${p.roleEvidence ?? ""}` : "")}</td></tr>`,
          )
          .join("")}</tbody></table>`
      : "",
  );
  if (others.length)
    out.push(
      `<p class="parties-more">${listed.length ? "Also parties" : "Parties"}, no role read: ${others.map((p) => escapeHtml(p.name)).join("; ")}</p>`,
    );
  const note = d.format === "deal" ? null : rolesNote(d.parties, d.findings);
  if (note) out.push(`<p class="where">${escapeHtml(note)}</p>`);
  const anchor = (f: Finding) => `${id}-f-${d.findings.indexOf(f) + 1}`;
  const fix = fixFirstList(d);
  if (fix.length) {
    out.push(`<h3>Fix first</h3><ol class="fix-first">`);
    for (const f of fix)
      out.push(`<li><a href="#${anchor(f)}">${escapeHtml(f.title)}</a> <span class="where">${escapeHtml(whereText(f))}</span></li>`);
    out.push(`</ol>`);
  }
  out.push(`<h3 class="findings-heading">Findings by principle</h3>`);
  const groups = byPrinciple(d.findings.filter((f) => !f.suppressed));
  for (const p of score.principles) {
    const list = groups.get(p.id)!;
    const flags = list.filter((f) => f.kind === "flag");
    const gaps = list.filter((f) => f.kind === "gap");
    const strengths = list.filter((f) => f.kind === "strength");
    out.push(
      `<details class="principle" id="${id}-${p.id}" open><summary><strong>${escapeHtml(PRINCIPLE_TITLES[p.id])}</strong> — <span class="${scoreClass(p.score)}">${p.score}</span> ` +
        `<span class="where">${flags.length} flag(s), ${gaps.length} gap(s), ${strengths.length} strength(s)</span></summary>`,
    );
    if (!list.length) out.push(`<p class="where">Nothing found for this principle.</p>`);
    if (flags.length) out.push(`<h4>Win-lose terms</h4>`, ...flags.map((f) => findingHtml(f, anchor(f), rules)));
    if (gaps.length) out.push(`<h4>Missing collaborative elements</h4>`, ...gaps.map((f) => findingHtml(f, anchor(f), rules)));
    if (strengths.length) out.push(`<h4>Strengths</h4>`, ...strengths.map((f) => findingHtml(f, anchor(f), rules)));
    out.push(`</details>`);
  }
  const suppressed = d.findings.filter((f) => f.suppressed).length;
  if (suppressed) out.push(`<p class="where">${suppressed} finding(s) suppressed by inline comments, the config file or a baseline.</p>`);
  if (hiddenNote(d)) out.push(`<p class="where hidden-note">${escapeHtml(hiddenNote(d))}.</p>`);
  out.push(`</section>`);
  return out.join("\n");
}

function findingHtml(f: Finding, id: string, rules: Map<string, RuleMeta>): string {
  const meta = rules.get(f.ruleId);
  const severity = escapeHtml(f.severity);
  const kind = escapeHtml(f.kind);
  const badge =
    f.kind === "flag" ? `<span class="badge sev-${severity}">${severity}</span>` : `<span class="badge kind-${kind}">${kind}</span>`;
  const sev = f.kind === "flag" ? "" : ` <span class="badge sev-${severity}">${severity}</span>`;
  const excerpt = f.excerpt ? `<blockquote class="excerpt">${highlight(excerptWindow(f.excerpt, f.matched), f.matched)}</blockquote>` : "";
  const why = meta?.rationale ? `<p class="why"><strong>Why it matters:</strong> ${escapeHtml(meta.rationale)}</p>` : "";
  const fix =
    f.kind !== "strength" && f.suggestion ? `<p class="fix"><strong>Balanced alternative:</strong> ${escapeHtml(f.suggestion)}</p>` : "";
  const clause = f.location.clause ? ` data-clause="${escapeHtml(f.location.clause)}"` : "";
  return (
    `<article class="finding ${f.kind}" id="${id}" data-kind="${kind}" data-severity="${severity}" data-rule="${escapeHtml(f.ruleId)}"${clause}>` +
    `<header>${badge}${sev}<span class="title">${escapeHtml(f.title)}</span><span class="where">${escapeHtml(whereText(f))}</span><span class="rule">${escapeHtml(f.ruleId)}</span></header>` +
    `<p class="message">${escapeHtml(f.message)}</p>${excerpt}${why}${fix}</article>`
  );
}
