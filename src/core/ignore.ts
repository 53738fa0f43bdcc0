/**
 * Ignore patterns (`.trustlintignore`, `--ignore`, config `ignore:`), gitignore-flavoured: `#` comments, a
 * pattern without a slash matches at any depth, a trailing slash means "this folder and everything in it", a
 * leading slash anchors at the working directory. Matching is done here (not by globbing the disk) so the same
 * rules apply to files named explicitly on the command line, as in a pre-commit hook.
 */
import { appError, type AppError } from "../shared/errors.js";

export type IgnoreMatcher = (relativePath: string) => boolean;

export function parseIgnoreFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

export function compileIgnore(patterns: readonly string[]): IgnoreMatcher {
  const compiled = patterns.map(compilePattern);
  if (!compiled.length) return () => false;
  return (path) => {
    const p = path.replace(/\\/g, "/").replace(/^\.\//, "");
    return compiled.some((c) => c.some((alt) => matches(alt, p)));
  };
}

/** The patterns' errors (a reversed range `[z-a]`, too many `{}` alternatives) as USAGE errors; empty when all compile. */
export function ignoreErrors(patterns: readonly string[]): AppError[] {
  const errors: AppError[] = [];
  for (const p of patterns) {
    try {
      compilePattern(p);
    } catch (e) {
      if (e instanceof GlobError)
        errors.push(appError("USAGE", `bad ignore pattern '${p}': ${e.message}`, { hint: "gitignore syntax: *, **, ?, [a-z], {a,b}" }));
      else throw e;
    }
  }
  return errors;
}

/**
 * Matching is a simulation of the pattern as a set of states (no regex, no backtracking), so its time is at
 * most path length × pattern length whatever the pattern: `*a*a*a*a*a*a*a*a*b` against a long name ran past
 * 60 s as a regex, and eight `**` folder steps before `zzz` on a deep tree 41 s.
 */
class GlobError extends Error {}

type Token =
  | { t: "char"; c: string }
  | { t: "one" } // ?
  | { t: "star" } // * within one folder
  | { t: "dirs" } // **/ : zero or more whole folders
  | { t: "all" } // trailing ** : anything
  | { t: "class"; negate: boolean; ranges: [number, number][] };

interface Compiled {
  tokens: Token[];
  anchored: boolean;
}

const MAX_PATTERN = 1000;
const MAX_ALTERNATIVES = 256;

function compilePattern(pattern: string): Compiled[] {
  if (pattern.length > MAX_PATTERN) throw new GlobError(`longer than ${MAX_PATTERN} characters`);
  let p = pattern.replace(/\\/g, "/");
  if (p.endsWith("/")) p = p.slice(0, -1); // a folder takes everything inside it anyway
  const anchored = p.startsWith("/") || p.slice(0, -1).includes("/");
  p = p.replace(/^\.?\//, "");
  let alternatives: Token[][] = [[]];
  const push = (...tokens: Token[]) => alternatives.forEach((a) => a.push(...tokens));
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === "*" && p[i + 1] === "*") {
      if (p[i + 2] === "/") {
        // Repeated `**/` mean the same as one.
        for (const a of alternatives) if (a[a.length - 1]?.t !== "dirs") a.push({ t: "dirs" });
        i += 2;
      } else {
        push({ t: "all" });
        i += 1;
      }
    } else if (ch === "*") {
      for (const a of alternatives) if (a[a.length - 1]?.t !== "star") a.push({ t: "star" });
    } else if (ch === "?") push({ t: "one" });
    else if (ch === "[" && p.indexOf("]", i + 1) > i) {
      const close = p.indexOf("]", i + 1);
      push(parseClass(p.slice(i + 1, close)));
      i = close;
    } else if (ch === "{" && p.indexOf("}", i + 1) > i) {
      const close = p.indexOf("}", i + 1);
      const options = p.slice(i + 1, close).split(",");
      if (alternatives.length * options.length > MAX_ALTERNATIVES) throw new GlobError(`more than ${MAX_ALTERNATIVES} {…} alternatives`);
      alternatives = alternatives.flatMap((a) => options.map((o) => [...a, ...[...o].map((c): Token => ({ t: "char", c }))]));
      i = close;
    } else push({ t: "char", c: ch });
  }
  return alternatives.map((tokens) => ({ tokens, anchored }));
}

function parseClass(body: string): Token {
  const negate = body.startsWith("!") || body.startsWith("^");
  const chars = [...(negate ? body.slice(1) : body)];
  const ranges: [number, number][] = [];
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!.codePointAt(0)!;
    if (chars[i + 1] === "-" && i + 2 < chars.length) {
      const b = chars[i + 2]!.codePointAt(0)!;
      if (b < a) throw new GlobError(`range ${chars[i]}-${chars[i + 2]} is out of order`);
      ranges.push([a, b]);
      i += 2;
    } else ranges.push([a, a]);
  }
  if (!ranges.length) throw new GlobError("empty character class []");
  return { t: "class", negate, ranges };
}

function inClass(token: Extract<Token, { t: "class" }>, code: number): boolean {
  const hit = token.ranges.some(([a, b]) => code >= a && code <= b);
  return token.negate ? !hit : hit;
}

/**
 * Full match of the path: `(any folders/)? pattern (/anything)?` — unanchored patterns may start after any
 * `/`, and a matched folder takes everything below it.
 */
function matches({ tokens, anchored }: Compiled, path: string): boolean {
  const n = tokens.length;
  // States 0..n: before token i (n = done). States n+1+i: inside a `**/` at i, which must end with a `/`.
  const size = 2 * n + 1;
  let current = new Uint8Array(size);
  let next = new Uint8Array(size);
  const close = (set: Uint8Array): void => {
    // ε-moves: star, dirs and all may match nothing.
    for (let i = 0; i < n; i++)
      if (set[i] && (tokens[i]!.t === "star" || tokens[i]!.t === "dirs" || tokens[i]!.t === "all")) set[i + 1] = 1;
  };
  current[0] = 1;
  close(current);
  for (let k = 0; k < path.length; k++) {
    // A folder matched in full: the rest of the path is inside it.
    if (current[n] && path[k] === "/") return true;
    const ch = path[k]!;
    const code = path.codePointAt(k)!;
    next.fill(0);
    for (let i = 0; i < n; i++) {
      const tok = tokens[i]!;
      if (tok.t === "dirs" && (current[i] || current[n + 1 + i])) {
        next[n + 1 + i] = 1;
        if (ch === "/") next[i + 1] = 1;
        continue;
      }
      if (!current[i]) continue;
      switch (tok.t) {
        case "char":
          if (tok.c === ch) next[i + 1] = 1;
          break;
        case "one":
          if (ch !== "/") next[i + 1] = 1;
          break;
        case "class":
          if (ch !== "/" && inClass(tok, code)) next[i + 1] = 1;
          break;
        case "star":
          if (ch !== "/") next[i] = 1;
          break;
        case "all":
          next[i] = 1;
          break;
      }
    }
    // Unanchored: the pattern may also start right after this slash.
    if (!anchored && ch === "/") next[0] = 1;
    close(next);
    [current, next] = [next, current];
  }
  return current[n] === 1;
}
