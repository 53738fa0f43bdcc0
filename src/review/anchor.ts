import type { ContractDocument } from "../model/document.js";
import type { Finding } from "../model/finding.js";
import type { Paragraph } from "./docx-xml.js";

/**
 * Where a finding's comment goes. The engine locates the words that fired a rule in the text the reader built
 * (numbering labels put back, headings marked); the comment should sit on the excerpt (the sentence those
 * words are in) in the Word file itself. The two texts differ only in what the reader added (labels, "#"),
 * what it dropped (deleted revisions, text boxes) and white space, so both are reduced to their non-space
 * characters and the excerpt is looked up there. When the same words occur several times, the occurrence
 * of the same rank is taken (the third "shall indemnify" in the reader's text is the third in the XML).
 *
 * A span that cannot be found (an excerpt crossing numbered paragraphs, text the reader composed) falls back
 * to the matched words, then to the paragraph at the same relative place, which the comment then says.
 */
export type Anchor =
  { kind: "exact"; start: { para: number; at: number }; end: { para: number; at: number } } | { kind: "paragraph"; para: number };

/** Characters that do not count when comparing the two texts: white space, soft hyphens, zero-width and bidi marks. */
function invisible(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0xad ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x202a && c <= 0x202f) ||
    c === 0x205f ||
    c === 0x2060 ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

interface Keyed {
  key: string;
  /** For each key character: its offset in the text it came from. */
  offsets: Int32Array;
}

function keyOf(text: string): Keyed {
  const codes = new Uint16Array(text.length);
  const offsets = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (invisible(c)) continue;
    codes[n] = c;
    offsets[n++] = i;
  }
  return { key: fromCodes(codes.subarray(0, n)), offsets: offsets.slice(0, n) };
}

function fromCodes(codes: Uint16Array): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

/** First index i with sorted[i] >= value (sorted.length when none). */
function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the reader may have put before a paragraph's text: a heading mark, a bullet, a list number. */
const LABEL =
  /^(?:#{1,6} |- )?(?:(?:(?:Article|Section|Clause|Schedule|Part)\s+)?(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[A-Za-z]{1,2}[.)]|\([ivxlcdm]{1,6}\)|[IVXLCDM]{1,6}[.)]?)\s)?/;

export class AnchorFinder {
  private readonly source: Keyed;
  private readonly normal: Keyed;
  private readonly lineStarts: number[];
  private readonly xmlKey: string;
  /** For each XML key character: paragraph index and offset in the paragraph text. */
  private readonly xmlPara: Int32Array;
  private readonly xmlAt: Int32Array;
  private readonly anchorable: Paragraph[];

  constructor(
    private readonly doc: ContractDocument,
    private readonly paragraphs: readonly Paragraph[],
  ) {
    this.source = keyOf(doc.original);
    this.normal = keyOf(doc.text);
    this.lineStarts = [0];
    for (let i = 0; i < doc.original.length; i++) if (doc.original.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.anchorable = paragraphs.filter((p) => !p.boxed && p.close >= 0);
    const keys: string[] = [];
    const para: Int32Array[] = [];
    const at: Int32Array[] = [];
    for (const p of this.anchorable) {
      const k = keyOf(p.text);
      keys.push(k.key);
      para.push(new Int32Array(k.key.length).fill(p.index));
      at.push(k.offsets);
    }
    this.xmlKey = keys.join("");
    this.xmlPara = concat(para, this.xmlKey.length);
    this.xmlAt = concat(at, this.xmlKey.length);
  }

  /** The first paragraph with visible text (the title, usually), for the summary comment. */
  firstParagraph(): number | null {
    return this.anchorable.find((p) => p.text.trim())?.index ?? null;
  }

  anchor(f: Finding): Anchor | null {
    if (!this.anchorable.length) return null;
    const match = this.matchSpan(f);
    if (!match) return null;
    const excerpt = this.excerptSpan(f, match);
    const candidates = excerpt ? [excerpt, this.withoutLeadingLabel(excerpt), this.withinCell(excerpt, match), match] : [match];
    for (const c of candidates) {
      if (!c) continue;
      const exact = this.findInXml(c.start, c.end);
      if (exact) return exact;
    }
    return { kind: "paragraph", para: this.nearestParagraph(match.start) };
  }

  /** Source offsets of the matched words, from the finding's line and column. */
  private matchSpan(f: Finding): { start: number; end: number } | null {
    const loc = f.location;
    const offset = (line: number, column: number) => (this.lineStarts[line - 1] ?? this.doc.original.length) + column - 1;
    if (!loc.line || loc.path) return null;
    const start = offset(loc.line, loc.column);
    const end = loc.endLine !== undefined && loc.endColumn !== undefined ? offset(loc.endLine, loc.endColumn) : start + f.matched.length;
    if (start < 0 || start > this.doc.original.length) return null;
    return { start, end: Math.max(start + 1, Math.min(end, this.doc.original.length)) };
  }

  /**
   * Source offsets of the excerpt around the match. The excerpt is normalised text (quotes straightened,
   * white space collapsed, maybe clipped with "…"), so it is found in the normalised text next to the match
   * and mapped back to the source through the reader's offset map.
   */
  private excerptSpan(f: Finding, match: { start: number; end: number }): { start: number; end: number } | null {
    const core = f.excerpt.replace(/^…/, "").replace(/…$/, "");
    const want = keyOf(core).key;
    if (!want) return null;
    const map = this.doc.offsetMap;
    const toNormal = (src: number) => (map ? lowerBound(map, src) : src);
    const toSource = (n: number) => (map ? map[Math.min(n, map.length - 1)]! : n);
    const ms = lowerBound(this.normal.offsets, toNormal(match.start));
    const me = lowerBound(this.normal.offsets, toNormal(match.end));
    let from = Math.max(0, ms - want.length);
    for (let i = this.normal.key.indexOf(want, from); i >= 0 && i <= ms; i = this.normal.key.indexOf(want, from)) {
      if (i + want.length >= me) {
        const start = toSource(this.normal.offsets[i]!);
        const end = toSource(this.normal.offsets[i + want.length - 1]!) + 1;
        return { start, end };
      }
      from = i + 1;
    }
    return null;
  }

  /** The span without a clause label the reader put in front of a paragraph ("1.2 ", "(a) "). */
  private withoutLeadingLabel(span: { start: number; end: number }): { start: number; end: number } | null {
    const text = this.doc.original;
    const blockStart = span.start === 0 || text.slice(Math.max(0, span.start - 2), span.start) === "\n\n";
    if (!blockStart) return null;
    const m = LABEL.exec(text.slice(span.start, span.end));
    const cut = m?.[0].length ?? 0;
    return cut > 0 && span.start + cut < span.end ? { start: span.start + cut, end: span.end } : null;
  }

  /** The part of the span between the tabs around the match: the reader joins a table row's cells with tabs. */
  private withinCell(span: { start: number; end: number }, match: { start: number; end: number }): { start: number; end: number } | null {
    const text = this.doc.original;
    let start = span.start;
    let end = span.end;
    const before = text.lastIndexOf("\t", match.start - 1);
    if (before >= start) start = before + 1;
    const after = text.indexOf("\t", match.end);
    if (after >= 0 && after < end) end = after;
    return start !== span.start || end !== span.end ? { start, end } : null;
  }

  private findInXml(start: number, end: number): Anchor | null {
    const ks = lowerBound(this.source.offsets, start);
    const ke = lowerBound(this.source.offsets, end);
    if (ke <= ks) return null;
    const want = this.source.key.slice(ks, ke);
    const before = occurrences(this.source.key, want, ks);
    const inSource = before.count + occurrences(this.source.key, want, this.source.key.length, ks).count;
    const all = occurrences(this.xmlKey, want, this.xmlKey.length);
    if (!all.positions.length) return null;
    let pick: number;
    if (all.positions.length === inSource) pick = all.positions[before.count]!;
    else {
      // Not the same number of copies (text the reader adds or drops): take the one at the nearest relative place.
      const rel = ks / Math.max(1, this.source.key.length);
      pick = all.positions.reduce((best, p) =>
        Math.abs(p / this.xmlKey.length - rel) < Math.abs(best / this.xmlKey.length - rel) ? p : best,
      );
    }
    const last = pick + want.length - 1;
    // A table row is one line of the reader's text ("Cleaning<tab>The parties shall…"), so a sentence can run
    // from one cell into the next. A comment cannot sensibly span cells: try the narrower candidates instead.
    if (this.paragraphs[this.xmlPara[pick]!]!.container !== this.paragraphs[this.xmlPara[last]!]!.container) return null;
    return {
      kind: "exact",
      start: { para: this.xmlPara[pick]!, at: this.xmlAt[pick]! },
      end: { para: this.xmlPara[last]!, at: this.xmlAt[last]! + 1 },
    };
  }

  /** The anchorable paragraph at the same relative place in the XML as `sourceOffset` in the reader's text. */
  private nearestParagraph(sourceOffset: number): number {
    const rel = lowerBound(this.source.offsets, sourceOffset) / Math.max(1, this.source.key.length);
    if (!this.xmlKey.length) return this.anchorable[0]!.index;
    const k = Math.min(this.xmlKey.length - 1, Math.floor(rel * this.xmlKey.length));
    return this.xmlPara[k]!;
  }
}

function concat(parts: readonly Int32Array[], length: number): Int32Array {
  const out = new Int32Array(length);
  let n = 0;
  for (const p of parts) {
    out.set(p, n);
    n += p.length;
  }
  return out;
}

/** Positions of `needle` in `hay` starting before `limit` (from `from`), overlapping ones included. */
function occurrences(hay: string, needle: string, limit: number, from = 0): { count: number; positions: number[] } {
  const positions: number[] = [];
  for (let i = hay.indexOf(needle, from); i >= 0 && i < limit; i = hay.indexOf(needle, i + 1)) positions.push(i);
  return { count: positions.length, positions };
}
