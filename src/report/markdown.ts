import { PRINCIPLE_TITLES, type Finding } from "../model/finding.js";
import type { DocumentReport, Report } from "../model/report.js";
import { clip, escapeHtml, escapeMarkdown, excerptWindow } from "./escape.js";
import { hiddenNote } from "./filter.js";
import { activeIssues, activeStrengths, arithmetic, fixFirstList, rolesNote, whereText } from "./findings.js";

/** GitHub refuses issue and pull-request comments longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  explainScore?: boolean;
  /** Defaults to GitHub's comment limit. */
  limit?: number;
}

const SEVERITY_ICON: Record<Finding["severity"], string> = { critical: "🟥", high: "🔴", medium: "🟠", low: "🔵", info: "⚪" };

/** ↑ above the reference, ↓ below, → equal. The reference is 50 (neutral) or the earlier draft's score. */
export function arrow(score: number, reference: number): string {
  return score > reference ? "↑" : score < reference ? "↓" : "→";
}

/**
 * A pull-request comment: per document a score table with arrows against the neutral 50, the "fix first"
 * flags with clause references, and the full list inside <details>. Blocks are added until the next one would
 * pass the limit; the rest is replaced by a note, so the comment is never rejected.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const docs = report.documents;
  const blocks: string[] = [
    `## trustlint collaboration report\n\n_${docs.length} document(s) · index 0–100, 50 = neutral · arrows compare with 50 · not legal advice_\n`,
  ];
  if (docs.length > 1) blocks.push(portfolioTable(docs));
  for (const d of docs) blocks.push(...documentBlocks(d, options));
  return fitBlocks(blocks, options.limit ?? GITHUB_COMMENT_LIMIT);
}

/** Joins blocks in order, stopping before the limit and saying what was left out. */
export function fitBlocks(blocks: readonly string[], limit: number): string {
  const note = (n: number) =>
    `\n> **Truncated:** ${n} more section(s) did not fit in one comment (limit ${limit} characters). Run \`trustlint check -f html\` for the full report.\n`;
  const reserve = note(blocks.length).length;
  let out = "";
  for (let i = 0; i < blocks.length; i++) {
    const next = `${out}${blocks[i]}\n`;
    if (next.length + reserve > limit) {
      const cut = i === 0 ? clip(blocks[0]!, Math.max(0, limit - reserve - 1)) + "\n" : out;
      return cut + note(blocks.length - i);
    }
    out = next;
  }
  return out;
}

/**
 * At most this many rows: a batch of 20,000 files made a table larger than a whole comment, and the report was
 * then only its truncation note. The rest of the portfolio is one line pointing at the full formats.
 */
const PORTFOLIO_ROWS = 200;

function portfolioTable(docs: readonly DocumentReport[]): string {
  const more =
    docs.length > PORTFOLIO_ROWS
      ? `\n| … and ${docs.length - PORTFOLIO_ROWS} more document(s): see \`-f html\` or \`-f json\` | | | |`
      : "";
  const rows = docs.slice(0, PORTFOLIO_ROWS).map((d) => {
    if (!d.score) return `| ${escapeMarkdown(d.path)} | error | | |`;
    const issues = activeIssues(d);
    return `| ${escapeMarkdown(d.path)} | ${d.score.overall} ${arrow(d.score.overall, 50)} | ${issues.filter((f) => f.kind === "flag").length} | ${issues.filter((f) => f.kind === "gap").length} |`;
  });
  return `| Document | Index | Flags | Gaps |\n|---|---:|---:|---:|\n${rows.join("\n")}${more}\n`;
}

function documentBlocks(d: DocumentReport, options: MarkdownOptions): string[] {
  const title = `### ${escapeMarkdown(d.path)}`;
  if (!d.score) return [`${title}\n\n**Error:** ${escapeMarkdown(`${d.error?.code ?? ""} ${d.error?.message ?? ""}`)}\n`];
  const s = d.score;
  const head = [`${title} — index **${s.overall}**/100 ${arrow(s.overall, 50)}`, ""];
  if (d.parties.length) head.push(`Parties: ${d.parties.map((p) => `${escapeMarkdown(p.alias ?? p.name)} (${p.role})`).join(", ")}`, "");
  const note = d.format === "deal" ? null : rolesNote(d.parties, d.findings);
  if (note) head.push(`> ${escapeMarkdown(note)}`, "");
  head.push("| Principle | Score | vs 50 |", "|---|---:|:---:|");
  for (const p of s.principles) head.push(`| ${escapeMarkdown(PRINCIPLE_TITLES[p.id])} | ${p.score} | ${arrow(p.score, 50)} |`);
  if (hiddenNote(d)) head.push("", `_${escapeMarkdown(hiddenNote(d))}_`);
  const blocks = [head.join("\n") + "\n"];
  const fix = fixFirstList(d);
  if (fix.length)
    blocks.push(
      `**Fix first**\n\n${fix.map((f, i) => `${i + 1}. ${SEVERITY_ICON[f.severity]} **${escapeMarkdown(f.title)}** — ${escapeMarkdown(whereText(f))} (\`${f.ruleId}\`)`).join("\n")}\n`,
    );
  const issues = activeIssues(d);
  if (issues.length) blocks.push(details(`All flags and gaps (${issues.length})`, issues.map(findingItem).join("\n")));
  const strengths = activeStrengths(d);
  if (strengths.length) blocks.push(details(`Strengths (${strengths.length})`, strengths.map(findingItem).join("\n")));
  if (options.explainScore)
    blocks.push(
      details(
        "Score arithmetic",
        s.principles.map((p) => `- ${escapeMarkdown(PRINCIPLE_TITLES[p.id])}: **${p.score}** ${escapeMarkdown(arithmetic(p))}`).join("\n"),
      ),
    );
  return blocks;
}

export function details(summary: string, body: string): string {
  // Inside the <summary> tag GitHub renders no Markdown, so HTML escaping is the right (and only) escaping.
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>\n`;
}

export function findingItem(f: Finding): string {
  const tag =
    f.kind === "flag"
      ? `${SEVERITY_ICON[f.severity]} **${f.severity}**`
      : f.kind === "gap"
        ? `◻️ **gap** (${f.severity})`
        : "✅ **strength**";
  const lines = [`- ${tag} ${escapeMarkdown(f.message)} — ${escapeMarkdown(whereText(f))} (\`${f.ruleId}\`)`];
  if (f.excerpt) lines.push(`  > ${escapeMarkdown(excerptWindow(f.excerpt, f.matched, 400))}`);
  if (f.kind !== "strength" && f.suggestion) lines.push(`  <br>→ ${escapeMarkdown(f.suggestion)}`);
  return lines.join("\n");
}
