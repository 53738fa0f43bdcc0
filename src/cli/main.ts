import { Command, CommanderError } from "commander";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";
import { VERSION } from "./version.js";

/** A command adds itself to the program and reports its exit code through `setExit`. */
export type Register = (program: Command, io: Io, setExit: (code: ExitCode) => void) => void;

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
    .showSuggestionAfterError();
  const registers = await Promise.all(commandsFor(argv).map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program, io, (code) => (exitCode = code));

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
