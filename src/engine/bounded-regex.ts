import vm from "node:vm";
import { appError, AppErrorException } from "../shared/errors.js";

/**
 * A regex from a user rule pack, run with a time limit per match. The load-time safety check (recheck) refuses
 * what it can prove catastrophic, but a pattern marked `reviewed: true` (back-references) or one the checker
 * misjudges could still stall a batch; here such a match is stopped after `limitMs` and becomes the document's
 * `REGEX_TIMEOUT` entry, naming the rule file and the pattern, while the batch goes on.
 *
 * JavaScript cannot count a regex's steps, so the limit is on time: the match runs under `vm`'s `timeout`,
 * whose watchdog interrupts V8's regex engine. That costs a fraction of a millisecond per call (a watchdog
 * thread each time), so only user packs pay it, and a list of patterns is run under one call (see patterns.ts).
 * The built-in pack is checked once, at build time, and runs as plain regexes.
 */
export interface PatternOrigin {
  file: string;
  line?: number;
  column?: number;
}

/** Per-match limit for user patterns: far above what a sane pattern needs on a long clause. */
export const DEFAULT_MATCH_LIMIT_MS = 1000;

const context = vm.createContext(Object.create(null) as object);
const runner = new vm.Script("run()");
/** The pattern being matched inside a bounded call, for the error message. */
let running: BoundedRegExp | null = null;
/** Depth of bounded calls: nested ones (a list run in one call) run plain, under the outer limit. */
let depth = 0;

export class BoundedRegExp extends RegExp {
  readonly origin: PatternOrigin;
  readonly limitMs: number;
  constructor(source: string, flags: string, origin: PatternOrigin, limitMs = DEFAULT_MATCH_LIMIT_MS) {
    super(source, flags);
    this.origin = origin;
    this.limitMs = limitMs;
  }
  // `test`, `String.prototype.match` and friends all go through `exec`.
  override exec(text: string): RegExpExecArray | null {
    if (depth > 0) {
      noteRunning(this);
      return super.exec(text);
    }
    return bounded([this], () => super.exec(text));
  }
  // Derived regexes (split, matchAll) stay plain RegExps with the same source and flags.
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }
}

function noteRunning(re: BoundedRegExp): void {
  running = re;
}

export function isBounded(re: RegExp): re is BoundedRegExp {
  return re instanceof BoundedRegExp;
}

/**
 * Runs `work` (which matches the given regexes) under the smallest limit among the bounded ones; plain when none
 * is bounded. A match that runs past the limit throws REGEX_TIMEOUT for the pattern that was running.
 */
export function bounded<T>(regexes: readonly RegExp[], work: () => T): T {
  if (depth > 0) return work();
  let limit = Infinity;
  for (const re of regexes) if (re instanceof BoundedRegExp && re.limitMs < limit) limit = re.limitMs;
  if (limit === Infinity) return work();
  let result: T | undefined;
  (context as { run?: () => void }).run = () => {
    result = work();
  };
  depth++;
  running = null;
  try {
    runner.runInContext(context, { timeout: limit });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_SCRIPT_EXECUTION_TIMEOUT")
      throw timeoutError(running ?? (regexes.find(isBounded) as BoundedRegExp), limit);
    throw e;
  } finally {
    depth--;
    (context as { run?: () => void }).run = undefined;
  }
  return result as T;
}

function timeoutError(re: BoundedRegExp, limitMs: number): AppErrorException {
  const { file, line, column } = re.origin;
  const where = `${file}${line ? `:${line}${column ? `:${column}` : ""}` : ""}`;
  const shown = re.source.length > 80 ? `${re.source.slice(0, 80)}…` : re.source;
  return new AppErrorException(
    appError("REGEX_TIMEOUT", `the rule pattern /${shown}/ (${where}) took longer than ${limitMs} ms on one match and was stopped`, {
      hint: "the pattern backtracks catastrophically on this text: rewrite it without nested or overlapping repeats",
    }),
  );
}
