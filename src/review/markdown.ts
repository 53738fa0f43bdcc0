import type { ContractDocument } from "../model/document.js";
import type { DocumentReport } from "../model/report.js";
import type { RuleMeta } from "../model/rule.js";
import { escapeMarkdown } from "../report/escape.js";
import { commentedFindings, findingComment, summaryComment, summaryGaps, type CommentText, type SelectOptions } from "./comments.js";

/**
 * The review of a Markdown or plain-text contract: a Markdown copy of the source with each finding as a
 * blockquote after the paragraph it is in, and the summary after the first paragraph (the title, usually). Every block trustlint adds sits between
 * two HTML comments, so a later review (or `stripReview`) removes exactly those blocks and nothing else.
 */
const OPEN = "<!-- trustlint-review -->";
const CLOSE = "<!-- /trustlint-review -->";

export interface MarkdownReviewOptions extends SelectOptions {
  rules: ReadonlyMap<string, RuleMeta>;
}

/** The source without trustlint's blocks from an earlier review (each block and the line break the writer put before it). */
export function stripReview(source: string): string {
  let out = source;
  for (let start = out.indexOf(OPEN); start >= 0; start = out.indexOf(OPEN, start)) {
    const end = out.indexOf(CLOSE, start);
    if (end < 0) break;
    const from = out.startsWith("\r\n", start - 2) ? start - 2 : out[start - 1] === "\n" ? start - 1 : start;
    let to = end + CLOSE.length;
    if (out.startsWith("\r\n", to)) to += 2;
    else if (out[to] === "\n") to++;
    out = out.slice(0, from) + out.slice(to);
    start = from;
  }
  return out;
}

export function reviewMarkdown(
  source: string,
  doc: ContractDocument,
  report: DocumentReport,
  options: MarkdownReviewOptions,
): { text: string; comments: number } {
  const findings = commentedFindings(report, options);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  // Each comment goes after the end of the paragraph (the next blank line) holding the finding's words.
  const after = new Map<number, CommentText[]>();
  for (const f of findings) {
    const line = f.location.endLine ?? f.location.line;
    const offset = Math.min(source.length, lineStarts[Math.max(0, line - 1)] ?? source.length);
    const end = paragraphEnd(source, offset);
    after.set(end, [...(after.get(end) ?? []), findingComment(f, report, options.rules)]);
  }
  const summary = summaryComment(report, summaryGaps(report, options), { comments: findings.length, paragraphOnly: 0 });
  const titleEnd = paragraphEnd(source, source.search(/\S|$/));
  after.set(titleEnd, [summary, ...(after.get(titleEnd) ?? [])]);
  // Added lines follow the source's line ends (a Windows text file stays CRLF throughout).
  const eol = source.includes("\r\n") ? "\r\n" : "\n";
  let out = "";
  let last = 0;
  for (const end of [...after.keys()].sort((a, b) => a - b)) {
    out += source.slice(last, end);
    out += `${source.slice(0, end).endsWith("\n") ? "" : eol}${eol}${block(after.get(end)!, eol)}`;
    last = end;
  }
  out += source.slice(last);
  void doc;
  return { text: `${out}${out.endsWith("\n") ? "" : eol}`, comments: findings.length };
}

/** Offset of the end of the paragraph containing `offset`: the start of the next blank line, or the end. */
function paragraphEnd(source: string, offset: number): number {
  const blank = /\n[ \t]*(?:\r?\n|$)/g;
  blank.lastIndex = offset;
  const m = blank.exec(source);
  return m ? m.index + 1 : source.length;
}

function block(comments: readonly CommentText[], eol: string): string {
  const quoted = comments.map((c) =>
    [`> **${escapeMarkdown(c.heading)}**`, ...c.lines.map((l) => `> ${escapeMarkdown(l)}`)].join(`${eol}>${eol}`),
  );
  return `${OPEN}${eol}${quoted.join(eol + eol)}${eol}${CLOSE}${eol}`;
}
