/**
 * Clause numbers printed inside a line rather than at its start. Text files made from filings often hold a whole
 * page, an article, or a paragraph plus the next clause's caption on one line; the PDF of the same contract shows
 * each of those numbers at a line start. Reading them keeps a finding under the number the document prints.
 *
 * A number inside a line is a clause start only when it sits where clause numbers sit (after a sentence end, or as
 * a caption ending the line) and fits the numbering read so far; a cross-reference rarely does both.
 */

export type Level =
  | { kind: "markdown"; depth: number }
  | { kind: "article" }
  | { kind: "heading" }
  | { kind: "numeric"; parts: number }
  | { kind: "paren"; style: ParenStyle };

export type ParenStyle = "alpha" | "roman" | "digit" | "upper";

export interface Start {
  offset: number;
  number: string | null;
  heading: string | null;
  /** Kind of numbering, used to build labels and depth. */
  level: Level;
  /** A signature block, or the text that follows one. */
  block?: "signature" | "after-signature";
}

/** Reads a clause start at the head of a string (segment.ts's line classifier). */
export type Classify = (line: string, previousBlank: boolean, lastParen: string | null) => Start | null;

/** One open level of "(a)" items: its style and the last token read. */
export interface OpenParen {
  style: ParenStyle;
  token: string;
}

/** What the reader knows when it reaches a line: the numbering in force and the open "(a)" lists under it. */
export interface NumberingState {
  last: number[] | null;
  parens: OpenParen[];
}

/** "IV" → 4 (upper or lower case); the eval's clause-number comparison uses it too. */
export function romanToNumber(roman: string): number {
  const r = roman.toUpperCase();
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let n = 0;
  for (let i = 0; i < r.length; i++) {
    const a = v[r[i]!]!;
    const b = v[r[i + 1]!] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

/** The numbering in force after a clause start: "3.2" → [3, 2]; "Article II" → [2]; paren items keep it. */
export function numberAfter(s: Start, last: number[] | null): number[] | null {
  if (!s.number) return last;
  if (s.level.kind === "article") {
    const m = /^Article\s+(\d+|[IVXLC]+)$/.exec(s.number);
    if (!m) return last;
    return [/^\d+$/.test(m[1]!) ? Number(m[1]) : romanToNumber(m[1]!)];
  }
  if (s.level.kind === "numeric" && /^\d+(?:\.\d+)*$/.test(s.number)) return s.number.split(".").map(Number);
  return last;
}

/**
 * True when `next` can follow `last` in a document's numbering: the next sibling at some level ("3.1" → "3.2",
 * "4", "4.1"), or a first child ("3.1" → "3.1.1"). A gap of one number is allowed (a clause the reader missed).
 * Cross-references break this order ("… under 9.4. 3.2 …"), so an inline number that fits it is a clause.
 */
export function followsNumbering(last: number[] | null, next: number[]): boolean {
  if (next.some((n) => !Number.isFinite(n))) return false;
  if (last === null) return next.length >= 2 && next[0]! <= 2 && next.slice(1).every((n) => n <= 1);
  if (isFirstChild(last, next)) return true;
  for (let k = 1; k <= last.length; k++) {
    // Next sibling at level k, then optional first children ("3.4" → "4.1", "4.01", "4.0").
    if (next.length < k) continue;
    if (!last.slice(0, k - 1).every((n, i) => n === next[i])) continue;
    const step = next[k - 1]! - last[k - 1]!;
    if (step < 1 || step > 2) continue;
    if (next.slice(k).every((n) => n <= 1)) return true;
  }
  return false;
}

function isFirstChild(last: number[], next: number[]): boolean {
  return next.length === last.length + 1 && last.every((n, i) => n === next[i]) && next[last.length]! <= 1;
}

/**
 * A number ahead of `last` but not next to it ("5.4" → "6.2"): the text lost the clauses between (a page break
 * cut from a filing). It is taken only when the number after it follows it, so two numbers agree on the place.
 */
function isAhead(last: number[], next: number[]): boolean {
  if (next[0]! - last[0]! > 2) return false;
  for (let i = 0; i < Math.min(last.length, next.length); i++) {
    if (next[i]! !== last[i]!) return next[i]! > last[i]!;
  }
  return next.length > last.length;
}

// A multi-part number ("3.2", "2.03") or "Section 3.2" / "ARTICLE 4" after a sentence end (". ", ": ", "; ") or an
// upper-case caption word, then a capital, a quote or an opening bracket.
const INLINE_NUMBER =
  /(?<!\b(?:SECTIONS?|ARTICLES?|CLAUSES?|PARAGRAPHS?|EXHIBIT|SCHEDULE|ANNEX|NO|AND|OR|TO|OF|IN|UNDER|SEE)[.,]?\s{1,10})(?:(?<=[.:;]["')\]]?\s{1,10})|(?<=\b[A-Z]{2,}[,;]?\s{1,10}))((?:(?:Section|SECTION)\s+)?\d{1,3}(?:\.\d{1,3})+\.?|(?:ARTICLE|Article)\s+(?:\d{1,2}|[IVXL]{1,6})\b\.?)\s+(?=["(\u201c]?[A-Z])/g;
// A top-level "7." or "7)" inside a line, then a capital: a clause only with a caption after it (see singleNumberCaption).
const SINGLE_NUMBER = /(?<=\S\s{1,10})(\d{1,2})[.)]\s+(?=["\u201c]?[A-Z])/g;
// "(b)" after a sentence end, then a capital: an item the PDF prints on its own line.
// Also after a caption in capitals ("10. SUSPENSION AND TERMINATION (a) Suspension …"): the list's first item.
const INLINE_PAREN =
  /(?:(?<=[.:;]["')\]\u201d]?\s{1,10})|(?<=\b[A-Z]{3,}\s{1,10}))\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[A-Z])\)\s+(?=["\u201c]?[A-Z])/g;
// "…; (b) the Company shall release …; (c) Contractor shall …": an item after "; " that is a sentence of its own, with
// its own verb ("the Company shall release", "notwithstanding (a), Contractor shall bear"), though it starts in lower case (a knock-for-knock list of indemnities in one paragraph).
// It counts only as the next item of a list already open, never as a first item.
const INLINE_PAREN_SENTENCE =
  /(?<=;\s{1,10}(?:(?:and|or)\s{1,10})?)\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)\s+(?=[^;]{0,100}?\b(?:shall|will|must|may|agrees?)\s+(?:not\s+)?(?:release|defend|indemnify|hold|be|pay|bear|assume|have|provide|perform|terminate)\b)/g;
// A line's own number and caption in capitals, and nothing else: "10. SUSPENSION AND TERMINATION ".
const CAPTION_BEFORE = /^\s*(?:(?:ARTICLE|SECTION)\s+)?\d{1,3}(?:\.\d{1,3})*\.?\s+[A-Z][A-Z ,&'/-]{2,80}$/;
// Words before a number that make it a reference or another kind of number ("Section 5. Fees", "Exhibit 2. Form").
const REFERRING_WORD =
  /\b(?:sections?|articles?|clauses?|paragraphs?|exhibits?|schedules?|annex(?:es)?|appendix|attachments?|parts?|items?|pages?|points?|no|nos|n|and|or|to|of|in|under|see|per|rule|form|step|phase|level|tier|version)[.,]?\s+$/i;
const OPERATIVE = /\b(?:shall|will|may|must|agrees?|agreed|hereby|means|is|are|be)\b/i;

/**
 * The caption after a top-level number inside a line: upper-case words ("SCOPE OF WORK"), or a title ending the
 * line ("9. Events of Default" with its text on the next line). Null when what follows reads as a sentence.
 */
function singleNumberCaption(tail: string): string | null {
  const caps =
    /^([A-Z][A-Z0-9,;&'/()-]*(?: (?:[A-Z0-9][A-Z0-9,;&'/()-]*|and|of|or|the|to|for|in|on)){0,10})(?=\s*$|\s*[.:]\s|\s{2,}|\s+[A-Z][a-z])/.exec(
      tail,
    );
  if (caps && /[A-Z]{3}/.test(caps[1]!) && caps[1]!.replace(/[^A-Z]/g, "").length >= 4 && !OPERATIVE.test(caps[1]!)) return caps[1]!.trim();
  // "Duties of the Supplier   The Supplier shall…": a title, then a wide gap where the text starts.
  const gap = /^([A-Z][\w'-]*(?: (?:of|and|for|to|the|in|on|&|[A-Z][\w'-]*)){0,7})\s{3,}(?=["\u201c]?[A-Z])/.exec(tail);
  if (gap && !OPERATIVE.test(gap[1]!)) return gap[1]!;
  const t = tail.trim();
  if (t.length <= 80 && !OPERATIVE.test(t) && !/[.;:!?]\s/.test(t) && /^[A-Z]/.test(t)) return t.replace(/[.:]$/, "");
  return null;
}

// "6. Intellectual Property 6.1 WORK MADE…" / "ARTICLE 11 Term and Termination. 11.1 The Term…": a caption, then the
// caption's first child, whose number repeats the caption's.
const CAPTION_THEN_CHILD =
  /^(?:(?:ARTICLE|Article|SECTION|Section)\s+)?(\d{1,2})\.?\s+([A-Z][A-Za-z,&'/() -]{1,60}?)[.:]?\s+(\d{1,2})\.(0?1)\b\.?\s+(?=["(\u201c]?[A-Z])/;

/** The caption and the offset of its first child, for a number printed with both; null otherwise. */
function captionChild(text: string): { heading: string; childAt: number } | null {
  const m = CAPTION_THEN_CHILD.exec(text);
  if (!m || m[1] !== m[3] || OPERATIVE.test(m[2]!)) return null;
  return { heading: m[2]!.trim(), childAt: m[0].length - m[0].slice(m[0].search(/\d{1,2}\.0?1\b\.?\s+$/)).length };
}

const FIRST_TOKEN: Record<ParenStyle, string> = { alpha: "a", roman: "i", digit: "1", upper: "A" };

function successor(style: ParenStyle, token: string): string {
  if (style === "digit") return String(Number(token) + 1);
  if (style === "roman") {
    const next = romanToNumber(token) + 1;
    const romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"];
    return romans[next - 1] ?? "";
  }
  return token.length === 1 ? String.fromCharCode(token.charCodeAt(0) + 1) : "";
}

/**
 * The style of an "(x)" token given the open lists: "(i)" after "(h)" is a letter, otherwise a roman one.
 * Returns where it fits: the index of the open list it continues, or -1 when it opens a new list (a first item).
 */
export function placeParen(token: string, open: readonly OpenParen[]): { style: ParenStyle; at: number } | null {
  const styles: ParenStyle[] = /^\d+$/.test(token)
    ? ["digit"]
    : /^[A-Z]$/.test(token)
      ? ["upper"]
      : /^[ivxlc]+$/.test(token)
        ? ["alpha", "roman"]
        : ["alpha"];
  for (let i = open.length - 1; i >= 0; i--) {
    const o = open[i]!;
    if (styles.includes(o.style) && successor(o.style, o.token) === token) return { style: o.style, at: i };
  }
  for (const style of styles) if (FIRST_TOKEN[style] === token) return { style, at: -1 };
  return null;
}

/** Records a paren item read at a line start, so items later in the line continue its list. */
export function openParen(state: NumberingState, token: string, style: ParenStyle): void {
  const at = state.parens.findIndex((o) => o.style === style);
  if (at >= 0) state.parens.length = at;
  state.parens.push({ style, token });
}

interface Candidate {
  index: number;
  start: Start;
  number: number[] | null;
}

/**
 * Clause starts printed inside one line, in order. `long` is false for a line of 80 characters or less: there only
 * a caption's first child ("8. Intellectual Property. 8.1 Customer's…") and a caption ending the line count, since
 * a short line holds one clause far more often than two. `following` is the text after the line, read only to see how an item
 * that starts near the line's end goes on. Updates `state` as it reads.
 */
export function inlineStarts(line: string, state: NumberingState, classify: Classify, long: boolean, following = ""): Start[] {
  const candidates: Candidate[] = [];
  const consider = (index: number, start: Start | null) => {
    // The line's own start ("## 1. Indemnity" too) is classified already; a number found twice is one candidate.
    if (!/[A-Za-z0-9]/.test(line.slice(0, index)) || !start || candidates.some((c) => c.index === index)) return;
    start.offset = index;
    candidates.push({ index, start, number: numberAfter(start, null) });
  };
  for (const m of line.matchAll(INLINE_NUMBER)) {
    const start = classify(line.slice(m.index), true, null);
    if (start && (start.level.kind === "numeric" || start.level.kind === "article")) consider(m.index, start);
  }
  const addChild = (at: number) => {
    const child = captionChild(line.slice(at));
    if (!child) return null;
    const start = classify(line.slice(at + child.childAt), true, null);
    if (start?.level.kind === "numeric") consider(at + child.childAt, start);
    return child.heading;
  };
  addChild(line.length - line.trimStart().length);
  for (const m of line.matchAll(SINGLE_NUMBER)) {
    if (REFERRING_WORD.test(line.slice(Math.max(0, m.index - 20), m.index))) continue;
    const heading = singleNumberCaption(line.slice(m.index + m[0].length)) ?? addChild(m.index);
    if (heading === null) continue;
    consider(m.index, { offset: 0, number: m[1]!, heading, level: { kind: "numeric", parts: 1 } });
  }
  if (long)
    for (const m of line.matchAll(INLINE_PAREN)) {
      // After ": " or "; " an item in capitals is a list inside one sentence ("FOR: (A) ANY LOSS …; (B) ANY …").
      if (
        /[:;]["')\]\u201d]?\s*$/.test(line.slice(Math.max(0, m.index - 12), m.index)) &&
        !/[a-z]/.test(line.slice(m.index + m[0].length, m.index + m[0].length + 40))
      )
        continue;
      // After capitals, only a caption at the head of the line counts: "SECTION 7.1 (A) HEREOF" is a reference.
      if (!/[.:;]["')\]\u201d]?\s*$/.test(line.slice(Math.max(0, m.index - 12), m.index)) && !CAPTION_BEFORE.test(line.slice(0, m.index)))
        continue;
      consider(m.index, { offset: 0, number: `(${m[1]})`, heading: null, level: { kind: "paren", style: "alpha" } });
    }
  const continuing = new Set<number>();
  if (long)
    // (The item's verb may be wrapped onto the next line, so the next line is read with it.)
    for (const m of `${line} ${following}`.matchAll(INLINE_PAREN_SENTENCE)) {
      if (m.index >= line.length) break;
      if (candidates.some((c) => c.index === m.index)) continue;
      consider(m.index, { offset: 0, number: `(${m[1]})`, heading: null, level: { kind: "paren", style: "alpha" } });
      continuing.add(m.index);
    }
  candidates.sort((a, b) => a.index - b.index);

  const out: Start[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const { start, number } = candidates[i]!;
    if (start.level.kind === "paren") {
      const token = start.number!.slice(1, -1);
      const place = placeParen(token, state.parens);
      if (!place || (place.at < 0 && continuing.has(candidates[i]!.index))) continue;
      start.level = { kind: "paren", style: place.style };
      if (place.at >= 0) state.parens.length = place.at;
      state.parens.push({ style: place.style, token });
      out.push(start);
      continue;
    }
    if (!number) continue;
    const last = state.last;
    const single = start.level.kind === "numeric" && start.level.parts === 1 && !start.number!.includes(".");
    let fits: boolean;
    if (start.level.kind === "article") fits = long && last !== null && number[0] === last[0]! + 1;
    else if (single) fits = last === null ? number[0]! <= 2 : followsNumbering(last, number);
    else if (!long) fits = last !== null && isFirstChild(last, number);
    else {
      fits = followsNumbering(last, number);
      // Lost numbers: accept a number ahead of the last one when the next number in the line follows it.
      if (!fits && last && isAhead(last, number)) {
        const after = candidates.slice(i + 1).find((c) => c.start.level.kind === "numeric" && c.number);
        fits = after !== undefined && followsNumbering(number, after.number!) && !isFirstChild(number, after.number!);
      }
    }
    // A short line only splits at a caption's first child or at a caption that ends the line.
    if (!long && single) {
      const caption = line
        .slice(candidates[i]!.index)
        .replace(/^\d+[.)]\s+/, "")
        .trim();
      if (/[.;:!?]\s|\s{2,}\S/.test(caption) || OPERATIVE.test(caption)) fits = false;
    }
    if (!fits) continue;
    out.push(start);
    state.last = number;
    state.parens = [];
  }
  return out;
}
