/**
 * Normalisation makes rule patterns simple (straight quotes, plain spaces, "\n" line ends) while keeping an
 * offset map back to the decoded source, so a location is computed on the source and never re-searched.
 */
export interface Normalised {
  text: string;
  /** map[i] = offset in the source of output character i; map[text.length] = source length. Null if identity. */
  map: Uint32Array | null;
}

const REPLACE: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u2033": '"',
  "\u00a0": " ",
  "\u2007": " ",
  "\u202f": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u3000": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2028": "\n",
  "\u2029": "\n",
  "\f": "\n",
  "\v": "\n",
  "\t": " ",
};
// Characters that carry no text: soft hyphen, zero-width space/joiners, BOM, bidi marks and isolates.
const DROP = /[\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// Other C0 controls (not \n, \r, \t, \f, \v) and DEL become spaces so they cannot reach a terminal or regex.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;

export interface NormaliseOptions {
  /** Ranges of the source to blank out (e.g. suppression comments), replaced by spaces of the same length. */
  blank?: { start: number; end: number }[];
  /** Source offsets of characters to remove (e.g. Markdown emphasis markers). */
  drop?: Set<number>;
  /**
   * Runs of spaces are cut to three, inside a line and as its indentation. Text converted from EDGAR filings
   * pads lines to a column with runs of twenty spaces and indents wrapped lines as deep; rules measure distances
   * in characters ("within 120 characters of"), and a padded sentence would be too long for them. Three keep
   * the wide gap that tells a caption from its text ("Duties of the Supplier   The Supplier shall …") and show
   * that a line is indented.
   */
  collapseSpaces?: boolean;
}

// One table lookup per character instead of a string map and two regex tests: code → replacement code, or
// DROP_CODE (the character goes), or 0 (kept as is).
const DROP_CODE = -1;
const ACTION = new Int32Array(0x10000);
for (const [from, to] of Object.entries(REPLACE)) ACTION[from.charCodeAt(0)] = to.charCodeAt(0);
for (let c = 0; c < 0x10000; c++) {
  const ch = String.fromCharCode(c);
  if (DROP.test(ch)) ACTION[c] = DROP_CODE;
  else if (ACTION[c] === 0 && CONTROL.test(ch)) ACTION[c] = 0x20;
}
// Anything normalisation would change; a text without any is returned as it is, with no map at all.
const NEEDS_WORK = new RegExp(
  `[\r${Object.keys(REPLACE)
    .join("")
    .replace(
      /[\\\]^-]/g,
      "\\$&",
    )}${DROP.source.slice(1, -1)}${CONTROL.source.slice(1, -1)}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`,
);

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** UTF-16 code units → string, without one string per character. */
function fromCodes(codes: Uint16Array): string {
  if (LITTLE_ENDIAN) return new TextDecoder("utf-16le").decode(codes);
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

/**
 * One pass over the source into two typed arrays (output code units and their source offsets), sized once:
 * the output is never longer than the source. No per-character strings or boxed numbers, so a document costs
 * six bytes per character here however it is made; a text that needs no change costs nothing.
 */
export function normalise(source: string, options: NormaliseOptions = {}): Normalised {
  const blanks = [...(options.blank ?? [])].sort((a, b) => a.start - b.start);
  const drop = options.drop;
  const collapse = options.collapseSpaces === true;
  if (!blanks.length && !drop?.size && !NEEDS_WORK.test(source) && !(collapse && /[ \t]{4}/.test(source)))
    return { text: source, map: null };
  const n = source.length;
  const out = new Uint16Array(n);
  const map = new Uint32Array(n + 1);
  let o = 0;
  let changed = false;
  let blankIndex = 0;
  for (let i = 0; i < n; i++) {
    while (blankIndex < blanks.length && blanks[blankIndex]!.end <= i) blankIndex++;
    const blank = blanks[blankIndex];
    const code = source.charCodeAt(i);
    if (drop?.has(i)) {
      changed = true;
      continue;
    }
    if (blank && i >= blank.start && i < blank.end) {
      changed = true;
      map[o] = i;
      out[o++] = code === 10 ? 10 : 0x20;
      continue;
    }
    if (code === 13) {
      changed = true;
      if (source.charCodeAt(i + 1) === 10) continue; // the "\n" that follows stands for both
      map[o] = i;
      out[o++] = 10;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = source.charCodeAt(i + 1);
      const pair = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      if (!pair) {
        // A lone surrogate cannot be printed or encoded; keep the offset, drop the character.
        changed = true;
        map[o] = i;
        out[o++] = 0xfffd;
        continue;
      }
      map[o] = i;
      out[o++] = code;
      map[o] = i + 1;
      out[o++] = next;
      i++;
      continue;
    }
    const action = ACTION[code]!;
    if (action === DROP_CODE) {
      changed = true;
      continue;
    }
    const outCode = action === 0 ? code : action;
    if (collapse && outCode === 0x20 && o > 2 && out[o - 1] === 0x20 && out[o - 2] === 0x20 && out[o - 3] === 0x20) {
      changed = true;
      continue;
    }
    if (action !== 0) changed = true;
    map[o] = i;
    out[o++] = outCode;
  }
  map[o] = n;
  if (!changed) return { text: source, map: null };
  return { text: fromCodes(out.subarray(0, o)), map: o === n ? map : map.slice(0, o + 1) };
}

/** Source offset for a normalised offset. */
export function toSourceOffset(map: Uint32Array | null, offset: number): number {
  if (!map) return offset;
  const clamped = Math.max(0, Math.min(offset, map.length - 1));
  return map[clamped]!;
}
