import { Command, CommanderError } from "commander";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";
import { VERSION } from "./version.js";
import { registerCheck } from "./commands/check.js";
import { registerRules } from "./commands/rules.js";
import { registerBaseline } from "./commands/baseline.js";
import { registerMerge } from "./commands/merge.js";
import { registerPrintConfig } from "./commands/print-config.js";
import { registerCompare } from "./commands/compare.js";
import { registerExplain } from "./commands/explain.js";
import { registerInit } from "./commands/init.js";
import { registerSchema } from "./commands/schema.js";

/** A command adds itself to the program and reports its exit code through `setExit`. */
export type Register = (program: Command, io: Io, setExit: (code: ExitCode) => void) => void;

/** Each command lives in its own file under commands/; adding one is one line here. */
const COMMANDS: Register[] = [registerCheck, registerRules, registerCompare, registerExplain, registerInit, registerSchema, registerBaseline, registerMerge, registerPrintConfig];

/** Parses argv, runs the command, returns the exit code. The only code that turns errors into exit codes. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.OK;
  const program = new Command("trustlint")
    .description("Is this deal built for both sides to win? Flags win-lose contract terms, credits collaborative ones, scores the deal.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(s) })
    .showSuggestionAfterError();
  for (const register of COMMANDS) register(program, io, (code) => (exitCode = code));

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
