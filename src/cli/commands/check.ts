import { InvalidArgumentError, Option } from "commander";
import { SEVERITIES, severityRank, type Severity } from "../../model/finding.js";
import type { Role } from "../../model/party.js";
import type { DocumentReport, Report } from "../../model/report.js";
import type { RuleMeta } from "../../model/rule.js";
import type { LoadedRule } from "../../engine/load-rules.js";
import { FORMATS, REPORTERS, type FormatName } from "../../report/index.js";
import { formatError } from "../../shared/errors.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { Register } from "../main.js";
import { analyseBytes, DEFAULT_TIMEOUT_MS } from "../pipeline.js";
import { DEFAULT_MAX_MB, STDIN_FORMATS, inputOptions, maxBytesOf, parseMaxSize, type InputFlags } from "../input-options.js";
import { sizeError } from "../../ingest/index.js";
import { loadPack } from "../rule-files.js";
import { VERSION } from "../version.js";
import { PRESET_NAMES, WEIGHT_PRESETS, type PresetName } from "../../score/weights.js";

export interface CheckOptions extends InputFlags {
  format: FormatName;
  output?: string;
  minScore?: number;
  failOn?: Severity;
  role: Record<string, Role>;
  rules: string[];
  color?: boolean;
  explainScore?: boolean;
  debug?: boolean;
  preset: PresetName;
  timeout: number;
}

export const registerCheck: Register = (program, io, setExit) => {
  program
    .command("check", { isDefault: true })
    .description("analyse contracts (.txt, .md, .pdf, .docx, .html) and deal summaries (.yaml) and print a collaboration report")
    .argument("<paths...>", "files to check; - reads standard input")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("terminal"))
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("--min-score <n>", "exit 1 when a document's overall score is below n", parseScore)
    .addOption(new Option("--fail-on <severity>", "exit 1 when a flag or gap of this severity or worse is found").choices([...SEVERITIES]))
    .option("--role <alias=role>", "set a party's role, e.g. --role Acme=buyer (repeatable)", collectRole, {})
    .option("--rules <dir>", "load extra rule files from this folder (repeatable)", collect, [])
    .option("--explain-score", "print the score arithmetic per principle")
    .addOption(new Option("--preset <name>", "principle weights for the overall index").choices(PRESET_NAMES).default("relational"))
    .option("--color", "force colour")
    .option("--no-color", "disable colour")
    .option("--debug", "show stack traces for internal errors")
    .option("--timeout <ms>", "give up on a document after this many milliseconds (0 = no limit)", parseTimeout, DEFAULT_TIMEOUT_MS)
    .option("--password <pw>", "password that opens encrypted PDFs")
    .addOption(new Option("--stdin-format <format>", "format of standard input when its content does not tell").choices(STDIN_FORMATS))
    .option("--max-size <MB>", `refuse inputs larger than this (default ${DEFAULT_MAX_MB})`, parseMaxSize)
    .action(async (paths: string[], opts: CheckOptions) => {
      setExit(await runCheck(paths, opts, io));
    });
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function collectRole(value: string, previous: Record<string, Role>): Record<string, Role> {
  const m = /^(.+)=(buyer|supplier|unknown)$/.exec(value);
  if (!m) throw new InvalidArgumentError("expected alias=buyer|supplier, e.g. Acme=buyer");
  return { ...previous, [m[1]!.trim()]: m[2] as Role };
}

function parseTimeout(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number of milliseconds, 0 for no limit");
  return n;
}

function parseScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError("expected a number from 0 to 100");
  return n;
}

async function runCheck(paths: string[], opts: CheckOptions, io: Io): Promise<ExitCode> {
  const pack = await loadPack(opts.rules, io.cwd, io.env);
  if (!pack.ok) {
    for (const e of pack.error) io.stderr(`trustlint: ${formatError(e)}\n`);
    return EXIT.ERROR;
  }
  const documents: DocumentReport[] = [];
  let stdinUsed = false;
  for (const path of paths) {
    const bytes = await readInput(path, io, stdinUsed, maxBytesOf(opts));
    if (path === "-") stdinUsed = true;
    if ("error" in bytes) {
      documents.push({ path, format: null, error: bytes.error, parties: [], score: null, facts: [], findings: [] });
      continue;
    }
    documents.push(
      await analyseBytes(path, bytes.value, pack.value, {
        roleOverrides: opts.role,
        debug: opts.debug,
        timeoutMs: opts.timeout,
        now: io.now,
        weights: WEIGHT_PRESETS[opts.preset],
        ...inputOptions(path, opts),
      }),
    );
  }
  const report: Report = { tool: { name: "trustlint", version: VERSION }, documents, rules: pack.value.rules.map(toMeta) };
  const color = opts.format === "terminal" && !opts.output && colorWanted(opts.color, io);
  const text = REPORTERS[opts.format](report, { color, explainScore: opts.explainScore, cwd: io.cwd });
  if (opts.output) await io.writeFile(opts.output, text);
  else io.stdout(text);

  let code: ExitCode = EXIT.OK;
  for (const d of documents) {
    if (d.error) {
      io.stderr(`trustlint: ${formatError({ ...d.error, path: d.error.path ?? d.path })}\n`);
      if (opts.debug && d.error.detail) io.stderr(`${d.error.detail}\n`);
      code = EXIT.ERROR;
    }
  }
  if (code === EXIT.ERROR) return code;
  const reasons = thresholdFailures(documents, opts);
  for (const r of reasons) io.stderr(`trustlint: ${r}\n`);
  return reasons.length ? EXIT.THRESHOLD : EXIT.OK;
}

export function thresholdFailures(documents: readonly DocumentReport[], opts: Pick<CheckOptions, "minScore" | "failOn">): string[] {
  const reasons: string[] = [];
  for (const d of documents) {
    if (!d.score) continue;
    if (opts.minScore !== undefined && d.score.overall < opts.minScore) reasons.push(`${d.path}: overall score ${d.score.overall} is below --min-score ${opts.minScore}`);
    if (opts.failOn) {
      const limit = severityRank(opts.failOn);
      const hits = d.findings.filter((f) => f.kind !== "strength" && !f.suppressed && severityRank(f.severity) >= limit);
      if (hits.length) reasons.push(`${d.path}: ${hits.length} finding(s) at or above --fail-on ${opts.failOn}`);
    }
  }
  return reasons;
}

const ERRNO_MESSAGES: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many levels of symbolic links (a link loop?)",
  EISDIR: "is a directory, not a file",
  ENAMETOOLONG: "file name too long",
  EMFILE: "too many open files",
  EIO: "input/output error",
};

async function readInput(path: string, io: Io, stdinUsed: boolean, maxBytes: number): Promise<{ value: Uint8Array } | { error: DocumentReport["error"] & object }> {
  if (path === "-") {
    if (stdinUsed) return { error: { code: "USAGE", message: "standard input can be read only once", path } };
    const bytes = await io.readStdin();
    const tooLarge = sizeError(path, bytes.length, maxBytes);
    return tooLarge ? { error: tooLarge } : { value: bytes };
  }
  try {
    const s = await io.stat(path);
    if (s.isDirectory) return { error: { code: "INPUT_IS_DIRECTORY", message: "is a directory, not a file", path } };
    // Devices and sockets never end (/dev/zero) or block (/dev/tty): refuse them rather than hang.
    if (!s.isFile) return { error: { code: "INPUT_UNREADABLE", message: "not a regular file (device, socket or pipe)", path } };
    const tooLarge = sizeError(path, s.size, maxBytes); // refused before reading it into memory
    if (tooLarge) return { error: tooLarge };
    return { value: await io.readFile(path) };
  } catch (e) {
    // A file can vanish or change between stat and read (a batch over a live folder): still one line.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { error: { code: "INPUT_NOT_FOUND", message: "no such file (or a broken link)", path } };
    if (code === "EISDIR") return { error: { code: "INPUT_IS_DIRECTORY", message: "is a directory, not a file", path } };
    const what = (code && ERRNO_MESSAGES[code]) ?? code ?? (e as Error).message;
    return { error: { code: "INPUT_UNREADABLE", message: `cannot read the file: ${what}`, path } };
  }
}

function colorWanted(flag: boolean | undefined, io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return flag === true;
  if (flag === false) return false;
  if (flag === true) return true;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== "0";
  return io.isTTY;
}

export function toMeta(rule: LoadedRule): RuleMeta {
  const w = rule.when;
  return {
    id: rule.id,
    title: rule.title,
    principle: rule.principle,
    kind: rule.kind,
    severity: rule.severity,
    rationale: rule.rationale,
    suggestion: rule.suggestion,
    sources: rule.sources,
    topics: "fact" in w ? [w.fact.topic] : w.absent,
    file: rule.file,
  };
}

