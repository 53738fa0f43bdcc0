/** Which words of a clause are operative: not definitions, signature blocks, bare headings or titles. */
import type { Clause, ContractDocument } from "../model/document.js";
import type { Span } from "../model/location.js";

/**
 * Whether a term found at `at` inside a unit (a sentence, or the clause) is operative text: not a definition ("a
 * definition is not an obligation; the operative clause that uses it is"), not a signature block, not a clause
 * heading standing alone, not a bare title the segmenter left as a clause. A topic may opt in to definitions or to
 * headings (`in-definitions`, `heading-only`).
 * @param text the unit's text (with the items of a list it opens, when they are read with it).
 */
export function operativeAt(
  doc: ContractDocument,
  clause: Clause,
  unit: Span,
  text: string,
  at: number,
  optIn: { definitions: boolean; headings: boolean },
): boolean {
  // A definition names a thing ("'Indemnified Parties' means …"); the clause that uses it is the operative one.
  if (!optIn.definitions && DEFINITION_SENTENCE.test(text)) return false;
  if (inSignatureBlock(doc, clause, unit.start)) return false;
  if (!optIn.headings && (isHeadingOnly(clause, unit, at, doc.text) || isBareTitle(text))) return false;
  return true;
}

/** "'Term' means …", and a glossary's "'Term' – The sale of …" or "'Term': …". */
const DEFINITION_SENTENCE =
  /^\W{0,3}(?:\(?[a-z0-9]{1,4}[.)]\s*|\d{1,3}(?:\.\d{1,3})+\.?\s+)?(?:for\s+(?:the\s+)?purposes?\s+(?:hereof|of\s+this\s+[\w ().]{1,30}?),?\s+)?(?:the\s+(?:term|expression)\s+)?["“'‘][^"”’\n]{1,80}["”'’](?:\s+(?:shall\s+)?(?:means?|has\s+the\s+meaning|have\s+the\s+meaning|refers?\s+to)\b|\s*[-–—:]\s+(?=\S))/i;
const SIGNATURE = /\bIN\s+WITNESS\s+WHEREOF\b/i;

/** Names, titles and dates under "IN WITNESS WHEREOF": a signature block is short, and exhibits may follow it. */
const SIGNATURE_BLOCK_CHARS = 1200;

function inSignatureBlock(doc: ContractDocument, clause: Clause, at: number): boolean {
  const m = SIGNATURE.exec(doc.text.slice(clause.span.start, clause.span.end));
  if (!m) return false;
  const from = clause.span.start + m.index;
  return at >= from && at < from + SIGNATURE_BLOCK_CHARS;
}

/**
 * A short title with no operative word ("Termination for Convenience by Customer.") is a heading the segmenter
 * did not recognise, not a term.
 */
function isBareTitle(text: string): boolean {
  const t = text.trim();
  if (t.length > 80 || t.split(/\s+/).length > 9) return false;
  if (/\b(?:shall|will|may|must|can|is|are|be|has|have|agrees?|means|hereby|not)\b/i.test(t)) return false;
  const words = t
    .replace(/[^A-Za-z\s]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 3)
    // Title case leaves its small linking words in small letters ("Payment upon Termination for Convenience").
    .filter((w) => !/^(?:upon|with|without|from|under|into|after|before|during|between|against|through|within|other|than)$/.test(w));
  return words.length > 0 && words.every((w) => /^[A-Z]/.test(w));
}

/** A trigger inside the clause heading line with no operative text after it is a heading, not a term. */
function isHeadingOnly(clause: Clause, unit: { start: number; end: number }, at: number, text: string): boolean {
  if (!clause.heading) return false;
  const lineEnd = text.indexOf("\n", clause.span.start);
  const headingEnd = lineEnd === -1 ? clause.span.end : lineEnd;
  const abs = unit.start + at;
  if (abs >= headingEnd) return false;
  const body = text.slice(headingEnd, clause.span.end).trim();
  const restOfLine = text.slice(clause.span.start, headingEnd);
  // The heading line holds only the heading, and nothing follows it in this clause.
  return body.length === 0 && restOfLine.trim().length <= clause.heading.length + 12;
}
