import type { Span } from "../model/location.js";

/**
 * Sentence spans inside [start, end) of `text`. A sentence ends at ". ", "; " + newline, "? ", "! " before a
 * capital, an opening bracket or quote, or a blank line (but not a page break between two halves of one sentence).
 * Common abbreviations do not end a sentence.
 */
const ABBREVIATION =
  /\b(?:inc|ltd|llc|l\.l\.c|l\.l\.p|l\.p|n\.v|b\.v|s\.a|s\.a\.s|s\.p\.a|n\.a|k\.k|c\.v|o\.o|r\.o|s\.l|s\.l\.u|ltda|gmbh|co|corp|pte|pvt|pty|sdn|bhd|no|nos|art|sec|para|cl|e\.g|i\.e|etc|vs|mr|mrs|ms|dr|st|u\.s|u\.k|approx|incl|min|max)\.$/i;

export function sentenceSpans(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let s = start;
  const re = /([.!?])["')\]]?\s+(?=[A-Z0-9("'[])|;\s*\n|\n\s*\n/g;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < end) {
    const stop = m.index + (m[1] ? 1 : 1);
    if (m[1] === "." && ABBREVIATION.test(text.slice(Math.max(s, m.index - 6), m.index + 1))) continue;
    if (m[1] === "." && /\d$/.test(text.slice(m.index - 1, m.index)) && /^\s*\d/.test(text.slice(m.index + 1, m.index + 3))) continue;
    // A page break inside a sentence ("Rubicon shall not solicit any\n\n\nemployee of ISA"): the words before it
    // stop mid-sentence and the line after it goes on in small letters.
    if (
      !m[1] &&
      /^\n\s*\n/.test(m[0]) &&
      /[a-z,]$/.test(text.slice(m.index - 1, m.index)) &&
      /^[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 1))
    )
      continue;
    if (stop > s) spans.push({ start: s, end: Math.min(stop, end) });
    s = m.index + m[0].length;
  }
  if (s < end) spans.push({ start: s, end });
  return spans.filter((sp) => text.slice(sp.start, sp.end).trim().length > 0);
}
