import { resolve } from "node:path";
import { Option } from "commander";
import { SEVERITIES, type PrincipleId, type Severity } from "../../model/finding.js";
import { hideBelow } from "../../report/filter.js";
import { boundedReadError, readRegularFile, REPORT_FILE_LIMIT } from "../../shared/bounded-read.js";
import { FORMATS, REPORTERS, type FormatName } from "../../report/index.js";
import { formatError } from "../../shared/errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { Register } from "../register.js";
import { colorWanted, errorsOnStderr, resolveConfig, settingsFrom, thresholdsFrom } from "../batch/check-run.js";
import { documentsFromJson, mergeDocuments } from "../batch/merge.js";
import { toMeta } from "../../core/meta.js";
import { buildPack } from "../batch/settings.js";
import { ThresholdCheck, collectMinScore } from "../batch/thresholds.js";
import { parseCount } from "../options.js";
import { VERSION } from "../../core/version.js";
import { terminalLine } from "../../report/sanitize.js";
import { outputClashes, outputIsInputError, writeOutput } from "../atomic-output.js";

interface MergeOptions {
  format: FormatName;
  output?: string;
  config?: string | false;
  color?: boolean;
  quiet?: boolean;
  minScore?: { overall?: number; principles: Partial<Record<PrincipleId, number>> };
  failOn?: Severity;
  maxFlags?: number;
  minSeverity?: Severity;
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
    .option("-q, --quiet", "no notes on stderr (duplicates kept once)")
    // The same gates as check, over the merged run, so a sharded CI can fail after merging.
    .option("--min-score <n|principle=n>", "exit 1 when an overall (or a principle's) score is below n (repeatable)", collectMinScore)
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when an open flag or gap of this severity or worse is found").choices([...SEVERITIES]),
    )
    .option("--max-flags <n>", "exit 1 when the merged run has more than n open flags and gaps", parseCount)
    .addOption(
      new Option("--min-severity <severity>", "show only flags and gaps of this severity or worse (thresholds still count all)").choices([
        ...SEVERITIES,
      ]),
    )
    .addHelpText(
      "after",
      "\nExample (after a CI matrix of `check --shard i/n -f json -o shard-i.json`):\n  trustlint merge shard-*.json -f sarif -o trustlint.sarif --fail-on high\n\nExit codes: 0 no threshold failed · 1 a threshold failed · 2 a report could not be read or holds a document that failed",
    )
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
  if (!opts.quiet) for (const p of duplicates) io.stderr(`trustlint: ${terminalLine(p)} appears in more than one report; kept the first\n`);
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
  const shown = documents.map((d) => hideBelow(d, opts.minSeverity));
  const text = REPORTERS[opts.format](
    { tool: { name: "trustlint", version: VERSION }, documents: shown, rules: pack.value.rules.map(toMeta) },
    { color, cwd: io.cwd },
  );
  if (opts.output) {
    const written = await writeOutput(io, opts.output, text);
    if (written) return written;
  } else io.stdout(text);
  // A merged document that failed in its shard: printed once, as check prints it.
  if (errorsOnStderr(opts.format, !opts.output))
    for (const d of documents) if (d.error) io.stderr(`trustlint: ${formatError({ ...d.error, path: d.error.path ?? d.path })}\n`);
  if (documents.some((d) => d.error)) return EXIT.ERROR;
  // Thresholds from the flags, else from the config (as check does), over every merged document.
  const thresholds = new ThresholdCheck(thresholdsFrom(cfg.value, { ...opts, rules: [], role: {}, ignore: [] }));
  for (const d of documents) thresholds.add(d);
  const reasons = thresholds.finish();
  for (const r of reasons) io.stderr(`trustlint: ${r}\n`);
  return reasons.length ? EXIT.THRESHOLD : EXIT.OK;
}
