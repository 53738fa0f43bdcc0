import type { Clause } from "../model/document.js";
import {
  inlineStarts,
  numberAfter,
  openParen,
  placeParen,
  romanToNumber,
  type Level,
  type NumberingState,
  type Start,
} from "./inline-starts.js";

export { followsNumbering, romanToNumber } from "./inline-starts.js";

/**
 * Splits normalised text into clauses from numbering and headings. One pass over the lines, with a stack of
 * open numbers so that "(a)" under "14.2" is labelled "14.2(a)". Linear in the text length.
 */

const MD_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const ARTICLE = /^(?:ARTICLE|Article|ART\.)\s+([IVXLC]+|\d+)\b[.:]?\s*(?:[-\u2013\u2014:.]\s*)?(.*)$/;
// "Article 12.4 The Municipality is entitled to …": civil-law drafting numbers its sections inside the word "Article";
// the dotted number is the section's, as "Section 12.4" would be (not article 12 with a heading "4 The Municipality …").
const ARTICLE_SECTION = /^(?:ARTICLE|Article|ART\.|Art\.)\s+(\d{1,3}(?:\.\d{1,3})+)\.?\s*(?:[-\u2013\u2014:]\s*)?(.*)$/;
const SECTION = /^(?:SECTION|Section|Sec\.|§)\s*(\d+(?:\.\d+)*)\.?\s*(?:[-\u2013\u2014:.]\s*)?(.*)$/;
// "1." "1.1" "1.1.1" "12.3." followed by text; a bare "1 " must be followed by an upper-case word to count.
const NUMERIC = /^(\d{1,3}(?:\.\d{1,3})*)(\.?)(\)?)\s+(\S.*)$/;
/** "8.F.  LIMITATION ON LIABILITY.", "13.A The term …": a section numbered by a letter within its article. */
const NUMBER_LETTER = /^(\d{1,3}\.[A-Z])\.?\s+([A-Z"\u201c(].*)$/;
// "SECTION FOUR. REMUNERATION" / "Article Two": numbers spelled out as words.
const WORD_NUMBERED = /^(SECTION|Section|ARTICLE|Article)\s+([A-Z][A-Za-z]{2,8}(?:-[A-Za-z]{3,5})?)\b\.?\s*(?:[-\u2013\u2014:.]\s*)?(.*)$/;
const NUMBER_WORDS = [
  "ONE",
  "TWO",
  "THREE",
  "FOUR",
  "FIVE",
  "SIX",
  "SEVEN",
  "EIGHT",
  "NINE",
  "TEN",
  "ELEVEN",
  "TWELVE",
  "THIRTEEN",
  "FOURTEEN",
  "FIFTEEN",
  "SIXTEEN",
  "SEVENTEEN",
  "EIGHTEEN",
  "NINETEEN",
  "TWENTY",
];
/** "FOUR" → 4, "Twenty-Two" → 22; null for any other word. */
function wordNumber(word: string): number | null {
  const [tens, units] = word.toUpperCase().split("-");
  const t = NUMBER_WORDS.indexOf(tens!) + 1;
  if (t === 0) return null;
  if (units === undefined) return t;
  const u = NUMBER_WORDS.indexOf(units) + 1;
  return t === 20 && u >= 1 && u <= 9 ? t + u : null;
}
// "2.TERM, EXTENSION AND RENEWAL:" — a top-level number glued to an upper-case heading.
const GLUED = /^(\d{1,2})\.(?=[A-Z]{2})(\S.*)$/;
const PAREN = /^\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,3}|[A-Z]{1,2})\)\s+(\S.*)?$/;
const LETTER_DOT = /^([A-Z])\.\s+(\S.*)$/;
// "a) Neither Party…" / "b. The Company agrees…": lettered items printed without an opening bracket, cited "(a)".
const LOWER_ITEM = /^([a-z]|[ivx]{2,4})([.)])\s+(\S.*)$/;
const ROMAN = /^[ivxlc]+$/;

/** An inline heading after a number: "1.1 LICENSE. Subject to…" or "5. Term: This…". */
function splitInlineHeading(rest: string): { heading: string | null; body: string } {
  const caps = /^([A-Z][A-Z0-9 ,;&'/()-]{1,80}?)(?:[.:]\s+|\s*$)/.exec(rest);
  if (caps && /[A-Z]{2}/.test(caps[1]!)) return { heading: caps[1]!.trim(), body: rest.slice(caps[0].length) };
  const title = /^((?:[A-Z][\w'-]*(?:\s+(?:of|and|for|to|the|in|on|&|[A-Z][\w'-]*)){0,6}))(?:\.\s+|:\s+|[.:]?\s*$)/.exec(rest);
  if (title && title[1]!.length <= 60 && (title[0].trimEnd().length === rest.trimEnd().length || /[.:]\s+$/.test(title[0]))) {
    return { heading: title[1]!.trim(), body: rest.slice(title[0].length) };
  }
  return { heading: null, body: rest };
}

// A word that only operative text has: a line with none of them is a caption or a table-of-contents entry.
// ("Article 28(b). For ten years after expiry the Seller undertakes to …": a promise made without a modal verb.)
const OPERATIVE = /\b(?:shall|will|may|must|agrees?|agreed|undertakes?|covenants?|warrants?|hereby|means|is|are)\b/i;
// ("Article 2. The Licensor grants the Licensee an exclusive licence …": a promise in the present tense. In small letters
// only, so that a caption such as "Grant of Rights" stays one.)
const PRESENT_TENSE_PROMISE =
  /\b(?:grants|assigns|transfers|appoints|licenses|licences|acknowledges|confirms|reserves|retains|owns|bears|pays|indemnifies|releases|waives|accepts|commits|guarantees|has|have)\b/;
// "Section 4.01. License Grants 7 Section 4.02." / "COMMERCIALIZATION 20 5.1 Global…": captions with page numbers.
const TOC_ENTRY = /[A-Za-z.]\s+\d{1,3}\s+(?:\d{1,3}\.\d|Section\b|Article\b|ARTICLE\b|SECTION\b)/g;
// An upper-case caption ("TERM AND TERMINATION", "TERM and TERMINATION of AGREEMENT") ends at a period or colon,
// at a sub-clause number ("3.1", "(a)", "A."), or where a sentence starts ("Either party may…").
const CAPS_CAPTION =
  /^([A-Z][A-Z0-9,;&'/()-]*(?:\s+(?:[A-Z0-9][A-Z0-9,;&'/()-]*|and|of|or|the|to|for|in|on)){0,12}?)(?:\s*[.:](?:\s+|$)|\s+(?=\d{1,3}(?:\.\d{1,3})+|\(?[A-Za-z0-9]{1,4}[.)]\s|Section\b|SECTION\b|[A-Z][a-z]))/;
// A title-case caption ("Disputes Resolving") followed by a period, a colon or a wide gap.
const TITLE_CAPTION = /^([A-Z][\w'-]*(?:\s(?:of|and|for|to|the|in|on|&|[A-Z][\w'-]*)){0,7})(?:\s*[.:]\s+|\s{2,}(?=\S))/;

/**
 * The heading of an "ARTICLE 7 …" line. CUAD filings often carry the whole article on that line ("ARTICLE 3 TERM
 * AND TERMINATION 3.1 Either party may terminate…"): only the caption is the heading, the rest is clause text. A
 * line with no operative words (a caption alone, or a table of contents) stays a heading as before.
 */
export function articleHeading(rest: string): string | null {
  const t = rest.replace(/^[-\u2013\u2014:.\s]+/, "").trimEnd();
  if (!t) return null;
  if ((!OPERATIVE.test(t) && !PRESENT_TENSE_PROMISE.test(t)) || (t.match(TOC_ENTRY) ?? []).length >= 2 || /(?:\.\s?){5,}/.test(t)) return t;
  const caps = CAPS_CAPTION.exec(t);
  if (caps && /[A-Z]{2}/.test(caps[1]!)) return caps[1]!.trim();
  const title = TITLE_CAPTION.exec(t);
  if (title && title[1]!.length <= 60) return title[1]!.trim();
  return null;
}

function isAllCapsHeading(line: string): boolean {
  if (line.length < 3 || line.length > 90) return false;
  const letters = line.replace(/[^A-Za-z]/g, "");
  if (letters.length < 3 || letters !== letters.toUpperCase()) return false;
  // A sentence in capitals is a term, not its title: "NEITHER PARTY SHALL BE LIABLE FOR ANY INDIRECT DAMAGES."
  if (/\b(?:SHALL|WILL|MAY|MUST|AGREES?)\b/.test(line) && /\.$/.test(line) && line.split(/\s+/).length >= 6) return false;
  // Signature blocks and addresses are upper case too; a heading has few digits and no trailing comma.
  return !/[,;]$/.test(line) && !/\d{3,}/.test(line) && /^[A-Z0-9(]/.test(line);
}

/**
 * A line that only continues the sentence of the line before, though it opens like a clause: a cross-reference
 * wrapped to the start of a line ("… AMOUNTS PAYABLE UNDER\nSECTION 8.1, NEITHER PARTY …", "… UNDER\nARTICLE 9 AND
 * SECTION 6.4 …", "… SECTION 8.1 OR\n8.2 FOR …") or a number in figures after its words ("… at least sixty\n(60) days …").
 */
function runsOn(previous: string, line: string): boolean {
  const before = previous.trimEnd();
  if (!before || /[.:;!?]["”')\]]*$/.test(before)) return false;
  const t = line.trimStart();
  if (
    /^(?:SECTION|Section|ARTICLE|Article)\s+[\dIVXLC]+(?:\.\d+)*(?:\([a-z0-9]{1,4}\))*\s*(?:,|;|\)|(?:and|or|of|AND|OR|OF|hereof|above|below)\b)/.test(
      t,
    )
  )
    return true;
  // "… OBLIGATIONS UNDER\nSECTION 8.1 FOR THIRD PARTY CLAIMS": a line that ends on a preposition goes on.
  if (/^(?:SECTION|Section|ARTICLE|Article)\s+[\dIVXLC]/.test(t) && /\b(?:under|of|to|in|with|by|and|or|the|than)$/i.test(before))
    return true;
  // "… AMOUNTS DUE UNDER SECTION\n6.5 OF THE AGREEMENT": the number cited, wrapped away from its word.
  if (/^\d+(?:\.\d+)*\b/.test(t) && /\b(?:sections?|articles?|clauses?|paragraphs?)$/i.test(before)) return true;
  // "… UNDER SECTION 8.1 OR\n8.2 FOR THIRD PARTY CLAIMS": the second number of a list of sections cited.
  if (
    /^\d+(?:\.\d+)+\b/.test(t) &&
    /\b(?:sections?|articles?|clauses?)\s+\d+(?:\.\d+)*(?:\([a-z0-9]{1,4}\))*\s*(?:,|or|and|through|to)$/i.test(before)
  )
    return true;
  return /^\(\d{1,4}\)\s+(?:days?|business|calendar|months?|years?|weeks?|hours?|percent|per\s*cent|%)/i.test(t) && /[a-z-]$/i.test(before);
}

/**
 * "… arising from (i) loss of a well, (ii) blowout or fire,⏎(iii) damage to a reservoir": an item wrapped to the start
 * of a line in the middle of a list printed inside a sentence. It is no clause start when the line before runs on
 * (ends on a comma or a word other than "and"/"or") and the item neither opens a list nor follows an open one.
 */
function continuesInlineList(start: Start, previous: string, numbering: NumberingState): boolean {
  if (start.level.kind !== "paren" || !start.number) return false;
  if (/(?:[.:;!?]|\b(?:and|or|AND|OR))["'\u201d)\]]*$/.test(previous.trimEnd())) return false;
  const token = start.number.slice(1, -1);
  if (/^(?:a|i|1|A)$/.test(token)) return false;
  return placeParen(token, numbering.parens) === null;
}

function classify(line: string, previousBlank: boolean, lastParen: string | null, nestedLists: boolean): Start | null {
  // A clause start is read from the head of its line: a 20 MB line of "1.1.1…" must not reach the regexes whole.
  let trimmed = (line.length > 4000 ? line.slice(0, 4000) : line).trim();
  if (!trimmed) return null;
  // An indented Markdown "a." item is a lettered sub-clause, cited as "(a)" like its plain-text form.
  const letterItem = nestedLists && /^\s{2,}/.test(line) ? /^([a-z]{1,2}|[ivx]{1,4})\.\s+(\S.*)$/.exec(trimmed) : null;
  if (letterItem) trimmed = `(${letterItem[1]}) ${letterItem[2]}`;
  let m = MD_HEADING.exec(trimmed);
  if (m) {
    const inner = m[2]!;
    // "## 4. Fees", "## IV. Fees", and GitHub's "## K. Payment" (a capital letter needs its dot).
    const numbered = /^(\d+(?:\.\d+)*|[IVXLC]+|[A-Z](?=\.\s))\.?\s+(.*)$/.exec(inner);
    return {
      offset: 0,
      number: numbered ? numbered[1]! : null,
      heading: numbered ? numbered[2]! : inner,
      level: { kind: "markdown", depth: m[1]!.length },
    };
  }
  if ((m = ARTICLE_SECTION.exec(trimmed))) {
    const { heading } = splitInlineHeading(m[2] ?? "");
    return { offset: 0, number: m[1]!, heading, level: { kind: "numeric", parts: m[1]!.split(".").length } };
  }
  if ((m = ARTICLE.exec(trimmed)))
    return { offset: 0, number: `Article ${m[1]}`, heading: articleHeading(m[2] ?? ""), level: { kind: "article" } };
  if ((m = SECTION.exec(trimmed))) {
    const { heading } = splitInlineHeading(m[2] ?? "");
    return { offset: 0, number: m[1]!, heading, level: { kind: "numeric", parts: m[1]!.split(".").length } };
  }
  if ((m = WORD_NUMBERED.exec(trimmed))) {
    const n = wordNumber(m[2]!);
    if (n !== null) {
      if (/^A/i.test(m[1]!)) return { offset: 0, number: `Article ${n}`, heading: articleHeading(m[3] ?? ""), level: { kind: "article" } };
      return { offset: 0, number: String(n), heading: articleHeading(m[3] ?? ""), level: { kind: "numeric", parts: 1 } };
    }
  }
  if ((m = GLUED.exec(trimmed)) && Number(m[1]) > 0) {
    return { offset: 0, number: m[1]!, heading: splitInlineHeading(m[2]!).heading, level: { kind: "numeric", parts: 1 } };
  }
  if ((m = NUMBER_LETTER.exec(trimmed))) {
    return { offset: 0, number: m[1]!, heading: splitInlineHeading(m[2]!).heading, level: { kind: "numeric", parts: 2 } };
  }
  if ((m = NUMERIC.exec(trimmed))) {
    const [, number, dot, paren, rest] = m;
    const multi = number!.includes(".");
    // A bare number needs a dot, a parenthesis, or a capitalised word after it: "30 days" is not a clause.
    if (!multi && !dot && !paren && !/^[A-Z]/.test(rest!)) return null;
    if (!multi && Number(number) > 300) return null;
    if (!previousBlank && !multi && !dot && !paren) return null;
    const { heading } = splitInlineHeading(rest!);
    return { offset: 0, number: number!, heading, level: { kind: "numeric", parts: number!.split(".").length } };
  }
  if ((m = PAREN.exec(trimmed))) {
    const token = m[1]!;
    let style: "alpha" | "roman" | "digit" | "upper";
    if (/^\d+$/.test(token)) style = "digit";
    else if (/^[A-Z]+$/.test(token)) style = "upper";
    else if (
      ROMAN.test(token) &&
      !(token.length === 1 && lastParen !== null && /^[a-z]$/.test(lastParen) && lastParen.charCodeAt(0) + 1 === token.charCodeAt(0))
    )
      style = "roman";
    else style = "alpha";
    return { offset: 0, number: `(${token})`, heading: null, level: { kind: "paren", style } };
  }
  if ((m = LETTER_DOT.exec(trimmed)) && previousBlank) {
    return { offset: 0, number: `${m[1]}.`, heading: null, level: { kind: "paren", style: "upper" } };
  }
  if ((m = LOWER_ITEM.exec(trimmed)) && (previousBlank || lastParen !== null) && (m[2] === ")" || /^[A-Z"\u201c(]/.test(m[3]!))) {
    const token = m[1]!;
    const style =
      ROMAN.test(token) && !(token.length === 1 && lastParen !== null && lastParen.charCodeAt(0) + 1 === token.charCodeAt(0))
        ? "roman"
        : "alpha";
    return { offset: 0, number: `(${token})`, heading: null, level: { kind: "paren", style } };
  }
  if (previousBlank && isAllCapsHeading(trimmed)) return { offset: 0, number: null, heading: trimmed, level: { kind: "heading" } };
  return null;
}

const PLACEHOLDER =
  /^[\s[(]*(?:reserved|intentionally\s+(?:left\s+blank|omitted|deleted)|not\s+used|deleted|n\/a|not\s+applicable|tbd|tbc|to\s+be\s+(?:agreed|determined|confirmed)|\[?\s*(?:●|•|\u25cf|x|insert[^\]]*|\.{3,}|_+)\s*\]?)[\s\])]*\.?\s*$/i;

export function isPlaceholder(body: string): boolean {
  const trimmed = body.trim();
  if (!trimmed) return false;
  return PLACEHOLDER.test(trimmed);
}

const DEFINITIONS_HEADING = /^(?:definitions?|interpretation|defined\s+terms|definitions\s+and\s+interpretation)\b/i;

export interface SegmentOptions {
  /**
   * Markdown: an ordered-list item indented under another ("1. Service" then "    1. Access and Use") is its
   * sub-clause, labelled "1.1" as the rendered document and its cross-references read. Off for plain text and
   * PDF, where indentation is layout noise.
   */
  nestedLists?: boolean;
}

export function segment(text: string, options: SegmentOptions = {}): Clause[] {
  const starts: (Start & { headingOnly: boolean; indent: number })[] = [];
  let offset = 0;
  let previousBlank = true;
  let lastParen: string | null = null;
  const numbering: NumberingState = { last: null, parens: [] };
  let inSignature = false;
  let signatureStart = 0;
  // The last non-blank line, its own start (if any), and whether it also held "(i)" items inside it.
  let lastLine = "";
  let lastLineStart: Start | null = null;
  let lastLineInlineParens = false;
  while (offset <= text.length) {
    let end = text.indexOf("\n", offset);
    if (end === -1) end = text.length;
    const line = text.slice(offset, end);
    let start = classify(line, previousBlank, lastParen, options.nestedLists ?? false);
    if (start && !previousBlank && runsOn(lastLine, line)) start = null;
    if (start && !previousBlank && continuesInlineList(start, lastLine, numbering)) start = null;
    if (inSignature && line.trim()) {
      // The signature block ends at the first line that is not a name, a title, a date or a signing line, and
      // within SIGNATURE_BLOCK_CHARS: exhibits often follow it. Inside it, a company name in capitals is no heading.
      if (!isSignatureLine(line) || offset - signatureStart > SIGNATURE_BLOCK_CHARS) {
        inSignature = false;
        start ??= { offset: 0, number: null, heading: null, level: { kind: "heading" }, block: "after-signature" };
      } else start = null;
    }
    if (SIGNATURE_START.test(line) && line.length <= 400) {
      start = { offset: 0, number: null, heading: null, level: { kind: "heading" }, block: "signature" };
      inSignature = true;
      signatureStart = offset;
    }
    if (!start && !inSignature && previousBlank && line.trim())
      start = continuationOf(line, lastLine, lastLineStart, lastLineInlineParens, starts);
    if (start) {
      const lead = line.length - line.trimStart().length;
      start.offset = offset + lead;
      if (start.level.kind === "paren") {
        lastParen = start.number!.slice(1, -1);
        openParen(numbering, lastParen, start.level.style);
      } else {
        if (start.level.kind !== "heading") lastParen = null;
        numbering.parens = [];
      }
      starts.push({ ...start, headingOnly: false, indent: lead });
      numbering.last = numberAfter(start, numbering.last);
    }
    // A line that holds several clauses ("… as agreed. 3.2 Either party may …"): a page or paragraph of a filing
    // flattened onto one line. The clause numbers printed inside it start clauses too, when they follow the
    // numbering so far, so a sentence is reported under the number printed before it (see inline-starts.ts).
    let inlineParens = false;
    if (!inSignature) {
      const classifyTail = (tail: string, blank: boolean, paren: string | null) => classify(tail, blank, paren, false);
      const following = end < text.length ? text.slice(end + 1, Math.min(text.length, end + 241)).replace(/\s+/g, " ") : "";
      for (const inline of inlineStarts(line, numbering, classifyTail, line.length > 80, following)) {
        inline.offset += offset;
        starts.push({ ...inline, headingOnly: false, indent: 0 });
        lastParen = inline.level.kind === "paren" ? inline.number!.slice(1, -1) : null;
        inlineParens = inline.level.kind === "paren";
      }
    }
    if (line.trim()) {
      lastLine = line;
      lastLineStart = start && start.level.kind !== "heading" ? start : null;
      lastLineInlineParens = inlineParens;
    }
    previousBlank = line.trim() === "";
    if (end === text.length) break;
    offset = end + 1;
  }

  const clauses: Clause[] = [];
  // Preamble: text before the first clause.
  const firstStart = starts[0]?.offset ?? text.length;
  if (text.slice(0, firstStart).trim()) {
    clauses.push({
      id: "c0",
      number: null,
      heading: null,
      label: null,
      span: { start: 0, end: firstStart },
      depth: 0,
      inDefinitions: false,
      placeholder: false,
    });
  }

  // Stack of open numbered clauses: label parts and the depth each sits at.
  const stack: { level: Level; number: string; depth: number }[] = [];
  let definitionsDepth: number | null = null;
  // The top-level number of the definitions section ("1" for "ARTICLE 1 DEFINITIONS" or "1. Definitions"): a
  // later clause numbered "2.2" has left it even when no "ARTICLE 2" line was recognised.
  let definitionsTop: string | null = null;
  // Open Markdown list items, outermost first: their indentation, full label and depth.
  const lists: { indent: number; label: string; depth: number; raw: string; shown: number }[] = [];
  // The open lettered Markdown heading ("## K. Payment") and its depth: "### 2. Cancellation" under it is K.2.
  let letterHeading: { number: string; depth: number } | null = null;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]!.offset : text.length;
    let depth = depthOf(s.level, stack);
    let nestedLabel: string | null = null;
    if (options.nestedLists) {
      if (isListItem(s)) {
        let sibling: (typeof lists)[number] | undefined;
        while (lists.length && lists[lists.length - 1]!.indent >= s.indent) {
          const popped = lists.pop()!;
          if (popped.indent === s.indent) sibling = popped;
        }
        // Markdown renders "1. … 1. … 1." as 1, 2, 3: a list that repeats its first number is numbered in order.
        const shown = sibling && s.number === sibling.raw && sibling.raw === "1" ? sibling.shown + 1 : Number(s.number);
        const own = String(shown);
        const parent = lists[lists.length - 1];
        if (parent) {
          nestedLabel = `${parent.label}.${own}`;
          depth = parent.depth + 1;
        } else if (own !== s.number) nestedLabel = own;
        lists.push({ indent: s.indent, label: nestedLabel ?? s.number!, depth, raw: s.number!, shown });
      } else if (s.level.kind !== "paren") lists.length = 0;
    }
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    let label: string | null = null;
    if (nestedLabel) {
      label = nestedLabel;
      stack.length = 0;
      stack.push({ level: s.level, number: nestedLabel, depth });
    } else if (s.number && s.level.kind === "markdown" && /^\d+$/.test(s.number) && letterHeading && letterHeading.depth < depth) {
      label = `${letterHeading.number}.${s.number}`;
      stack.length = 0;
      stack.push({ level: s.level, number: label, depth });
    } else if (s.number) {
      if (s.level.kind === "paren") {
        const parent = stack.map((e) => e.number).join("");
        label = parent ? `${parent}${s.number}` : s.number;
      } else label = s.number;
      stack.push({ level: s.level, number: s.level.kind === "paren" ? s.number : s.number, depth });
      // Numeric labels are absolute ("14.2"), so parents stay only for paren children.
      if (s.level.kind !== "paren") stack.splice(0, stack.length - 1);
    } else if (s.level.kind === "heading" || s.level.kind === "markdown") {
      stack.length = 0;
    }
    if (s.level.kind === "markdown" && (!letterHeading || depth <= letterHeading.depth))
      letterHeading = s.number && /^[A-Z]$/.test(s.number) ? { number: s.number, depth } : null;
    const body = bodyOf(text, s.offset, end);
    const heading = s.heading ? s.heading.replace(/[.:]\s*$/, "").trim() : null;
    if (definitionsDepth !== null && depth <= definitionsDepth) definitionsDepth = null;
    const top = topNumber(s);
    if (definitionsDepth !== null && definitionsTop !== null && top !== null && top !== definitionsTop) definitionsDepth = null;
    if (heading && DEFINITIONS_HEADING.test(heading)) {
      // "1.0 DEFINITIONS" heads an article whose clauses (1.1, 1.2 …) sit at its own depth: they stay inside until
      // the next article's number.
      definitionsDepth = s.number !== null && /^\d+\.0$/.test(s.number) ? depth - 1 : depth;
      definitionsTop = top;
    }
    // A clause that opens with a definition and then states the term that uses it ("20.1 "Annual Contract Value"
    // means …. Contractor's total liability shall not exceed …") is operative after its first sentence.
    const definitionLike =
      /^\s*"[^"]{1,80}"\s+(?:shall\s+)?(?:mean|means|has\s+the\s+meaning|includes?)\b/.test(body) &&
      !/[.;]\s+[A-Z][^.;]{0,120}?\b(?:shall|will|may|must)\s+(?:not\s+|have\s+no\s+|in\s+no\s+event\s+)?(?:indemnify|defend|exceed|be\s+liable|terminate|have\s+(?:no\s+)?(?:liability|the\s+right))\b/.test(
        body,
      );
    clauses.push({
      id: `c${clauses.length}`,
      number: s.number,
      heading,
      label,
      span: { start: s.offset, end },
      depth,
      inDefinitions: definitionsDepth !== null || definitionLike,
      placeholder: isPlaceholder(body) || (!body && heading !== null && isPlaceholder(heading)),
    });
    if (s.block === "signature") clauses[clauses.length - 1]!.nonOperative = "signature";
  }
  if (clauses.length === 0)
    clauses.push({
      id: "c0",
      number: null,
      heading: null,
      label: null,
      span: { start: 0, end: text.length },
      depth: 0,
      inDefinitions: false,
      placeholder: false,
    });
  markTableOfContents(text, clauses);
  markNonOperative(text, clauses);
  return clauses;
}

/**
 * An unnumbered paragraph that goes on with the clause above a list of items, not with its last item: "7.1 … if
 * (a) …, (b) …, (c) …," then "then the Sub-Advisor will indemnify …"; or "8.1 Warranties. X warrants that (i) …
 * (ii) …" then "X will defend …". The PDF prints it at the clause's own indent; reported under the clause's number.
 */
function continuationOf(
  line: string,
  lastLine: string,
  lastLineStart: Start | null,
  lastLineInlineParens: boolean,
  starts: readonly Start[],
): Start | null {
  const t = line.trim();
  const prev = lastLine.trimEnd();
  // The items were inside the clause's own line, which ended a sentence: the next paragraph is the clause's again.
  if (lastLineInlineParens && lastLineStart?.number && /^["\u201c]?[A-Z]/.test(t) && /[.;:]["')\u201d]?$/.test(prev))
    return { offset: 0, number: lastLineStart.number, heading: null, level: lastLineStart.level };
  // The items had lines of their own, the last one ends a list entry (",", ";", "and"), and the text resumes in
  // lower case: the sentence that opened the list goes on.
  const last = starts[starts.length - 1];
  if (!last || last.level.kind !== "paren" || lastLineStart?.offset !== last.offset || lastLineInlineParens) return null;
  if (!/^[a-z]/.test(t) || !/(?:[,;:]|\b(?:and|or))$/.test(prev)) return null;
  const style = last.level.style;
  for (let i = starts.length - 1; i >= 0; i--) {
    const s = starts[i]!;
    if (s.level.kind === "paren" && s.level.style === style) continue;
    if (!s.number || s.level.kind === "heading") return null;
    return { offset: 0, number: s.number, heading: null, level: s.level };
  }
  return null;
}

const SIGNATURE_BLOCK_CHARS = 1200;
const SIGNATURE_START = /^\s*IN\s+WITNESS\s+WHEREOF\b/i;
/** A line of a signature block: short, and no operative verb ("By: ____", "Name: Jane Roe", "Title: CEO", a date). */
function isSignatureLine(line: string): boolean {
  const t = line.trim();
  if (/^(?:by|name|title|date|signature|signed|its|witness|print(?:ed)?\s+name|address)\b\s*:?/i.test(t) || /_{3,}/.test(t)) return true;
  return (
    t.length <= 80 &&
    !/\b(?:shall|will|must|agrees?|hereby|means)\b/i.test(t) &&
    !/^(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\))\s/i.test(t)
  );
}

/** What follows a clause's number and heading. */
function restOfClause(text: string, c: Clause): string {
  let t = text
    .slice(c.span.start, c.span.end)
    .trim()
    .replace(/^#{1,6}\s+/, "");
  t = t.replace(/^(?:(?:ARTICLE|Article|SECTION|Section|Sec\.|§)\s*[\dIVXLC.]+|\d{1,3}(?:\.\d{1,3})*\.?\)?|\(?[\dA-Za-z]{1,4}[.)])\s*/, "");
  t = t.replace(/^[-\u2013\u2014:.]\s*/, "");
  if (c.heading && t.startsWith(c.heading)) t = t.slice(c.heading.length);
  return t.replace(/^\s*[.:]?\s*/, "").trim();
}

// "See Section 9." / "[Refer to Clause 4.2 and Schedule 3.]" / "As set forth in Exhibit B."
const CROSS_REFERENCE =
  /^[[(]?\s*(?:see|refer\s+to|cf\.|as\s+(?:set\s+(?:forth|out)|provided|described)\s+in|(?:is|are)\s+(?:set\s+(?:forth|out)|governed|addressed|dealt\s+with)\s+(?:in|by))\s+(?:(?:sections?|clauses?|articles?|schedules?|exhibits?|annex(?:es)?|appendi(?:x|ces)|attachments?|paragraphs?)\s+[\w.()-]+(?:\s*(?:,|and|or|to|through)\s*)?)+(?:\s+(?:below|above|hereof|hereto|of\s+this\s+agreement))?\s*[.)\]]*\s*$/i;
// "Exhibit A – Statement of Work" / "Schedule 2: Fees": one entry of a list of attachments.
const ATTACHMENT_ENTRY =
  /^(?:exhibit|schedule|annex|appendix|attachment|addendum)\s+[A-Z0-9][\w.-]{0,5}\b\s*(?:[-\u2013\u2014:.,]\s*)?[^.;:]{0,90}$/i;
const LIST_HEADING =
  /^(?:list\s+of\s+)?(?:exhibits|schedules|annexes|appendices|attachments)(?:\s+and\s+(?:exhibits|schedules|annexes|appendices|attachments))?$/i;
const OPERATIVE_VERB = /\b(?:shall|will|may|must|agrees?|agreed|hereby|means|is|are|be)\b/i;

/**
 * Clauses that agree to nothing: a bare heading (its text is under the next number), a cross-reference only,
 * and a list of exhibits or schedules. Each is marked with its kind; detection skips every non-operative clause.
 */
function markNonOperative(text: string, clauses: Clause[]): void {
  for (const c of clauses) {
    if (c.nonOperative || c.placeholder) continue;
    // Headings, cross-references and exhibit lists are short; a long clause is operative text.
    if (c.span.end - c.span.start > 5000) continue;
    const rest = restOfClause(text, c);
    // A caption alone; a long "heading" is a whole article run onto its numbering line, which some topics read.
    if (!rest && c.heading && c.heading.length <= 60 && (c.number !== null || c.heading === text.slice(c.span.start, c.span.end).trim())) {
      c.nonOperative = LIST_HEADING.test(c.heading) ? "exhibit-list" : "heading";
      continue;
    }
    if (rest.length <= 160 && CROSS_REFERENCE.test(rest)) {
      c.nonOperative = "cross-reference";
      continue;
    }
    const entries = rest
      .split(/\n|;\s*/)
      .map((l) => l.trim())
      .filter(Boolean);
    const listed = (c.heading !== null && LIST_HEADING.test(c.heading)) || entries.length >= 2;
    if (listed && entries.length && entries.every((e) => ATTACHMENT_ENTRY.test(e) && !OPERATIVE_VERB.test(e)))
      c.nonOperative = "exhibit-list";
  }
}

/**
 * A table-of-contents entry is a short numbered line with no verb, often ending in a page number ("8.1
 * Indemnification ........ 12"). Three or more in a row are the table of contents; a single short heading is
 * not. They name topics without agreeing to anything, so they yield no facts.
 */
/** One entry of an index of defined terms: the term, then the section that defines it ("Decision Period   12.5"). */
const TERM_INDEX_ENTRY = /[A-Za-z]\s{2,}\d{1,2}(?:\.\d{1,3}){1,3}\s+[A-Z]/g;
const TOC_VERB = /\b(?:shall|will|may|must|agrees?|is|are|be|has|have|hereby|means)\b/i;

function markTableOfContents(text: string, clauses: Clause[]): void {
  const isEntry = (c: Clause) => {
    if (c.number === null) return false;
    const t = text.slice(c.span.start, c.span.end).trim();
    if (t.length > 160 || t.includes("\n\n") || TOC_VERB.test(t)) return false;
    if (/(?:\.{3,}|\s)\d{1,3}\s*$/.test(t)) return true;
    // No page number: a title-cased caption only ("Section 2.01 Appointment; Exclusivity").
    const words = t
      .replace(/^\S+\s*/, "")
      .split(/\s+/)
      .filter((w) => /^[A-Za-z]{4,}/.test(w));
    return t.length <= 80 && words.length > 0 && words.every((w) => /^[A-Z]/.test(w));
  };
  const paged = (c: Clause) => /(?:\.{3,}|\s)\d{1,3}\s*$/.test(text.slice(c.span.start, c.span.end).trim());
  let run: Clause[] = [];
  const flush = () => {
    // A table with page numbers is marked entry by entry: a bare heading after it ("1. Supply") is not part of it.
    const entries = run.some(paged) ? run.filter(paged) : run;
    if (entries.length >= 3) for (const c of entries) c.nonOperative = "table-of-contents";
    run = [];
  };
  for (const c of clauses) {
    if (isEntry(c)) run.push(c);
    else flush();
  }
  flush();
  // A table of contents flattened onto one long line ("12.3 Consent to Transfers 15 12.4 Transfer Matters 15 …",
  // "DEFAULT AND TERMINATION........50 19.A. …") is one "clause" holding many entries and almost no verbs.
  for (const c of clauses) {
    if (c.nonOperative) continue;
    const t = text.slice(c.span.start, c.span.end);
    // (An index of defined terms flattened the same way: "Decision Period   12.5 Disclosing Party   1.17 …".)
    const indexed = (t.match(TERM_INDEX_ENTRY) ?? []).length;
    const entries = (t.match(TOC_ENTRY) ?? []).length + (t.match(/\.{5,}\s*\d{1,3}\b/g) ?? []).length + (indexed >= 6 ? indexed : 0);
    if (entries < 3) continue;
    const verbs = (t.match(new RegExp(TOC_VERB.source, "gi")) ?? []).length;
    if (verbs * 4 <= entries) c.nonOperative = "table-of-contents";
  }
}

/** A Markdown ordered-list item: a single number with a dot ("1."), wherever it is indented. */
function isListItem(s: Start): boolean {
  return s.level.kind === "numeric" && s.level.parts === 1 && s.number !== null && /^\d+$/.test(s.number);
}

/** "2" for "2.7", "Article 2" or "Article II"; null for paren items and unnumbered headings. */
function topNumber(s: Start): string | null {
  if (!s.number || s.level.kind === "paren") return null;
  const m = /^(?:Article\s+)?([IVXLC]+|\d+)/.exec(s.number);
  if (!m) return null;
  return /^\d+$/.test(m[1]!) ? m[1]! : String(romanToNumber(m[1]!));
}

function depthOf(level: Level, stack: { level: Level; depth: number }[]): number {
  switch (level.kind) {
    case "markdown":
      return level.depth - 1;
    case "article":
      return 0;
    case "heading":
      return 0;
    case "numeric":
      return level.parts;
    case "paren": {
      // Same style as an open paren level → sibling; otherwise a child of the innermost open clause.
      for (let i = stack.length - 1; i >= 0; i--) {
        const open = stack[i]!.level;
        if (open.kind === "paren" && open.style === level.style) return stack[i]!.depth;
      }
      const top = stack[stack.length - 1];
      return top ? top.depth + 1 : 1;
    }
  }
}

/** The clause text after its number and heading. */
function bodyOf(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return (
    raw
      .replace(/^#{1,6}\s+/, "")
      .replace(/^(?:ARTICLE|Article|SECTION|Section|Sec\.|§)\s*[\dIVXLC.]+\s*/, "")
      // "1.", "(a)", "iv)" and also "12.1 " (a multi-part number needs no trailing dot).
      .replace(/^(?:\d{1,3}(?:\.\d{1,3})+\.?(?=\s)|\(?[\dA-Za-z]{1,6}(?:\.\d+)*[.)])\s*/, "")
      .replace(/^[A-Z][A-Z0-9 ,;&'/()-]{1,80}?[.:]\s+/, "")
      .trim()
  );
}
