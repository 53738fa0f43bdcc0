import type { RegexEntry } from "../engine/load-rules.js";
import { appError, type AppError } from "../shared/errors.js";

/**
 * User rule packs are code-like input: one regex with catastrophic backtracking can stall a batch for hours.
 * Every regex of a user pack goes through recheck (automata analysis plus fuzzing) at load time; anything it
 * does not call `safe` — vulnerable, or a pattern or flag it cannot judge, or a check that ran out of time — is
 * refused with `RULE_UNSAFE_REGEX` at the regex's own `file:line:col`.
 *
 * recheck is imported lazily (it starts a native helper process), so runs without user rules never pay for it;
 * the built-in pack is checked once by a test (tests/regex-safety.test.ts) instead of on every run.
 */

/** Per-pattern budget for the checker. A pattern it cannot clear in this time is refused, not trusted. */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * recheck's fuzzer also stops attack runs on wall-clock limits; on a loaded machine that turns safe patterns
 * into "vulnerable". With those limits off it counts steps only, so a verdict depends on the pattern, not the
 * machine; only the overall timeout stays.
 */
const PARAMS = { timeout: CHECK_TIMEOUT_MS, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, randomSeed: 0 };

export interface Verdict {
  safe: boolean;
  /** Why it was refused, in words a rule author can act on. */
  reason?: string;
  /** A verdict from the analysis (not a timeout or a failure). */
  final?: boolean;
  /** The analysis ran out of time: not a verdict on the pattern, but worth remembering (see checkRegex). */
  timedOut?: boolean;
}

type Diagnostics = {
  status: "safe" | "vulnerable" | "unknown";
  complexity?: { type: string; summary?: string };
  attack?: { pattern?: string; string?: string };
  error?: { kind: string; message?: string };
};

/** A persistent verdict store (the CLI keeps one in the user's cache folder). */
export interface VerdictCache {
  get(key: string): Verdict | undefined;
  set(key: string, verdict: Verdict): void;
}

// Same source and flags → same verdict, within a process (packs are loaded once per run, tests load many).
const memo = new Map<string, Promise<Verdict>>();
// One check at a time: recheck runs them in parallel threads, which on a small machine only makes all slow.
let queue: Promise<unknown> = Promise.resolve();

/** The key a verdict is stored under. */
export function verdictKey(source: string, flags: string): string {
  return `${flags}/${source}`;
}

export function checkRegex(source: string, flags: string, store?: VerdictCache): Promise<Verdict> {
  const key = verdictKey(source, flags);
  const stored = store?.get(key);
  if (stored) return Promise.resolve(stored);
  let hit = memo.get(key);
  if (!hit) {
    hit = queue.then(() => runCheck(source, flags));
    queue = hit.catch(() => undefined);
    memo.set(key, hit);
  }
  return hit.then((v) => {
    // Timeouts are cached too: a pattern the checker cannot decide in 10 s will not be decided on the next run
    // either, and re-trying it every time would spend a bounded CI stage on the same few patterns forever.
    if (v.final || v.timedOut) store?.set(key, v);
    return v;
  });
}

async function runCheck(source: string, flags: string): Promise<Verdict> {
  // recheck knows the flags d, g, i, m, s, u, y; the rule schema already limits user flags to i, m, s, u.
  if (/[^imsu]/.test(flags))
    return { safe: false, reason: `the safety checker cannot judge the flag(s) '${flags.replace(/[imsu]/g, "")}'`, final: true };
  let diagnostics: Diagnostics;
  try {
    const { check } = await import("recheck");
    diagnostics = (await check(source, flags, PARAMS)) as Diagnostics;
  } catch (e) {
    return { safe: false, reason: `the safety checker failed: ${(e as Error).message}` };
  }
  return verdictOf(diagnostics);
}

export function verdictOf(d: Diagnostics): Verdict {
  if (d.status === "safe") return { safe: true, final: true };
  if (d.status === "vulnerable") {
    const kind = d.complexity?.type ?? "super-linear";
    const attack = d.attack?.pattern ? `; e.g. ${truncate(d.attack.pattern, 60)} makes it backtrack` : "";
    return { safe: false, reason: `catastrophic backtracking (${kind} time)${attack}`, final: true };
  }
  const timeout = d.error?.kind === "timeout";
  const why = timeout
    ? `no verdict within ${CHECK_TIMEOUT_MS / 1000} s; bounded repeats such as {0,200} are costly to check`
    : (d.error?.message ?? d.error?.kind ?? "unknown");
  return {
    safe: false,
    reason: `the safety checker cannot judge this pattern (${why})`,
    final: !timeout,
    ...(timeout ? { timedOut: true } : {}),
  };
}

/**
 * True when the pattern holds a back-reference (`\1`…`\9`, `\k<name>`) outside a character class. recheck judged
 * `\b(\w+)\b.*\b\1\b` safe, and it took 3 min 55 s on a 1.1 MB clause: matching with back-references is not a
 * regular-language problem, so no automaton analysis can clear it. Such patterns need `reviewed: true`.
 */
export function hasBackReference(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (!inClass && (/[1-9]/.test(next) || (next === "k" && source[i + 2] === "<"))) return true;
      i++;
    } else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
  }
  return false;
}

const BACKREFERENCE: Verdict = {
  safe: false,
  reason:
    "back-references cannot be proven safe (their matching time can grow with the clause); mark the pattern `reviewed: true` if you have checked its worst case",
  final: true,
};

/** Checks every regex; returns one error per refused pattern, in input order. */
export async function unsafeRegexErrors(entries: readonly RegexEntry[], store?: VerdictCache): Promise<AppError[]> {
  const verdicts = await Promise.all(
    entries.map((e) => (hasBackReference(e.source) && !e.reviewed ? Promise.resolve(BACKREFERENCE) : checkRegex(e.source, e.flags, store))),
  );
  const errors: AppError[] = [];
  entries.forEach((e, i) => {
    const v = verdicts[i]!;
    if (v.safe) return;
    errors.push(
      appError("RULE_UNSAFE_REGEX", `regex /${truncate(e.source, 80)}/${e.flags} refused: ${v.reason}`, {
        path: e.file,
        line: e.line,
        column: e.column,
        hint: "avoid nested or overlapping quantifiers such as (a+)+ or (\\w+\\s?)*",
      }),
    );
  });
  return errors;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
