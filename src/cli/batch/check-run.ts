import { resolve } from "node:path";
import type { Role } from "../../model/party.js";
import type { DocumentReport, Report } from "../../model/report.js";
import { FORMATS, REPORTERS, type FormatName } from "../../report/index.js";
import { hideBelow } from "../../report/filter.js";
import { STREAMING } from "../../report/stream.js";
import { appError, formatError, isAppErrorException, type AppError } from "../../shared/errors.js";
import { outputClashes, outputIsInputError } from "../atomic-output.js";
import { terminalLine } from "../../report/sanitize.js";
import { BASELINE_FILE_LIMIT, boundedReadError, readRegularFile } from "../../shared/bounded-read.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io, OutputFile } from "../io.js";
import { VERSION } from "../../core/version.js";
import { BaselineMatcher, baselineEntries, parseBaseline, renderBaseline, type BaselineEntry } from "./baseline.js";
import { matchingEntry, unknownSuppressionRules } from "../../core/config-suppress.js";
import { discoverConfig, EMPTY_CONFIG, loadConfigFile, type LoadedConfig } from "./config.js";
import { expandInputs } from "./expand.js";
import { Progress } from "./progress.js";
import { runBatch, type Concurrency } from "./run.js";
import { buildPack, type AnalysisSettings } from "./settings.js";
import { chooseWeights } from "./weights.js";
import { packPolicy, type RulePack } from "../../engine/index.js";
import { selectShard, type Shard } from "./shard.js";
import { ThresholdCheck, type Thresholds } from "./thresholds.js";
import { toMeta } from "../../core/meta.js";
import type { PrincipleId, Severity } from "../../model/finding.js";
import type { InputFlags } from "../input-options.js";

/** Options of `check` (and `baseline`), as commander hands them over. Declared once, in options.ts and commands/check.ts. */
export interface BatchOptions extends InputFlags {
  /** A weight preset of the rule pack (checked once the pack is loaded). */
  preset?: string;
  format?: FormatName;
  output?: string;
  minScore?: { overall?: number; principles: Partial<Record<PrincipleId, number>> };
  failOn?: Severity;
  maxFlags?: number;
  /** Show only flags and gaps of this severity or worse (scores and thresholds still count all). */
  minSeverity?: Severity;
  role: Record<string, Role>;
  rules: string[];
  config?: string | false;
  ignore: string[];
  concurrency?: Concurrency;
  shard?: Shard;
  baseline?: string;
  quiet?: boolean;
  timeout?: number;
  color?: boolean;
  explainScore?: boolean;
  debug?: boolean;
}

const MACHINE_FORMATS = new Set(["json", "sarif", "csv", "github", "compact"]);

/** Config from --config, or discovered from the working directory upwards, or none with --no-config. */
export async function resolveConfig(config: string | false | undefined, io: Io): Promise<{ value: LoadedConfig } | { errors: AppError[] }> {
  if (config === false) return { value: EMPTY_CONFIG };
  const file = config ? resolve(io.cwd, config) : await discoverConfig(io.cwd);
  if (!file) return { value: EMPTY_CONFIG };
  const loaded = await loadConfigFile(file, config || file);
  return loaded.ok ? { value: loaded.value } : { errors: loaded.error };
}

/**
 * Flags win over the config file; the config file wins over defaults. The weights are not set here: a preset
 * name means something only in a loaded pack (see withWeights).
 */
export function settingsFrom(
  config: LoadedConfig,
  opts: Pick<BatchOptions, "rules" | "role" | "debug" | "timeout" | "password" | "stdinFormat" | "maxSize" | "stdinFilename">,
  cwd: string,
): AnalysisSettings {
  return {
    cwd,
    rulesDirs: [...config["rule-folders"], ...opts.rules.map((d) => resolve(cwd, d))],
    builtin: config.extends !== "none",
    ruleOverrides: config.rules,
    analyse: {
      roleOverrides: { ...config.roles, ...opts.role },
      debug: opts.debug,
      timeoutMs: opts.timeout,
      ...(config.suppress.length ? { suppress: { entries: config.suppress, cwd } } : {}),
    },
    input: {
      password: opts.password,
      stdinFormat: opts.stdinFormat,
      maxSize: opts.maxSize,
      ...(opts.stdinFilename ? { stdinFilename: opts.stdinFilename } : {}),
    },
  };
}

/** The settings with the weights chosen (--preset, else the config's weights, else the pack's default preset). */
export function withWeights(
  settings: AnalysisSettings,
  pack: RulePack,
  preset: string | undefined,
  config: LoadedConfig,
): { value: AnalysisSettings } | { errors: AppError[] } {
  const weights = chooseWeights(packPolicy(pack).score, preset, config);
  if (!weights.ok) return { errors: weights.error };
  return { value: weights.value ? { ...settings, analyse: { ...settings.analyse, weights: weights.value } } : settings };
}

export function thresholdsFrom(config: LoadedConfig, opts: BatchOptions): Thresholds {
  const c = config["min-score"];
  const fromConfig =
    typeof c === "number"
      ? { overall: c, principles: {} }
      : { overall: c?.overall, principles: Object.fromEntries(Object.entries(c ?? {}).filter(([k]) => k !== "overall")) };
  return {
    minScore: opts.minScore?.overall ?? fromConfig.overall,
    minPrinciple: { ...fromConfig.principles, ...(opts.minScore?.principles ?? {}) },
    failOn: opts.failOn ?? config["fail-on"],
    maxFlags: opts.maxFlags ?? config["max-flags"],
  };
}

function fail(io: Io, errors: readonly AppError[]): ExitCode {
  for (const e of errors) io.stderr(`trustlint: ${formatError(e)}\n`);
  return EXIT.ERROR;
}

/**
 * `check` and `baseline` over any number of files: expand → shard → analyse (in order, maybe in workers) →
 * baseline → stream the report → thresholds. A file that fails is reported as that document's error and the
 * batch goes on.
 */
export async function runBatchCheck(
  paths: readonly string[],
  opts: BatchOptions,
  io: Io,
  mode: "check" | "baseline" = "check",
): Promise<ExitCode> {
  if (paths.filter((p) => p === "-").length > 1)
    return fail(io, [appError("USAGE", "standard input (-) can be read only once", { hint: "name - once" })]);
  if (opts.stdinFilename !== undefined && !paths.includes("-"))
    return fail(io, [appError("USAGE", "--stdin-filename names standard input, but - is not among the inputs")]);
  const cfg = await resolveConfig(opts.config, io);
  if ("errors" in cfg) return fail(io, cfg.errors);
  const config = cfg.value;
  const format = opts.format ?? (config.format as FormatName | undefined) ?? "terminal";
  if (!FORMATS.includes(format))
    return fail(io, [
      appError("CONFIG_SCHEMA", `format: unknown format '${format}' (one of ${FORMATS.join(", ")})`, { path: config.file ?? undefined }),
    ]);
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
  const badSuppressions = unknownSuppressionRules(config.suppress, new Set(pack.value.rules.map((r) => r.id)), config.file);
  if (badSuppressions.length) return fail(io, badSuppressions);
  const usedSuppressions = new Set<number>();

  const expansion = await expandInputs(paths, { cwd: io.cwd, ignore: [...config.ignore, ...opts.ignore] });
  if (expansion.errors?.length) return fail(io, expansion.errors);
  if (opts.output) {
    const clash = await outputClashes(opts.output, expansion.files, io.cwd);
    if (clash) return fail(io, [outputIsInputError(opts.output, clash)]);
  }
  const files = selectShard(expansion.files, opts.shard);
  if (!expansion.files.length)
    return fail(io, [appError("USAGE", `no files to check (${expansion.skipped} of unknown type skipped, ${expansion.ignored} ignored)`)]);

  let baseline: BaselineMatcher | null = null;
  const baselinePath = opts.baseline ? resolve(io.cwd, opts.baseline) : config.baseline;
  if (baselinePath && mode === "check") {
    // Regular files only, read with a bound: `--baseline /dev/zero` or a FIFO is refused at once.
    const read = await readRegularFile(resolve(io.cwd, baselinePath), BASELINE_FILE_LIMIT);
    if (!read.ok) return fail(io, [boundedReadError(opts.baseline ?? baselinePath, "baseline file", read)]);
    const parsed = parseBaseline(opts.baseline ?? baselinePath, new TextDecoder().decode(read.bytes));
    if (!parsed.ok) return fail(io, [parsed.error]);
    baseline = new BaselineMatcher(parsed.value, io.cwd);
  }

  const meta: Omit<Report, "documents"> = { tool: { name: "trustlint", version: VERSION }, rules: pack.value.rules.map(toMeta) };
  const toStdout = !opts.output;
  const color = format === "terminal" && toStdout && colorWanted(opts.color, io);
  const renderOptions = { color, explainScore: opts.explainScore, cwd: io.cwd };
  const showProgress = io.stderrIsTTY && !opts.quiet && !(toStdout && MACHINE_FORMATS.has(format)) && !(mode === "baseline" && toStdout);
  const progress = showProgress ? new Progress(files.length, io.stderr, Number(io.env.COLUMNS) || 80) : null;

  // A report file is opened before any analysis (an unwritable path fails at once, not after a thousand
  // contracts) and streamed into, so memory does not grow with the portfolio. It is a temporary file beside
  // the target until the end (atomic-output.ts): an interrupted run leaves the previous report as it was.
  let outFile: OutputFile | null = null;
  if (opts.output) {
    try {
      outFile = io.openOutput(opts.output);
    } catch (e) {
      if (isAppErrorException(e)) return fail(io, [e.error]);
      const code = (e as NodeJS.ErrnoException).code;
      return fail(io, [
        appError("OUTPUT_UNWRITABLE", `cannot write the report (${code ?? (e as Error).message})`, {
          path: opts.output,
          hint: "check that the folder exists and is writable",
        }),
      ]);
    }
  }
  const emit = (text: string) => {
    if (!text) return;
    if (outFile) outFile.write(text);
    else {
      progress?.clear();
      io.stdout(text);
    }
  };
  const warn = (line: string) => {
    progress?.clear();
    io.stderr(`trustlint: ${line}\n`);
  };

  const stream = mode === "check" ? STREAMING[format]?.(meta, renderOptions) : undefined;
  const buffered: DocumentReport[] = [];
  const entries: BaselineEntry[] = [];
  const thresholds = new ThresholdCheck(thresholdsFrom(config, opts));
  let errors = 0;
  if (stream) emit(stream.head());

  const run = await runBatch(files, settings, pack.value, io, opts.concurrency ?? config.concurrency ?? "auto");
  if (opts.debug) warn(`${files.length} file(s), ${run.workers ? `${run.workers} worker thread(s)` : "in-process"}`);
  for await (const raw of run.reports) {
    const d = baseline ? baseline.apply(raw) : raw;
    progress?.tick(d.path);
    if (d.error) {
      errors++;
      if (mode === "baseline" || errorsOnStderr(format, toStdout))
        for (const e of [d.error, ...(d.error.related ?? [])]) warn(formatError({ ...e, path: e.path ?? d.path }));
      if (opts.debug && d.error.detail) io.stderr(`${d.error.detail}\n`);
    }
    for (const s of d.invalidSuppressions ?? [])
      warn(
        `${terminalLine(d.path)}:${Number(s.line)}: invalid suppression ${terminalLine(s.ruleIds.join(", ")) || "(all rules)"}: ${terminalLine(s.message)}`,
      );
    for (const s of d.unusedSuppressions ?? [])
      warn(
        `${terminalLine(d.path)}:${Number(s.line)}: unused suppression ${terminalLine(s.ruleIds.join(", ")) || "(all rules)"}: nothing to suppress here`,
      );
    for (const f of d.findings)
      if (f.suppressed?.kind === "config" && settings.analyse.suppress)
        usedSuppressions.add(matchingEntry(f, d.path, settings.analyse.suppress));
    thresholds.add(d);
    if (mode === "baseline") entries.push(...baselineEntries(d, io.cwd));
    else if (stream) emit(stream.document(hideBelow(d, opts.minSeverity)));
    else buffered.push(hideBelow(d, opts.minSeverity));
  }
  progress?.clear();

  if (mode === "baseline") emit(renderBaseline(entries));
  else if (stream) emit(stream.tail());
  else emit(REPORTERS[format]({ ...meta, documents: buffered }, renderOptions));
  try {
    await outFile?.close();
  } catch (e) {
    if (!isAppErrorException(e)) throw e;
    return fail(io, [e.error]);
  }

  if (!opts.quiet && expansion.skipped) warn(`skipped ${expansion.skipped} file(s) of unknown type`);
  if (!opts.quiet)
    config.suppress.forEach((e, i) => {
      if (!usedSuppressions.has(i))
        warn(
          `${config.file}: unused suppression suppress[${i}] ${e.rule}${e.clause ? ` clause ${e.clause}` : ""}: matched no finding in this run`,
        );
    });
  if (!opts.quiet) for (const w of expansion.warnings ?? []) warn(terminalLine(w));
  if (baseline) {
    const stale = baseline.stale();
    if (stale.length) {
      warn(
        `${stale.length} stale baseline entr${stale.length === 1 ? "y" : "ies"} (the finding is gone; re-create the baseline to prune):`,
      );
      // Baseline fields are input like any other: escaped, so no ESC, OSC 52 or forged line reaches stderr.
      for (const e of stale)
        io.stderr(`  ${terminalLine(e.path)}: ${terminalLine(e.ruleId)} (was line ${Number(e.line)}) ${terminalLine(e.fingerprint)}\n`);
    }
  }
  if (errors) return EXIT.ERROR;
  if (mode === "baseline") return EXIT.OK;
  const reasons = thresholds.finish();
  for (const r of reasons) warn(r);
  return reasons.length ? EXIT.THRESHOLD : EXIT.OK;
}

/**
 * Where a document's error is printed for people, once. On stderr (`file:line:col: CODE message (hint)`) for
 * every format, except `github` written to standard output: there the `::error` annotation is the message, and
 * a second copy would show in the same log. The terminal and compact reports never repeat it (their portfolio
 * row says only "error CODE"); JSON, SARIF, CSV, HTML and Markdown also record it as data, for whoever reads
 * the report later.
 */
export function errorsOnStderr(format: string, toStdout: boolean): boolean {
  return !(format === "github" && toStdout);
}

export function colorWanted(flag: boolean | undefined, io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return flag === true;
  if (flag === false) return false;
  if (flag === true) return true;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== "0";
  return io.isTTY;
}
