import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalise, type Normalised } from "../src/ingest/normalise.js";

// The per-character implementation normalise replaced (a0cd33e), kept as the reference it must agree with.
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

interface NormaliseOptions {
  /** Ranges of the source to blank out (e.g. suppression comments), replaced by spaces of the same length. */
  blank?: { start: number; end: number }[];
  /** Source offsets of characters to remove (e.g. Markdown emphasis markers). */
  drop?: Set<number>;
}

function reference(source: string, options: NormaliseOptions = {}): Normalised {
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

const ALPHABET = [
  "a",
  " ",
  "\n",
  "\r",
  "\t",
  "\u2019",
  "\u201c",
  "\u00a0",
  "\u00ad",
  "\u200b",
  "\u202e",
  "\u0007",
  "\u007f",
  "\ud83d",
  "\ude00",
  "\ud83d\ude00",
  "\f",
  "\u2028",
  "-",
];

describe("normalise without per-character maps", () => {
  it("agrees with the per-character reference on text, map, blanks and drops", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }), fc.array(fc.nat(70), { maxLength: 6 }), (parts, cuts) => {
        const source = parts.join("");
        const blank = cuts.length >= 2 ? [{ start: Math.min(cuts[0]!, cuts[1]!), end: Math.max(cuts[0]!, cuts[1]!) }] : [];
        const drop = new Set(cuts.slice(2));
        for (const options of [{}, { blank }, { drop }, { blank, drop }]) {
          const got = normalise(source, options);
          const want = reference(source, options);
          expect(got.text).toBe(want.text);
          expect(got.map ? Array.from(got.map) : null).toEqual(want.map ? Array.from(want.map) : null);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("cuts runs of spaces to three, inside a line and as indentation, and maps each kept character back", () => {
    const source = "        7.2      No action,                   case or suit may be brought\n\r\n  (a)  more than one year after.";
    const got = normalise(source, { collapseSpaces: true });
    expect(got.text).toBe("   7.2   No action,   case or suit may be brought\n\n  (a)  more than one year after.");
    for (let i = 0; i < got.text.length; i++) if (got.text[i] !== "\n") expect(source[got.map![i]!]).toBe(got.text[i]);
    // Off by default: other formats keep their spacing.
    expect(normalise("a      b").text).toBe("a      b");
  });

  it("returns a text that needs no change as it is, with no map", () => {
    const source = "1. Services. The Supplier shall clean the sites.\n";
    expect(normalise(source)).toEqual({ text: source, map: null });
  });
});
