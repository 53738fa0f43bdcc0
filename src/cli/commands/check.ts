import { Command, InvalidArgumentError, Option } from "commander";
import { SEVERITIES } from "../../model/finding.js";
import type { Role } from "../../model/party.js";
import { FORMATS } from "../../report/index.js";
import type { Register } from "../main.js";
import { DEFAULT_TIMEOUT_MS } from "../pipeline.js";
import { DEFAULT_MAX_MB, STDIN_FORMATS, parseMaxSize } from "../input-options.js";
import { PRESET_NAMES } from "../../score/weights.js";
import { runBatchCheck, type BatchOptions } from "../batch/check-run.js";
import type { Concurrency } from "../batch/run.js";
import { parseShard } from "../batch/shard.js";
import { collectMinScore } from "../batch/thresholds.js";

export { toMeta } from "../batch/meta.js";

export type CheckOptions = BatchOptions;

/**
 * Every option of `check`, declared in this one place (`baseline` reuses the analysis ones). The logic lives
 * in ../batch/; adding an option is one line here plus its use there.
 */
export function analysisOptions(cmd: Command): Command {
  return cmd
    .option("--role <alias=role>", "set a party's role, e.g. --role Acme=buyer (repeatable)", collectRole, {})
    .option("--rules <dir>", "load extra rule files from this folder (repeatable)", collect, [])
    .option("-c, --config <file>", "use this config file instead of the nearest .trustlintrc.yaml")
    .option("--no-config", "ignore .trustlintrc.yaml files")
    .option("--ignore <glob>", "skip files matching this pattern (repeatable; adds to .trustlintignore)", collect, [])
    .option("--concurrency <n>", "worker threads: auto, off or a number (default auto)", parseConcurrency)
    .option("--shard <i/n>", "check only the i-th of n stable parts of the input (CI matrix)", parseShard)
    .option("-q, --quiet", "no progress bar and no notes on stderr")
    .option("--timeout <ms>", "give up on a document after this many milliseconds (0 = no limit)", parseTimeout, DEFAULT_TIMEOUT_MS)
    .addOption(new Option("--preset <name>", "principle weights for the overall index (default relational, or the config's weights)").choices(PRESET_NAMES))
    .option("--password <pw>", "password that opens encrypted PDFs")
    .addOption(new Option("--stdin-format <format>", "format of standard input when its content does not tell").choices(STDIN_FORMATS))
    .option("--stdin-filename <name>", "the path standard input is reported under (SARIF, GitHub, baseline, config suppressions)", nonEmpty)
    .option("--max-size <MB>", `refuse inputs larger than this (default ${DEFAULT_MAX_MB})`, parseMaxSize)
    .option("--debug", "show stack traces for internal errors");
}

export const registerCheck: Register = (program, io, setExit) => {
  const cmd = program
    .command("check", { isDefault: true })
    .description("analyse contracts (.txt, .md, .pdf, .docx, .html), folders and globs of them, and deal summaries (.yaml)")
    .argument("<paths...>", "files, folders or globs to check; - reads standard input")
    .addOption(new Option("-f, --format <format>", "output format (default terminal)").choices(FORMATS))
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .option("--min-score <n|principle=n>", "exit 1 when an overall (or a principle's) score is below n (repeatable)", collectMinScore)
    .addOption(new Option("--fail-on <severity>", "exit 1 when an open flag or gap of this severity or worse is found").choices([...SEVERITIES]))
    .option("--max-flags <n>", "exit 1 when the run has more than n open flags and gaps", parseCount)
    .addOption(new Option("--min-severity <severity>", "show only flags and gaps of this severity or worse, in every format (scores and thresholds still count all)").choices([...SEVERITIES]))
    .option("--baseline <file>", "accepted findings (from `trustlint baseline`): only new ones count")
    .option("--explain-score", "print the score arithmetic per principle")
    .option("--color", "force colour")
    .option("--no-color", "disable colour")
    .addHelpText("after", CHECK_HELP);
  analysisOptions(cmd).action(async (paths: string[], opts: CheckOptions) => {
    setExit(await runBatchCheck(paths, opts, io));
  });
};

const CHECK_HELP = `
Examples:
  trustlint check draft.md
  trustlint check contracts/ --ignore "**/old/**" -f html -o portfolio.html
  trustlint check msa.pdf -f sarif -o trustlint.sarif --fail-on high
  trustlint check . -f compact --min-severity medium     one line per finding, medium and worse
  cat draft.md | trustlint check - --stdin-filename draft.md

-q hides the progress bar and notes; --min-severity hides findings below a severity in the report
(scores and thresholds still count every finding).

Exit codes: 0 no threshold failed · 1 a threshold failed · 2 usage, configuration or input error`;

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function collectRole(value: string, previous: Record<string, Role>): Record<string, Role> {
  const m = /^(.+)=(buyer|supplier|unknown)$/.exec(value);
  if (!m) throw new InvalidArgumentError("expected alias=buyer|supplier, e.g. Acme=buyer");
  return { ...previous, [m[1]!.trim()]: m[2] as Role };
}

function nonEmpty(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError("expected a file name");
  return value;
}

function parseTimeout(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number of milliseconds, 0 for no limit");
  return n;
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number ≥ 0");
  return n;
}

/** `auto`, `off`, a number (capped at the core count) or a number with `!` (`16!`: forced past the cap). */
export function parseConcurrency(value: string): Concurrency {
  if (value === "auto" || value === "off") return value;
  const forced = value.endsWith("!");
  const n = Number(forced ? value.slice(0, -1) : value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected auto, off or a number ≥ 1 (add ! to go past the core count, e.g. 8!)");
  return forced ? { forced: n } : n;
}
