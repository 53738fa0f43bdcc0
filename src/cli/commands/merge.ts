import { resolve } from "node:path";
import { Option } from "commander";
import { boundedReadError, readRegularFile, REPORT_FILE_LIMIT } from "../../shared/bounded-read.js";
import { FORMATS, REPORTERS, type FormatName } from "../../report/index.js";
import { formatError } from "../../shared/errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { Register } from "../main.js";
import { colorWanted, resolveConfig, settingsFrom } from "../batch/check-run.js";
import { documentsFromJson, mergeDocuments } from "../batch/merge.js";
import { toMeta } from "../batch/meta.js";
import { buildPack } from "../batch/settings.js";
import { VERSION } from "../version.js";
import { terminalLine } from "../../report/sanitize.js";
import { outputClashes, outputIsInputError, writeOutput } from "../atomic-output.js";

interface MergeOptions {
  format: FormatName;
  output?: string;
  config?: string | false;
  color?: boolean;
}

export const registerMerge: Register = (program, io, setExit) => {
  program
    .command("merge")
    .description("combine JSON reports (e.g. from --shard runs) into one, in any format")
    .argument("<reports...>", "JSON reports written by trustlint check -f json")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("json"))
    .option("-o, --output <file>", "write to a file instead of standard output")
    .option("-c, --config <file>", "config whose rule pack describes the rules (SARIF)")
    .option("--no-config", "ignore .trustlintrc.yaml files")
    .option("--color", "force colour")
    .option("--no-color", "disable colour")
    .action(async (reports: string[], opts: MergeOptions) => setExit(await runMerge(reports, opts, io)));
};

async function runMerge(files: string[], opts: MergeOptions, io: Io): Promise<ExitCode> {
  if (opts.output) {
    const clash = await outputClashes(opts.output, files, io.cwd);
    if (clash) {
      io.stderr(`trustlint: ${formatError(outputIsInputError(opts.output, clash))}\n`);
      return EXIT.ERROR;
    }
  }
  const lists = [];
  for (const file of files) {
    // Regular files only, read with a bound (`merge /dev/zero` is refused at once; a 600 MB shard is named
    // as too large rather than failing to decode).
    const read = await readRegularFile(resolve(io.cwd, file), REPORT_FILE_LIMIT);
    if (!read.ok) {
      io.stderr(`trustlint: ${formatError(boundedReadError(file, "report", read))}\n`);
      return EXIT.ERROR;
    }
    const docs = documentsFromJson(file, new TextDecoder().decode(read.bytes));
    if (!docs.ok) {
      io.stderr(`trustlint: ${formatError(docs.error)}\n`);
      return EXIT.ERROR;
    }
    lists.push(docs.value);
  }
  const { documents, duplicates } = mergeDocuments(lists);
  for (const p of duplicates) io.stderr(`trustlint: ${terminalLine(p)} appears in more than one report; kept the first\n`);
  // The rules list (SARIF tool.driver.rules) comes from the same pack a check would use.
  const cfg = await resolveConfig(opts.config, io);
  if ("errors" in cfg) {
    for (const e of cfg.errors) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const pack = await buildPack(settingsFrom(cfg.value, { rules: [], role: {} }, io.cwd));
  if (!pack.ok) {
    for (const e of pack.error) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const color = opts.format === "terminal" && !opts.output && colorWanted(opts.color, io);
  const text = REPORTERS[opts.format]({ tool: { name: "trustlint", version: VERSION }, documents, rules: pack.value.rules.map(toMeta) }, { color, cwd: io.cwd });
  if (opts.output) {
    const written = await writeOutput(io, opts.output, text);
    if (written) return written;
  } else io.stdout(text);
  return documents.some((d) => d.error) ? EXIT.ERROR : EXIT.OK;
}
