import { InvalidArgumentError } from "commander";
import { DEFAULT_MAX_BYTES } from "../ingest/index.js";
import type { InputFormat } from "../ingest/detect.js";
import type { AnalyseOptions } from "../core/pipeline.js";

/**
 * Options about reading inputs (formats, passwords, size limit), kept apart from check.ts so that file stays
 * about running and reporting.
 */
export const STDIN_FORMATS = ["text", "markdown", "pdf", "docx", "html", "yaml"] as const;

export interface InputFlags {
  password?: string;
  stdinFormat?: (typeof STDIN_FORMATS)[number];
  /** Megabytes. */
  maxSize?: number;
  /** The name standard input is reported under (and whose extension helps tell its format). */
  stdinFilename?: string;
}

export const DEFAULT_MAX_MB = DEFAULT_MAX_BYTES / (1024 * 1024);

export function parseMaxSize(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a size in MB greater than 0, e.g. 50");
  return n;
}

export function maxBytesOf(flags: InputFlags): number {
  return Math.floor((flags.maxSize ?? DEFAULT_MAX_MB) * 1024 * 1024);
}

/** What the pipeline needs to read one input; --stdin-format applies to "-" only (files are sniffed). */
export function inputOptions(path: string, flags: InputFlags): Pick<AnalyseOptions, "password" | "maxBytes" | "format"> {
  return {
    password: flags.password,
    maxBytes: maxBytesOf(flags),
    format: path === "-" && flags.stdinFormat ? (flags.stdinFormat as InputFormat) : undefined,
  };
}
