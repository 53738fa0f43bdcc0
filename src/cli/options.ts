import { InvalidArgumentError, Option, type Command } from "commander";
import type { Role } from "../model/party.js";
import { DEFAULT_TIMEOUT_MS } from "../core/pipeline.js";
import type { Concurrency } from "./batch/run.js";
import { parseShard } from "./batch/shard.js";
import { DEFAULT_MAX_MB, STDIN_FORMATS, parseMaxSize } from "./input-options.js";

/**
 * Every option of `check`, declared in this one place (`baseline` reuses the analysis ones). The logic lives
 * in ./batch/; adding an option is one line here plus its use there.
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
    .option(
      "--preset <name>",
      "principle weights for the overall index: a weight preset of the rule pack (default: the config's weights, else the pack's default)",
    )
    .option("--password <pw>", "password that opens encrypted PDFs")
    .addOption(new Option("--stdin-format <format>", "format of standard input when its content does not tell").choices(STDIN_FORMATS))
    .option("--stdin-filename <name>", "the path standard input is reported under (SARIF, GitHub, baseline, config suppressions)", nonEmpty)
    .option("--max-size <MB>", `refuse inputs larger than this (default ${DEFAULT_MAX_MB})`, parseMaxSize)
    .option("--debug", "show stack traces for internal errors");
}

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
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError("expected auto, off or a number ≥ 1 (add ! to go past the core count, e.g. 8!)");
  return forced ? { forced: n } : n;
}
