import { readFile, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { compileIgnore, parseIgnoreFile } from "./ignore.js";

/** Extensions trustlint reads when it walks a folder; anything else there is skipped and counted. */
export const KNOWN_EXTENSIONS = [".txt", ".text", ".md", ".markdown", ".yaml", ".yml", ".pdf", ".docx", ".html", ".htm"];

export interface Expansion {
  /** Files to check, as they will be shown (relative to the cwd when found by walking), sorted, unique. */
  files: string[];
  /** Files of unknown type found inside folders or by globs. */
  skipped: number;
  /** Files left out by .trustlintignore / --ignore / config ignore. */
  ignored: number;
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
    try {
      patterns.push(...parseIgnoreFile(await readFile(join(options.cwd, ".trustlintignore"), "utf8")));
    } catch {
      // no ignore file: nothing to add
    }
  }
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
