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
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
  "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
  "\u2010": "-", "\u2011": "-",
  "\u2028": "\n", "\u2029": "\n", "\f": "\n", "\v": "\n",
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
}

export function normalise(source: string, options: NormaliseOptions = {}): Normalised {
  const out: string[] = [];
  const map: number[] = [];
  let changed = false;
  const blanks = [...(options.blank ?? [])].sort((a, b) => a.start - b.start);
  let blankIndex = 0;
  for (let i = 0; i < source.length; i++) {
    while (blankIndex < blanks.length && blanks[blankIndex]!.end <= i) blankIndex++;
    const blank = blanks[blankIndex];
    let ch = source[i]!;
    if (options.drop?.has(i)) {
      changed = true;
      continue;
    }
    if (blank && i >= blank.start && i < blank.end) {
      changed = true;
      if (ch !== "\n") ch = " ";
      out.push(ch);
      map.push(i);
      continue;
    }
    if (ch === "\r") {
      changed = true;
      if (source[i + 1] === "\n") continue; // the "\n" that follows stands for both
      out.push("\n");
      map.push(i);
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = source.charCodeAt(i + 1);
      const pair = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      if (!pair) {
        // A lone surrogate cannot be printed or encoded; keep the offset, drop the character.
        changed = true;
        out.push("\ufffd");
        map.push(i);
        continue;
      }
      out.push(ch, source[i + 1]!);
      map.push(i, i + 1);
      i++;
      continue;
    }
    if (DROP.test(ch)) {
      changed = true;
      continue;
    }
    const replacement = REPLACE[ch] ?? (CONTROL.test(ch) ? " " : undefined);
    if (replacement !== undefined) {
      changed = true;
      out.push(replacement);
    } else out.push(ch);
    map.push(i);
  }
  map.push(source.length);
  const text = out.join("");
  return { text, map: changed ? Uint32Array.from(map) : null };
}

/** Source offset for a normalised offset. */
export function toSourceOffset(map: Uint32Array | null, offset: number): number {
  if (!map) return offset;
  const clamped = Math.max(0, Math.min(offset, map.length - 1));
  return map[clamped]!;
}
