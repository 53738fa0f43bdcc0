import type { Span } from "../model/location.js";
import { ABBREVIATED_FORM_SOURCE } from "../shared/legal-form.js";

/**
 * Sentence spans inside [start, end) of `text`. A sentence ends at ". ", "; " + newline, "? ", "! " before a
 * capital, an opening bracket or quote, or a blank line (but not a page break between two halves of one sentence).
 * Common abbreviations do not end a sentence.
 */
const ABBREVIATION =
  /\b(?:inc|ltd|llc|l\.l\.c|l\.l\.p|l\.p|n\.v|b\.v|s\.a|s\.a\.s|s\.p\.a|n\.a|k\.k|c\.v|o\.o|r\.o|s\.l|s\.l\.u|ltda|gmbh|co|corp|pte|pvt|pty|sdn|bhd|no|nos|art|sec|para|cl|e\.g|i\.e|etc|vs|mr|mrs|ms|dr|st|u\.s|u\.k|approx|incl|min|max)\.$/i;
/** A company's legal form that ends in a full stop ("Ferrovie Alpine Servizi S.r.l. ("FAS") and …"), from the shared list. */
const LEGAL_FORM_STOP = new RegExp(String.raw`(?<![\w.])(?:${ABBREVIATED_FORM_SOURCE})\.$`);

export function sentenceSpans(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let s = start;
  const re = /([.!?])["')\]]?\s+(?=[A-Z0-9("'[])|;\s*\n|\n\s*\n/g;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < end) {
    const stop = m.index + (m[1] ? 1 : 1);
    if (m[1] === "." && ABBREVIATION.test(text.slice(Math.max(s, m.index - 6), m.index + 1))) continue;
    // (Only before a bracket, a quote or a small letter: "… to Calcio Media S.r.l. The Supplier shall" still ends.)
    if (
      m[1] === "." &&
      LEGAL_FORM_STOP.test(text.slice(Math.max(s, m.index - 30), m.index + 1)) &&
      /^\s*[("“'‘]|^\s+[a-z]/.test(text.slice(m.index + 1, m.index + 4))
    )
      continue;
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
