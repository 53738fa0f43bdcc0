import { stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { boundedReadError, readRegularFile, SMALL_FILE_LIMIT } from "../../shared/bounded-read.js";
import type { AppError } from "../../shared/errors.js";
import { compileIgnore, ignoreErrors, parseIgnoreFile } from "./ignore.js";

/** Extensions trustlint reads when it walks a folder; anything else there is skipped and counted. */
export const KNOWN_EXTENSIONS = [".txt", ".text", ".md", ".markdown", ".yaml", ".yml", ".pdf", ".docx", ".html", ".htm"];

export interface Expansion {
  /** Files to check, as they will be shown (relative to the cwd when found by walking), sorted, unique. */
  files: string[];
  /** Files of unknown type found inside folders or by globs. */
  skipped: number;
  /** Files left out by .trustlintignore / --ignore / config ignore. */
  ignored: number;
  /** Why the run cannot go on (an ignore file that is a FIFO or a device, a bad pattern); empty when fine. */
  errors?: AppError[];
}

/** `.trustlintignore` in `cwd`: its patterns, none when there is no such file, or why it cannot be read. */
export async function readIgnoreFile(cwd: string): Promise<{ patterns: string[] } | { error: AppError }> {
  const read = await readRegularFile(join(cwd, ".trustlintignore"), SMALL_FILE_LIMIT);
  if (read.ok) return { patterns: parseIgnoreFile(new TextDecoder().decode(read.bytes)) };
  if (read.reason === "not-found") return { patterns: [] };
  return { error: boundedReadError(".trustlintignore", "ignore file", read) };
}

export interface ExpandOptions {
  cwd: string;
  ignore: readonly string[];
  /** Read `.trustlintignore` from the cwd (default true). */
  ignoreFile?: boolean;
}

const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**"];

/**
 * Paths, folders (recursive) and globs → the sorted list of files to check. `-` (standard input) is kept
 * as is. A file named explicitly is checked whatever its extension (ingest reports it if unsupported); files
 * met while walking are filtered by extension.
 */
export async function expandInputs(args: readonly string[], options: ExpandOptions): Promise<Expansion> {
  const patterns = [...options.ignore];
  if (options.ignoreFile !== false) {
    const file = await readIgnoreFile(options.cwd);
    if ("error" in file) return { files: [], skipped: 0, ignored: 0, errors: [file.error] };
    patterns.push(...file.patterns);
  }
  const bad = ignoreErrors(patterns);
  if (bad.length) return { files: [], skipped: 0, ignored: 0, errors: bad };
  const ignored = compileIgnore(patterns);
  const found = new Set<string>();
  let skipped = 0;
  let ignoredCount = 0;
  const consider = (shown: string, walked: boolean): void => {
    if (ignored(relative(options.cwd, resolve(options.cwd, shown)))) {
      ignoredCount++;
      return;
    }
    if (walked && !KNOWN_EXTENSIONS.some((e) => shown.toLowerCase().endsWith(e))) {
      skipped++;
      return;
    }
    found.add(shown);
  };
  let stdin = false;
  for (const arg of args) {
    if (arg === "-") {
      stdin = true;
      continue;
    }
    const kind = await kindOf(resolve(options.cwd, arg));
    if (kind === "file") consider(arg, false);
    else if (kind === "dir") {
      const inside = await glob(["**/*"], { cwd: resolve(options.cwd, arg), onlyFiles: true, dot: false, ignore: ALWAYS_IGNORED, expandDirectories: false });
      for (const f of inside) consider(join(arg, f), true);
    } else if (isDynamicPattern(arg)) {
      const matches = await glob([arg], { cwd: options.cwd, onlyFiles: true, dot: false, ignore: ALWAYS_IGNORED, expandDirectories: false, absolute: isAbsolute(arg) });
      // A glob that matches nothing stays in the list so it is reported (INPUT_NOT_FOUND), not silently dropped.
      if (!matches.length) found.add(arg);
      for (const f of matches) consider(f, true);
    } else found.add(arg); // reported as INPUT_NOT_FOUND by the reader
  }
  const files = [...found].sort(comparePaths);
  return { files: stdin ? ["-", ...files] : files, skipped, ignored: ignoredCount };
}

/** Plain code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function kindOf(path: string): Promise<"file" | "dir" | null> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? "dir" : "file";
  } catch {
    return null;
  }
}
