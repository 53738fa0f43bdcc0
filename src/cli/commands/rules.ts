import { formatError } from "../../shared/errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { Register } from "../main.js";
import { loadPack } from "../rule-files.js";

export const registerRules: Register = (program, io, setExit) => {
  program
    .command("rules")
    .description("list the built-in rules and topics")
    .action(async () => {
      setExit(await runRules(io));
    });
};

async function runRules(io: Io): Promise<ExitCode> {
  const pack = await loadPack([], io.cwd);
  if (!pack.ok) {
    for (const e of pack.error) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  for (const r of pack.value.rules) io.stdout(`${r.id.padEnd(40)} ${r.kind.padEnd(8)} ${r.severity.padEnd(8)} ${r.principle}\n`);
  io.stdout(`\n${pack.value.rules.length} rules, ${pack.value.topics.length} topics\n`);
  return EXIT.OK;
}
