import type { PatternSource } from "./rule-schema.js";

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
  return { source: p.regex, flags: p.flags ?? "i" };
}

/**
 * One regex for a whole list (an alternation), so a list costs one scan. Lists whose items disagree on flags
 * are grouped by flags.
 */
export function compileList(list: readonly PatternSource[]): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const p of list) {
    const { source, flags } = patternToRegexSource(p);
    const key = [...new Set(flags)].sort().join("");
    byFlags.set(key, [...(byFlags.get(key) ?? []), source]);
  }
  return [...byFlags.entries()].map(([flags, sources]) => new RegExp(sources.map((s) => `(?:${s})`).join("|"), flags + "g"));
}

export function firstMatch(regexes: readonly RegExp[], text: string, from = 0): { index: number; text: string } | null {
  let best: { index: number; text: string } | null = null;
  for (const re of regexes) {
    re.lastIndex = from;
    const m = re.exec(text);
    if (m && (best === null || m.index < best.index)) best = { index: m.index, text: m[0] };
  }
  return best;
}

export function anyMatch(regexes: readonly RegExp[], text: string): boolean {
  for (const re of regexes) {
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
}

/** Every match of the list in `text` (at most `limit`), in order of position; overlapping matches are dropped. */
export function allMatches(regexes: readonly RegExp[], text: string, limit: number): { index: number; text: string }[] {
  const found: { index: number; text: string }[] = [];
  for (const re of regexes) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while (n < limit && (m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ index: m.index, text: m[0] });
      n++;
    }
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const out: { index: number; text: string }[] = [];
  for (const f of found) if (!out.length || f.index >= out[out.length - 1]!.index + out[out.length - 1]!.text.length) out.push(f);
  return out.slice(0, limit);
}
