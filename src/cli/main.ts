import { Command, CommanderError, Help } from "commander";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";
import { VERSION } from "../core/version.js";

import type { Register } from "./register.js";

/**
 * Each command lives in its own file under commands/; adding one is one line here. They are imported on
 * demand because they pull in the engine, zod, yaml and the reporters: `--version` must not pay for that.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  check: async () => (await import("./commands/check.js")).registerCheck,
  rules: async () => (await import("./commands/rules.js")).registerRules,
  compare: async () => (await import("./commands/compare.js")).registerCompare,
  explain: async () => (await import("./commands/explain.js")).registerExplain,
  init: async () => (await import("./commands/init.js")).registerInit,
  schema: async () => (await import("./commands/schema.js")).registerSchema,
  baseline: async () => (await import("./commands/baseline.js")).registerBaseline,
  merge: async () => (await import("./commands/merge.js")).registerMerge,
  "print-config": async () => (await import("./commands/print-config.js")).registerPrintConfig,
  review: async () => (await import("./commands/review.js")).registerReview,
};

/**
 * The command modules a run needs: the one it names, or `check` (the default command, so `trustlint draft.md`
 * works); all of them only for the overview help, which lists every command. Loading the eight unused ones
 * cost a `check` run about 0.3 s of start-up.
 */
export function commandsFor(argv: readonly string[]): string[] {
  const first = argv[0];
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return [first];
  const wantsOverview = first === undefined || first === "help" || argv.includes("--help") || argv.includes("-h");
  return wantsOverview ? Object.keys(COMMANDS) : ["check"];
}

/** `trustlint --version` (or -V) alone: answered from package.json before any command module loads. */
function isVersionOnly(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V");
}

/** Parses argv, runs the command, returns the exit code. The only code that turns errors into exit codes. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  if (isVersionOnly(argv)) {
    io.stdout(`${VERSION}\n`);
    return EXIT.OK;
  }
  let exitCode: ExitCode = EXIT.OK;
  const program = new Command("trustlint")
    .description("Is this deal built for both sides to win? Flags win-lose contract terms, credits collaborative ones, scores the deal.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .showSuggestionAfterError()
    // Collecting options start empty; "(default: {})" and "(default: [])" tell a reader nothing.
    .configureHelp({ optionDescription: (option) => new Help().optionDescription(option).replace(/ \(default: (?:\{\}|\[\])\)/, "") })
    .addHelpText("after", HELP_FOOTER);
  const registers = await Promise.all(commandsFor(argv).map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program, io, (code) => (exitCode = code));

  // Bare `trustlint`: the overview, not a "missing argument" error.
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.OK;
  }
  const typo = await misspeltCommand(argv, io);
  if (typo) {
    io.stderr(`trustlint: unknown command '${argv[0]}' (did you mean ${typo}?)\n`);
    return EXIT.ERROR;
  }

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.OK;
      return EXIT.ERROR;
    }
    throw e;
  }
  return exitCode;
}

const HELP_FOOTER = `
Examples:
  trustlint draft.md                           check one contract (check is the default command)
  trustlint check contracts/ -f html -o report.html
  trustlint check msa.pdf --fail-on high       exit 1 when a high or critical flag is open
  trustlint check . -f compact --min-severity medium
  cat draft.md | trustlint check - --stdin-filename draft.md -f sarif
  trustlint merge shard-*.json -f sarif --fail-on high
  trustlint explain ra-indemnity-one-way

Exit codes:
  0  no threshold failed (findings alone never fail a run)
  1  a threshold failed (--fail-on, --min-score, --max-flags, compare --fail-on-regression)
  2  usage, configuration, rule-file or input error (a file could not be read or analysed)

Documentation: docs/cli.md`;

/**
 * `trustlint chek draft.md`: the first word names no command, no file or folder of that name exists, it does
 * not look like a path or glob, and it is one or two edits away from a command. Anything else stays a path for
 * the default `check` command (so `trustlint draft.md` and a file really called "chek" still work).
 */
export async function misspeltCommand(argv: readonly string[], io: Pick<Io, "stat">): Promise<string | null> {
  const first = argv[0];
  if (!first || first.startsWith("-") || Object.hasOwn(COMMANDS, first) || first === "help" || /[./\\*?[\]{}]/.test(first)) return null;
  const best = closest(first, [...Object.keys(COMMANDS), "help"]);
  if (!best) return null;
  try {
    await io.stat(first);
    return null; // a real file or folder
  } catch {
    return best;
  }
}

function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    const limit = Math.min(2, Math.floor(c.length / 3));
    if (d <= limit && d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
