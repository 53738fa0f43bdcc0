import { BoundedRegExp, bounded, type PatternOrigin } from "./bounded-regex.js";
import type { PatternSource } from "./rule-schema.js";
import { admitCompanyStops } from "../shared/company-stops.js";

/**
 * Phrase → regex source: case-insensitive whole words, any run of whitespace between words, `*` = word suffix,
 * and an optional trailing "s"/"'s" is NOT added implicitly (write "indemnif*" when you mean all forms).
 */
export function phraseToRegex(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const body = words
    .map((w) =>
      // A lone "*" is one whole word: "+" not "*", or the whitespace runs on both sides overlap and backtrack
      // quadratically on long runs of spaces (recheck flags "hold * harmless" otherwise).
      w === "*"
        ? "[\\w-]+"
        : w
            .split("*")
            .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
            .join("[\\w-]*"),
    )
    .join("[\\s\\n]+");
  const startBoundary = /^\w/.test(phrase.trim()) ? "\\b" : "";
  const endBoundary = /[\w*]$/.test(phrase.trim()) ? "(?![\\w])" : "";
  return `${startBoundary}${body}${endBoundary}`;
}

export function patternToRegexSource(p: PatternSource): { source: string; flags: string } {
  if (typeof p === "string") return { source: phraseToRegex(p), flags: "i" };
  return { source: admitCompanyStops(p.regex), flags: p.flags ?? "i" };
}

/**
 * A list's regexes. A pattern with a back-reference or a named group, and every pattern of a user pack (`origin`
 * given: each runs with a time limit, and a timeout must name its pattern), is compiled on its own: joined into
 * an alternation, its `\1` would point at another pattern's group. Neighbouring other patterns of a list with the
 * same flags are joined into one alternation, in list order: none has a group that anything refers to, so joining
 * cannot change a match (docs/rules.md, "How a pattern list is compiled"), and analysing CUAD texts took 2.6×
 * less CPU with the built-in lists joined than with one regex per pattern (measured 2026-12-02). The list
 * functions below treat the result as one alternation of the whole list.
 */
export function compileList(list: readonly PatternSource[], origin?: (index: number) => PatternOrigin | null, limitMs?: number): RegExp[] {
  const slots: (RegExp | { flags: string; sources: string[] })[] = [];
  list.forEach((p, i) => {
    const { source, flags } = patternToRegexSource(p);
    const where = origin?.(i);
    if (where) slots.push(new BoundedRegExp(source, flags + "g", where, limitMs));
    else if (REFERABLE_GROUP.test(source)) slots.push(new RegExp(source, flags + "g"));
    else {
      // Only neighbours are joined, so the slots keep the list's order (which decides ties at one position).
      const key = [...new Set(flags)].sort().join("");
      const last = slots[slots.length - 1];
      if (last && !(last instanceof RegExp) && last.flags === key && joinedLength(last.sources) + source.length + 5 <= JOINED_SOURCE_LIMIT)
        last.sources.push(source);
      else slots.push({ flags: key, sources: [source] });
    }
  });
  return slots.map((s) =>
    s instanceof RegExp
      ? s
      : new RegExp(s.sources.length === 1 ? s.sources[0]! : s.sources.map((x) => `(?:${x})`).join("|"), s.flags + "g"),
  );
}

/**
 * The longest source a joined alternation may reach. V8 stops optimising a regex whose source is longer than
 * 20 KiB (`kRegExpTooLargeToOptimize`): one such list ran 200 times slower on plain text once a single pattern
 * pushed it past the line, while the same patterns split in two ran as fast as before. A list longer than this is
 * joined into several alternations, in order, which `firstMatch` reads as one.
 */
export const JOINED_SOURCE_LIMIT = 16_000;

function joinedLength(sources: readonly string[]): number {
  return sources.reduce((n, s) => n + s.length + 5, 0);
}

/** A back-reference (`\1`…`\9`, `\k<…>`) or a named group: a pattern that must keep its own group numbers. */
const REFERABLE_GROUP = /\\[1-9k]|\(\?<(?![=!])/;

/**
 * The earliest match of any regex from `from`; at equal positions the first regex in the list wins, as the
 * first branch of an alternation would.
 */
export function firstMatch(regexes: readonly RegExp[], text: string, from = 0): { index: number; text: string } | null {
  return bounded(regexes, () => {
    let best: { index: number; text: string } | null = null;
    for (const re of regexes) {
      re.lastIndex = from;
      const m = re.exec(text);
      if (m && (best === null || m.index < best.index)) best = { index: m.index, text: m[0] };
    }
    return best;
  });
}

export function anyMatch(regexes: readonly RegExp[], text: string): boolean {
  return bounded(regexes, () => {
    for (const re of regexes) {
      re.lastIndex = 0;
      if (re.test(text)) return true;
    }
    return false;
  });
}

/**
 * Every match of the list in `text` (at most `limit`), in order of position, without overlaps: the matches an
 * alternation of the list would give (the leftmost; at one position the first pattern's; the next search starts
 * where the last match ended). Each regex's next match is kept until the scan passes it.
 */
export function allMatches(regexes: readonly RegExp[], text: string, limit: number): { index: number; text: string }[] {
  return bounded(regexes, () => {
    const out: { index: number; text: string }[] = [];
    const next: (RegExpExecArray | null | undefined)[] = regexes.map(() => undefined);
    let pos = 0;
    while (out.length < limit && pos <= text.length) {
      let best: RegExpExecArray | null = null;
      for (let i = 0; i < regexes.length; i++) {
        let m = next[i];
        if (m === undefined || (m !== null && m.index < pos)) {
          const re = regexes[i]!;
          re.lastIndex = pos;
          m = re.exec(text);
          next[i] = m;
        }
        if (m && (best === null || m.index < best.index)) best = m;
      }
      if (!best) break;
      if (best[0].length === 0) {
        // An empty match is skipped, as before: move one character on.
        pos = best.index + 1;
        continue;
      }
      out.push({ index: best.index, text: best[0] });
      pos = best.index + best[0].length;
    }
    return out;
  });
}

/**
 * Replaces each `{name}` in a regex source by its fragment, wrapped in `(?:…)` so it acts as one unit (an
 * alternation stays inside it, a quantifier after it repeats all of it). A fragment may use other fragments.
 * `{` followed by a digit is a quantifier as usual; `\{` and braces inside `[...]` are literal. Returns the name
 * of the first unknown (or circular) fragment instead of a source.
 */
export function expandFragments(
  source: string,
  fragments: Readonly<Record<string, string>>,
  using: readonly string[] = [],
): { ok: true; source: string } | { ok: false; name: string; circular: boolean } {
  if (!source.includes("{")) return { ok: true, source };
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") inClass = true;
    if (c === "{") {
      const ref = /^\{([a-z][a-z0-9-]*)\}/.exec(source.slice(i, i + 66));
      if (ref) {
        const name = ref[1]!;
        if (!Object.hasOwn(fragments, name) || using.includes(name)) return { ok: false, name, circular: using.includes(name) };
        const inner = expandFragments(fragments[name]!, fragments, [...using, name]);
        if (!inner.ok) return inner;
        out += `(?:${inner.source})`;
        i += ref[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return { ok: true, source: out };
}
