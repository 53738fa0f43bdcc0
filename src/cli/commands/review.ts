import { writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { SEVERITIES, type Severity } from "../../model/finding.js";
import { reviewBytes } from "../../review/index.js";
import { appError, formatError, type AppError } from "../../shared/errors.js";
import { BaselineMatcher, parseBaseline } from "../batch/baseline.js";
import { resolveConfig, settingsFrom, withWeights, type BatchOptions } from "../batch/check-run.js";
import { applyConfigSuppressions } from "../../core/config-suppress.js";
import { toMeta } from "../../core/meta.js";
import { readInput } from "../batch/read.js";
import { buildPack } from "../batch/settings.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { maxBytesOf } from "../input-options.js";
import type { Io } from "../io.js";
import type { Register } from "../register.js";
import { analysisOptions } from "../options.js";

/** `review`: the draft back with the findings as comments (logic in ../../review/). */
interface ReviewFlags extends BatchOptions {
  author: string;
  date?: Date;
  flagsOnly?: boolean;
  minSeverity?: Severity;
}

export const registerReview: Register = (program, io, setExit) => {
  const cmd = program
    .command("review")
    .description(
      "write the findings into the draft: a .docx comes back with Word comments, a .md or .txt as Markdown with the findings after each clause",
    )
    .argument("<file>", "the draft (.docx, .md or .txt)")
    .option("-o, --output <file>", "where to write the reviewed copy (default: <name>.reviewed.docx or .md beside the input)")
    .option("--author <name>", "author of the comments", "trustlint")
    .option("--date <iso>", "date of the comments (default SOURCE_DATE_EPOCH when set, else now)", parseDate)
    .option("--flags-only", "comment win-lose terms only, not strengths")
    .addOption(new Option("--min-severity <severity>", "comment only findings of this severity or worse").choices([...SEVERITIES]))
    .option("--baseline <file>", "accepted findings (from `trustlint baseline`): they get no comment");
  analysisOptions(cmd);
  // Batch and standard-input options mean nothing for one file written to one copy: accepted, not shown.
  for (const o of cmd.options)
    if (["--ignore", "--concurrency", "--shard", "--stdin-format", "--password"].includes(o.long ?? "")) o.hideHelp();
  cmd.action(async (file: string, opts: ReviewFlags) => {
    setExit(await runReview(file, opts, io));
  });
};

function parseDate(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError("expected an ISO date, e.g. 2026-12-01 or 2026-12-01T09:00:00Z");
  return d;
}

function fail(io: Io, errors: readonly AppError[]): ExitCode {
  for (const e of errors) io.stderr(`trustlint: ${formatError(e)}\n`);
  return EXIT.ERROR;
}

/** Comment date: --date, else SOURCE_DATE_EPOCH (reproducible builds), else now. */
export function reviewDate(flag: Date | undefined, env: Record<string, string | undefined>): Date | AppError {
  if (flag) return flag;
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) return appError("USAGE", `SOURCE_DATE_EPOCH must be a whole number of seconds, not '${epoch}'`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

export function defaultOutput(input: string, kind: "docx" | "markdown"): string {
  const name = basename(input).replace(/\.(docx|md|markdown|txt|text)$/i, "");
  return join(dirname(input), `${name}.reviewed.${kind === "docx" ? "docx" : "md"}`);
}

async function runReview(file: string, opts: ReviewFlags, io: Io): Promise<ExitCode> {
  if (file === "-") return fail(io, [appError("USAGE", "review needs a file, not standard input (it writes a copy of the file)")]);
  const cfg = await resolveConfig(opts.config, io);
  if ("errors" in cfg) return fail(io, cfg.errors);
  const config = cfg.value;
  const unweighted = settingsFrom(config, opts, io.cwd);
  const pack = await buildPack(unweighted, io.env);
  if (!pack.ok)
    return fail(
      io,
      pack.error.map((e) => ({ ...e, path: e.path ?? config.file ?? undefined })),
    );
  const weighted = withWeights(unweighted, pack.value, opts.preset, config);
  if ("errors" in weighted) return fail(io, weighted.errors);
  const settings = weighted.value;
  const date = reviewDate(opts.date, io.env);
  if (!(date instanceof Date)) return fail(io, [date]);

  let baseline: BaselineMatcher | null = null;
  const baselinePath = opts.baseline ? resolve(io.cwd, opts.baseline) : config.baseline;
  if (baselinePath) {
    let text: string;
    try {
      text = new TextDecoder().decode(await io.readFile(baselinePath));
    } catch {
      return fail(io, [appError("INPUT_NOT_FOUND", "baseline file not found", { path: opts.baseline ?? baselinePath })]);
    }
    const parsed = parseBaseline(opts.baseline ?? baselinePath, text);
    if (!parsed.ok) return fail(io, [parsed.error]);
    baseline = new BaselineMatcher(parsed.value, io.cwd);
  }

  const input = await readInput(file, io, maxBytesOf(settings.input));
  if ("error" in input) return fail(io, [input.error]);
  let result: Awaited<ReturnType<typeof reviewBytes>>;
  try {
    result = await reviewBytes(file, input.value, pack.value, {
      author: opts.author,
      date,
      flagsOnly: opts.flagsOnly,
      minSeverity: opts.minSeverity,
      rules: new Map(pack.value.rules.map((r) => [r.id, toMeta(r)])),
      roleOverrides: settings.analyse.roleOverrides,
      weights: settings.analyse.weights,
      timeoutMs: settings.analyse.timeoutMs,
      now: io.now,
      password: settings.input.password,
      maxBytes: maxBytesOf(settings.input),
      adjust: baseline ? (r) => baseline.apply(r) : undefined,
      suppressFindings: (findings, path) => applyConfigSuppressions(findings, path, settings.analyse.suppress),
    });
  } catch (e) {
    const error = e as Error;
    if (opts.debug && error.stack) io.stderr(`${error.stack}\n`);
    return fail(io, [
      appError("INTERNAL", `internal error while reviewing: ${error.message}`, {
        path: file,
        hint: "please report this with the file if you can",
      }),
    ]);
  }
  if (!result.ok) return fail(io, [result.error]);
  const { kind, bytes, report, stats } = result.value;

  const output = opts.output ?? defaultOutput(file, kind);
  if (resolve(io.cwd, output) === resolve(io.cwd, file))
    return fail(io, [
      appError("USAGE", "the reviewed copy would overwrite the draft", { path: output, hint: "choose another name with -o" }),
    ]);
  try {
    await (io.writeBytes ?? ((p: string, b: Uint8Array) => writeFile(p, b)))(resolve(io.cwd, output), bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(io, [
      appError("OUTPUT_UNWRITABLE", `cannot write the reviewed copy (${code ?? (e as Error).message})`, {
        path: output,
        hint: "check that the folder exists and is writable",
      }),
    ]);
  }
  if (!opts.quiet) {
    const warn = (line: string) => io.stderr(`trustlint: ${line}\n`);
    for (const s of report.invalidSuppressions ?? [])
      warn(`${file}:${s.line}: invalid suppression ${s.ruleIds.join(", ") || "(all rules)"}: ${s.message}`);
    for (const s of report.unusedSuppressions ?? [])
      warn(`${file}:${s.line}: unused suppression ${s.ruleIds.join(", ") || "(all rules)"}: nothing to suppress here`);
    const parts = [`${stats.comments} comment(s) and a summary`];
    if (stats.paragraphOnly) parts.push(`${stats.paragraphOnly} on a whole paragraph (exact words not found)`);
    if (stats.unplaced) parts.push(`${stats.unplaced} finding(s) with no place in the document (see the summary)`);
    if (stats.kept) parts.push(`${stats.kept} existing comment(s) kept`);
    if (stats.replaced) parts.push(`${stats.replaced} earlier trustlint comment(s) replaced`);
    warn(`wrote ${output}: ${parts.join(", ")}; index ${report.score?.overall ?? "?"}/100`);
  }
  return EXIT.OK;
}
