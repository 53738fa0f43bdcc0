import { isBannerLine, isPageNumberLine } from "./pdf-text.js";

/**
 * Page furniture left in a text file that was made from a printed or PDF contract (the SEC filings of CUAD are
 * like that): page numbers ("3", "Page 3 of 20", "- 3 -"), running lines repeated on every page ("Source: ACME
 * INC, 10-K, 3/2/2020", "Confidential Treatment Requested") and CONFIDENTIAL banners. They are not clause text:
 * they interrupt the sentence that runs over the page break, and a detector may read them. This finds them so the
 * reader can drop them before segmentation (the offset map keeps every location right).
 *
 * When the text on both sides of a break is one sentence (no sentence end before, lower case after), the whole
 * break goes, leaving one line end, so the sentence is read whole. Otherwise only the furniture lines go and the
 * paragraph break stays.
 */

/** A line repeated this many times or more, outside clause numbering, is a running header or footer. */
const RUNNING_MIN = 3;
const RUNNING_MAX_CHARS = 120;
// A line that starts a clause is never furniture, however often its shape recurs.
const CLAUSE_START = /^(?:\d{1,3}(?:\.\d{1,3})*\.?\)?\s+\S|\(?[a-zA-Z]{1,2}\)\s|(?:ARTICLE|Article|SECTION|Section)\s+[\dIVXLC]|§)/;
const SENTENCE_END = /[.:;!?]["'\u201d\u2019)\]]*$/;

const key = (line: string): string => line.trim().toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");

interface Line {
  start: number;
  end: number; // excluding the "\n"
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    out.push({ start, end, text: text.slice(start, end).replace(/\r$/, "") });
    if (nl === -1) return out;
    start = nl + 1;
  }
}

/** Source offsets to drop: page numbers, running lines and banners (with their line ends). */
export function pageArtefacts(text: string): Set<number> {
  const lines = splitLines(text);
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.text.trim();
    if (!t || t.length > RUNNING_MAX_CHARS || CLAUSE_START.test(t)) continue;
    counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  }
  const standalone = (i: number) => !lines[i - 1]?.text.trim() && !lines[i + 1]?.text.trim();
  // Page numbers count only where the document has several, each on a line of its own: one lone "3" may be
  // anything, a run of them is pagination.
  const pageNumbers = lines.filter((l, i) => isPageNumberLine(l.text) && standalone(i)).length;
  // A page number set in a shape ("- 5 -", "Page 5") that recurs through the document is pagination even where the
  // extraction left no blank line around it, in the middle of a sentence; a bare "5" there may be text.
  const shapes = new Map<string, number>();
  for (const l of lines)
    if (isPageNumberLine(l.text) && /\D/.test(l.text.trim())) shapes.set(key(l.text), (shapes.get(key(l.text)) ?? 0) + 1);
  const shapedPageNumber = (t: string) => /\D/.test(t) && (shapes.get(key(t)) ?? 0) >= RUNNING_MIN;
  const isArtefact = (l: Line, i: number): boolean => {
    const t = l.text.trim();
    // Furniture is short; a long line is text (and a 20 MB line of "1.1.1…" must not reach the regexes whole).
    if (!t || t.length > RUNNING_MAX_CHARS || (CLAUSE_START.test(t) && !isPageNumberLine(t))) return false;
    if (isBannerLine(t)) return true;
    if (isPageNumberLine(t) && ((standalone(i) && pageNumbers >= RUNNING_MIN) || shapedPageNumber(t))) return true;
    // A repeated line with letters in it ("Source: …", a document reference); repeated bare words such as
    // "Initials:" or "[***]" are too short to be sure.
    return (
      t.length >= 12 &&
      /[A-Za-z]{3}/.test(t) &&
      (counts.get(key(t)) ?? 0) >= RUNNING_MIN &&
      !/[.;,]$/.test(t) &&
      !/\b(?:shall|will|may|must)\b/i.test(t)
    );
  };
  const drop = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (!isArtefact(lines[i]!, i)) {
      i++;
      continue;
    }
    // The break: blank lines and artefacts around this one.
    let first = i;
    while (first > 0 && !lines[first - 1]!.text.trim()) first--;
    let last = i;
    while (last + 1 < lines.length && (!lines[last + 1]!.text.trim() || isArtefact(lines[last + 1]!, last + 1))) last++;
    const before = first > 0 ? lines[first - 1]!.text.trim() : "";
    const after = last + 1 < lines.length ? lines[last + 1]!.text.trim() : "";
    const runOn = before !== "" && /^[a-z]/.test(after) && !SENTENCE_END.test(before);
    if (runOn) {
      // Keep the line end after the text before the break; everything up to the next text goes.
      const from = lines[first - 1]!.end + 1;
      const to = lines[last + 1]!.start;
      for (let o = from; o < to; o++) drop.add(o);
    } else {
      for (let j = first; j <= last; j++) {
        const l = lines[j]!;
        if (!isArtefact(l, j)) continue;
        for (let o = l.start; o <= Math.min(l.end, text.length - 1); o++) drop.add(o);
      }
    }
    i = last + 1;
  }
  return drop;
}
