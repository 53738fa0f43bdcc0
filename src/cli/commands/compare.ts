import { resolve } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { boundedReadError, readRegularFile, REPORT_FILE_LIMIT } from "../../shared/bounded-read.js";
import { compareReports, DEFAULT_REGRESSION_SEVERITY, regressionReasons } from "../../compare/compare.js";
import { SEVERITIES, type Severity } from "../../model/finding.js";
import { looksLikeJsonReport, reportFromJson } from "../../compare/from-json.js";
import type { ComparisonReport } from "../../model/comparison.js";
import type { Role } from "../../model/party.js";
import type { DocumentReport } from "../../model/report.js";
import { COMPARE_FORMATS, COMPARE_REPORTERS, type CompareFormat } from "../../report/compare.js";
import type { RulePack } from "../../engine/index.js";
import { appError, formatError, type AppError } from "../../shared/errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { Register } from "../register.js";
import { analyseBytes } from "../../core/pipeline.js";
import { loadPack } from "../../core/rule-files.js";
import { VERSION } from "../../core/version.js";
import { outputClashes, outputIsInputError, writeOutput } from "../atomic-output.js";
import { toMeta } from "../../core/meta.js";

interface CompareOptions {
  format: CompareFormat;
  output?: string;
  failOnRegression?: Severity;
  role: Record<string, Role>;
  rules: string[];
  debug?: boolean;
}

export const registerCompare: Register = (program, io, setExit) => {
  program
    .command("compare")
    .description(
      "compare two drafts (contracts, deal summaries, or JSON reports from `check -f json`): score deltas, findings resolved and introduced",
    )
    .argument("<old>", "the earlier draft")
    .argument("<new>", "the later draft")
    .addOption(new Option("-f, --format <format>", "output format").choices(COMPARE_FORMATS).default("terminal"))
    .option("-o, --output <file>", "write the comparison to a file instead of standard output")
    .addOption(
      new Option(
        "--fail-on-regression [severity]",
        `exit 1 when the new draft scores lower overall or on any principle, or introduces a flag of this severity or worse (default ${DEFAULT_REGRESSION_SEVERITY})`,
      )
        .choices(SEVERITIES)
        .preset(DEFAULT_REGRESSION_SEVERITY),
    )
    .option("--role <alias=role>", "set a party's role in both drafts, e.g. --role Acme=buyer (repeatable)", collectRole, {})
    .option("--rules <dir>", "load extra rule files from this folder (repeatable)", (v: string, p: string[]) => [...p, v], [])
    .option("--debug", "show stack traces for internal errors")
    .action(async (oldPath: string, newPath: string, opts: CompareOptions) => {
      setExit(await runCompare(oldPath, newPath, opts, io));
    });
};

function collectRole(value: string, previous: Record<string, Role>): Record<string, Role> {
  const m = /^(.+)=(buyer|supplier|unknown)$/.exec(value);
  if (!m) throw new InvalidArgumentError("expected alias=buyer|supplier, e.g. Acme=buyer");
  return { ...previous, [m[1]!.trim()]: m[2] as Role };
}

async function runCompare(oldPath: string, newPath: string, opts: CompareOptions, io: Io): Promise<ExitCode> {
  if (opts.output) {
    const clash = await outputClashes(opts.output, [oldPath, newPath], io.cwd);
    if (clash) {
      io.stderr(`trustlint: ${formatError(outputIsInputError(opts.output, clash))}\n`);
      return EXIT.ERROR;
    }
  }
  const pack = await loadPack(opts.rules, io.cwd);
  if (!pack.ok) {
    for (const e of pack.error) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const before = await loadDraft(oldPath, pack.value, opts, io);
  const after = await loadDraft(newPath, pack.value, opts, io);
  const failed = [before, after].filter((x): x is { error: AppError } => "error" in x);
  if (failed.length) {
    for (const f of failed) io.stderr(`trustlint: ${formatError(f.error)}\n`);
    return EXIT.ERROR;
  }
  const oldDoc = (before as { doc: DocumentReport }).doc;
  const newDoc = (after as { doc: DocumentReport }).doc;
  const report: ComparisonReport = {
    tool: { name: "trustlint", version: VERSION },
    comparison: compareReports(oldDoc, newDoc),
    rules: pack.value.rules.map(toMeta),
  };
  const text = COMPARE_REPORTERS[opts.format](report);
  if (opts.output) {
    const written = await writeOutput(io, opts.output, text);
    if (written) return written;
  } else io.stdout(text);
  if (opts.failOnRegression) {
    const reasons = regressionReasons(report.comparison, opts.failOnRegression);
    if (reasons.length) {
      io.stderr(`trustlint: regression: ${reasons.join("; ")}\n`);
      return EXIT.THRESHOLD;
    }
  }
  return EXIT.OK;
}

/** A draft is a contract or deal summary (analysed now) or a saved JSON report (read back). */
async function loadDraft(
  path: string,
  pack: RulePack,
  opts: CompareOptions,
  io: Io,
): Promise<{ doc: DocumentReport } | { error: AppError }> {
  // Regular files only, read with a bound: `compare /dev/zero x` or a FIFO is refused at once. The bound is
  // the report limit (a saved report can be large); a contract is then held to --max-size by ingest.
  const read = await readRegularFile(resolve(io.cwd, path), REPORT_FILE_LIMIT);
  if (!read.ok) return { error: boundedReadError(path, "file", read) };
  const bytes = read.bytes;
  const head = new TextDecoder().decode(bytes.subarray(0, 2000));
  if (/\.json$/i.test(path) || looksLikeJsonReport(head)) {
    const parsed = reportFromJson(path, new TextDecoder().decode(bytes));
    if (!parsed.ok) return { error: parsed.error };
    if (parsed.value.length !== 1)
      return {
        error: appError("USAGE", `the report holds ${parsed.value.length} documents; compare needs a report of exactly one`, { path }),
      };
    const doc = parsed.value[0]!;
    if (!doc.score)
      return { error: appError("INPUT_UNSUPPORTED_FORMAT", "the report's document has no score (it failed to analyse)", { path }) };
    return { doc };
  }
  const doc = await analyseBytes(path, bytes, pack, { roleOverrides: opts.role, debug: opts.debug });
  if (doc.error || !doc.score) return { error: doc.error ?? appError("INTERNAL", "no score", { path }) };
  return { doc };
}
