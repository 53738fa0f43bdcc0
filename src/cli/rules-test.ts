import type { Command } from "commander";
import { resolve } from "node:path";
import { formatError } from "../shared/errors.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";
import { BUILTIN_RULES_DIR, loadPack, readRuleDir } from "../core/rule-files.js";

/** The `test <dir>` subcommand of `trustlint rules`. */
export function registerRulesTest(rules: Command, io: Io, setExit: (code: ExitCode) => void): void {
  rules
    .command("test")
    .description("run the examples of a rule pack's topics and rules; each failure is printed as file:line:col")
    .argument("<dir>", "the rule folder (topics/ and principles/ inside it), e.g. rules")
    .action(async (dir: string) => {
      setExit(await runRulesTest(dir, io));
    });
}

export async function runRulesTest(dir: string, io: Io): Promise<ExitCode> {
  const builtin = resolve(io.cwd, dir) === BUILTIN_RULES_DIR;
  // A team pack is tested with the built-in pack loaded too: its rules may judge built-in topics.
  const pack = await loadPack(builtin ? [] : [dir], io.cwd, io.env);
  if (!pack.ok) {
    for (const e of pack.error) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const files = await readRuleDir(resolve(io.cwd, dir), io.cwd);
  // Loaded here, not at start-up: listing the rules needs neither the reader nor the engine.
  const { exampleChecks } = await import("./rule-examples.js");
  const checks = exampleChecks(pack.value, files);
  let failed = 0;
  for (const check of checks) {
    const why = check.run();
    if (why === null) continue;
    failed++;
    io.stdout(`${check.file}${check.line ? `:${check.line}${check.column ? `:${check.column}` : ""}` : ""}: ${why}\n`);
  }
  io.stdout(`${checks.length - failed} passed, ${failed} failed\n`);
  return failed ? EXIT.THRESHOLD : EXIT.OK;
}
