import type { ContractDocument } from "../model/document.js";
import { findDirectives } from "./directives.js";
import { findRecitals } from "./recitals.js";
import { normalise } from "./normalise.js";
import { pageArtefacts } from "./page-artefacts.js";
import { applyRoleOverrides, findDefinitions, findParties } from "./parties.js";
import { segment } from "./segment.js";
import { inferRoles } from "./roles.js";
import type { Role } from "../model/party.js";

export interface BuildOptions {
  roleOverrides?: Record<string, Role>;
  /** Offsets in `source` where pages start (PDF). */
  pageStarts?: number[];
}

/**
 * Builds the document model from decoded text. Every reader (text, Markdown, PDF, DOCX, HTML) ends here, so
 * segmentation, parties and offsets behave the same whatever the format.
 */
export function buildContract(
  path: string,
  format: ContractDocument["format"],
  source: string,
  options: BuildOptions = {},
): ContractDocument {
  const directives = format === "text" || format === "markdown" ? findDirectives(source) : [];
  // A text file made from a printed contract keeps its page numbers and running lines; they are not clause text.
  const drop = format === "markdown" ? markdownMarkup(source) : format === "text" ? pageArtefacts(source) : undefined;
  const blank = directives.map((d) => d.span);
  if (format === "markdown") blank.push(...markdownHtmlBlocks(source), ...markdownContentsLines(source));
  const { text, map } = normalise(source, { blank, drop, collapseSpaces: format === "text" });
  const clauses = segment(text, { nestedLists: format === "markdown" });
  const firstNumbered = clauses.find((c) => c.number !== null);
  const preambleEnd = Math.max(firstNumbered?.span.start ?? 0, Math.min(text.length, 3000));
  let parties = inferRoles(findParties(text, preambleEnd), text);
  if (options.roleOverrides && Object.keys(options.roleOverrides).length) parties = applyRoleOverrides(parties, options.roleOverrides);
  const doc: ContractDocument = {
    kind: "contract",
    path,
    format,
    text,
    original: source,
    offsetMap: map,
    clauses,
    parties,
    definitions: findDefinitions(text),
    directives,
  };
  const recitals = findRecitals(text);
  if (recitals) doc.recitals = recitals;
  if (options.pageStarts) doc.pageStarts = toNormalisedOffsets(options.pageStarts, map, text.length);
  return doc;
}

/** Page starts are known in source offsets; rules work in normalised offsets. */
function toNormalisedOffsets(sourceOffsets: number[], map: Uint32Array | null, length: number): number[] {
  if (!map) return sourceOffsets;
  const out: number[] = [];
  let j = 0;
  for (const s of sourceOffsets) {
    while (j < length && map[j]! < s) j++;
    out.push(j);
  }
  return out;
}

/**
 * Emphasis markers, backslash escapes, link targets and inline HTML tags (Common Paper wraps every defined term in
 * `<span class=…>`) split words from the rules' point of view and would show in excerpts; drop them. The tag
 * goes, the words inside it stay.
 */
function markdownMarkup(source: string): Set<number> {
  const drop = new Set<number>();
  for (const markup of [EMPHASIS, INLINE_TAG]) {
    for (const m of source.matchAll(markup)) for (let i = 0; i < m[0].length; i++) drop.add(m.index! + i);
  }
  // A link keeps its words and loses its target: "You can [cancel your Account at any time](/billing/…)".
  for (const m of source.matchAll(LINK)) {
    drop.add(m.index!);
    const target = m.index! + 1 + m[1]!.length;
    for (let i = target; i < m.index! + m[0].length; i++) drop.add(i);
  }
  return drop;
}

// (A script or data target stays as written, so a reader of the report sees it for what it is.)
const LINK = /(?<!!)\[([^\]\n]{1,300})\]\((?!\s*(?:javascript|data|vbscript):)[^)\s]{0,500}(?:\s+"[^"\n]{0,200}")?\)/gi;
const EMPHASIS = /\*\*|__|\\(?=[\\`*_{}[\]()#+\-.!|])|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])/g;
const INLINE_TAG = /<\/?(?:span|a|em|strong|b|i|u|s|sup|sub|code|mark|small|abbr|font|ins|del)(?:\s[^<>\n]{0,300})?>/gi;
// Block tags and comments separate what is around them, so they become spaces rather than nothing.
const BLOCK_TAG =
  /<!--[\s\S]{0,2000}?-->|<\/?(?:br|p|div|hr|li|ul|ol|table|tr|td|th|thead|tbody|h[1-6]|blockquote|section|center)(?:\s[^<>\n]{0,300})?\/?>/gi;

/**
 * A table of contents in Markdown links to the document's own headings ("| [L. Cancellation](#l-cancellation) |
 * You may cancel … |"): a summary of clauses, not a clause. Its lines are blanked.
 */
function markdownContentsLines(source: string): { start: number; end: number }[] {
  return [...source.matchAll(CONTENTS_LINE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

const CONTENTS_LINE = /^[ \t]*(?:\|[ \t]*|[-*+][ \t]+|\d{1,3}\.[ \t]+)?\[[^\]\n]{1,200}\]\(#[\w-]{1,120}\)[^\n]*$/gm;

function markdownHtmlBlocks(source: string): { start: number; end: number }[] {
  return [...source.matchAll(BLOCK_TAG)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}
