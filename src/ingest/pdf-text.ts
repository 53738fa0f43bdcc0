/**
 * Page texts from a PDF → one clean text with page start offsets. Pure (no PDF library here), so the layout
 * heuristics are tested on plain strings.
 *
 * A PDF gives visual lines: paragraphs are wrapped, every page repeats a header and footer, and page numbers sit
 * at the edges. Rules read sentences and the segmenter reads paragraph starts, so this module
 *   1. drops page-number lines and running headers/footers (lines repeated at the edges of most pages),
 *   2. joins lines broken by hyphenation,
 *   3. reflows wrapped lines into one line per paragraph, with a blank line between paragraphs,
 * while keeping clause numbers at the start of their paragraph. Each page's first kept character is recorded
 * so the engine can give every fact a page.
 */
export interface PdfText {
  text: string;
  /** Offsets in `text` where each page starts (one entry per page, ascending; empty pages share the next start). */
  pageStarts: number[];
}

/** Lines at the top and bottom of a page that may be a header, footer or page number. */
const EDGE_LINES = 3;

const PAGE_NUMBER = [
  /^(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\.?$/i, // "Page 3", "Page 3 of 10", "p. 3"
  /^\d{1,4}\s*(?:of|\/)\s*\d{1,4}$/i, // "3 of 10", "3/10"
  /^[-\u2013\u2014~]\s*\d{1,4}\s*[-\u2013\u2014~]$/, // "- 3 -"
  /^\[?\d{1,4}\]?$/, // "3", "[3]"
  /^[ivxlc]{1,6}$/i, // front-matter numbering "iv"
  /^\S{1,12}[-\u2013]\d{1,4}$/, // "A-3", "Exhibit-2" style numbering
];

export function isPageNumberLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 24 && PAGE_NUMBER.some((re) => re.test(t));
}

const BANNER =
  /^[*\s[(]*(?:strictly\s+)?(?:confidential|privileged\s+(?:and|&)\s+confidential|confidential\s+(?:treatment\s+requested|and\s+proprietary))[*\s\])]*$/i;

/** A CONFIDENTIAL banner ("CONFIDENTIAL", "Confidential Treatment Requested"): page furniture wherever it sits. */
export function isBannerLine(line: string): boolean {
  return BANNER.test(line.trim());
}

/** Header/footer identity: digits vary from page to page ("Page 3", "Source: X, 10-K, 3/2/2020"). */
function edgeKey(line: string): string {
  return line.trim().toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");
}

function edgeIndexes(lines: string[]): number[] {
  const nonBlank = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  const head = nonBlank.slice(0, EDGE_LINES);
  const tail = nonBlank.slice(Math.max(EDGE_LINES, nonBlank.length - EDGE_LINES));
  return [...new Set([...head, ...tail])];
}

/** Keys of lines that sit at a page edge on most pages: running headers and footers. */
function runningLines(pages: string[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const i of edgeIndexes(lines)) seen.add(edgeKey(lines[i]!));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const textPages = pages.filter((p) => p.some((l) => l.trim())).length;
  // "Most pages": at least half of them and at least 3, so a two-page letter keeps its lines.
  const needed = Math.max(3, Math.ceil(textPages * 0.5));
  const out = new Set<string>();
  for (const [k, n] of counts) if (n >= needed && k.replace(/[#\s]/g, "").length > 0) out.add(k);
  return out;
}

function cleanPage(lines: string[], running: Set<string>): string[] {
  const edges = new Set(edgeIndexes(lines));
  return lines.filter((line, i) => {
    if (!line.trim()) return false;
    if (!edges.has(i)) return true;
    if (isPageNumberLine(line) || isBannerLine(line)) return false;
    // A line that starts with a clause number is content even when the same shape recurs on every page.
    return CLAUSE_START.test(line.trim()) || !running.has(edgeKey(line));
  });
}

// A line that starts a clause: "1.", "1.1", "(a)", "Article 4", "Section 2", "A.".
const CLAUSE_START =
  /^(?:\d{1,3}(?:\.\d{1,3})*\.?\)?\s|\(?[a-zA-Z]{1,2}\)\s|\((?:[ivxlc]{1,6}|\d{1,3})\)\s|(?:ARTICLE|Article|SECTION|Section)\s+[\dIVXLC]|[A-Z]\.\s|§\s*\d)/;
const SENTENCE_END = /[.:;!?]["'\u201d\u2019)\]]*$/;
// Words before a line-end hyphen that form real compounds ("non-compete", "third-party"): keep their hyphen.
const COMPOUND_PREFIX =
  /(?:^|[^A-Za-z])(?:non|self|co|third|first|second|pre|post|anti|multi|cross|semi|out|in|well|long|short|full|part|high|low|sub|ex|off|on|up|end|year|month|day|week|time|cost|risk|gain|profit|fee|tax|all|two|three|one|half|re)-?$/i;

function isHeadingLine(line: string): boolean {
  const letters = line.replace(/[^A-Za-z]/g, "");
  return letters.length >= 3 && letters === letters.toUpperCase() && line.length <= 90;
}

/** The width of a full line: wrapped paragraph lines are about this long, paragraph ends are shorter. */
function fullWidth(pages: string[][]): number {
  const lengths = pages
    .flat()
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 0;
  return lengths[Math.floor(lengths.length * 0.8)]!;
}

/** True when `next` continues the paragraph that `line` is in. */
function continues(line: string, next: string, width: number): boolean {
  const a = line.trim();
  const b = next.trim();
  if (!a || !b) return false;
  if (/[-\u00ad]$/.test(a) && /^[a-z]/.test(b)) return true; // hyphenated word
  if (a.length < width * 0.7) return false; // a short line ends its paragraph (or is a heading/title)
  if (isHeadingLine(a) && a.length < width * 0.85) return false;
  if (CLAUSE_START.test(b) && SENTENCE_END.test(a)) return false;
  if (isHeadingLine(b) && b.length < width * 0.7 && SENTENCE_END.test(a)) return false;
  return true;
}

/**
 * The paragraph being built, kept as pieces: appending a line to one long string and then looking at its end
 * makes V8 flatten (copy) the whole paragraph on every line; 10,000 hyphen-broken lines in one paragraph took
 * 198 s. Only the end is ever inspected.
 */
class Paragraph {
  private readonly parts: string[] = [];
  length = 0;

  constructor(first: string) {
    this.push(first);
  }

  push(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
  }

  /** The last `n` characters (fewer if the paragraph is shorter). */
  tail(n: number): string {
    let out = "";
    for (let i = this.parts.length - 1; i >= 0 && out.length < n; i--) out = this.parts[i]! + out;
    return out.length > n ? out.slice(-n) : out;
  }

  dropLastChar(): void {
    const i = this.parts.length - 1;
    if (i < 0) return;
    this.parts[i] = this.parts[i]!.slice(0, -1);
    this.length--;
    if (!this.parts[i]) this.parts.pop();
  }

  toString(): string {
    return this.parts.join("");
  }
}

/** Joins a wrapped line to the paragraph: a hyphen at the break is dropped unless the word is a real compound. */
function join(a: Paragraph, b: string): void {
  const tail = a.tail(256);
  if (tail.endsWith("\u00ad")) {
    a.dropLastChar();
    a.push(b);
    return;
  }
  if (/[A-Za-z]-$/.test(tail) && /^[a-z]/.test(b)) {
    const word = /[\w-]+-$/.exec(tail)?.[0] ?? "";
    const keep = word.slice(0, -1).includes("-") || COMPOUND_PREFIX.test(word);
    if (!keep) a.dropLastChar();
    a.push(b);
    return;
  }
  a.push(" ");
  a.push(b);
}

export function assemblePdfText(pageTexts: readonly string[]): PdfText {
  const pages = pageTexts.map((t) =>
    t
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .map((l) => l.replace(/\s+$/, "")),
  );
  const running = runningLines(pages);
  const cleaned = pages.map((lines) => cleanPage(lines, running));
  const width = fullWidth(cleaned);

  let text = "";
  const pageStarts: number[] = [];
  let current: Paragraph | null = null; // the paragraph being built
  const flush = (): void => {
    if (current === null) return;
    text += (text ? "\n\n" : "") + current.toString().trim();
    current = null;
  };
  // Where each page starts inside the paragraph being built, resolved once the paragraph is placed.
  let pending: { page: number; at: number }[] = [];
  const place = (): void => {
    const base = text ? text.length + 2 : 0;
    for (const p of pending) pageStarts[p.page] = base + p.at;
    pending = [];
  };
  let previous: string | null = null;
  for (let p = 0; p < cleaned.length; p++) {
    const lines = cleaned[p]!;
    if (lines.length === 0) {
      pending.push({ page: p, at: current === null ? 0 : current.length });
      continue;
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (current !== null && previous !== null && continues(previous, line, width)) {
        const before = current.length;
        join(current, line);
        if (i === 0) pending.push({ page: p, at: Math.min(current.length, before + 1) });
      } else {
        place();
        flush();
        if (i === 0) pending.push({ page: p, at: 0 });
        current = new Paragraph(line);
      }
      previous = line;
    }
  }
  place();
  flush();
  // Empty trailing pages start at the end.
  for (let p = 0; p < cleaned.length; p++) if (pageStarts[p] === undefined) pageStarts[p] = text.length;
  return { text, pageStarts: monotone(pageStarts) };
}

function monotone(starts: number[]): number[] {
  const out: number[] = [];
  let last = 0;
  for (const s of starts) {
    last = Math.max(last, s);
    out.push(last);
  }
  return out;
}
