import { readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { boundedReadError, readRegularFile, SMALL_FILE_LIMIT } from "../../shared/bounded-read.js";
import type { AppError } from "../../shared/errors.js";
import { compileIgnore, ignoreErrors, parseIgnoreFile } from "../../core/ignore.js";

/** Extensions trustlint reads when it walks a folder; anything else there is skipped and counted. */
const KNOWN_EXTENSIONS = [".txt", ".text", ".md", ".markdown", ".yaml", ".yml", ".pdf", ".docx", ".html", ".htm"];

export interface Expansion {
  /** Files to check, as they will be shown (relative to the cwd when found by walking), sorted, unique. */
  files: string[];
  /** Files of unknown type found inside folders or by globs. */
  skipped: number;
  /** Files left out by .trustlintignore / --ignore / config ignore. */
  ignored: number;
  /** Why the run cannot go on (an ignore file that is a FIFO or a device, a bad pattern); empty when fine. */
  errors?: AppError[];
  /** What walking a folder left out and why (an unreadable folder, a link loop); one line each. */
  warnings?: string[];
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
  const warnings: string[] = [];
  const walkedDirs = new Set<string>();
  const realFiles = new Set<string>();
  for (const arg of args) {
    if (arg === "-") {
      stdin = true;
      continue;
    }
    const kind = await kindOf(resolve(options.cwd, arg));
    if (kind === "file") consider(arg, false);
    else if (kind === "dir") {
      for (const f of await walkFolder(resolve(options.cwd, arg), warnings, walkedDirs)) {
        // The same file reached twice (`sub/up -> ..`, a link to a file already met) is analysed once.
        const real = await realpath(join(resolve(options.cwd, arg), f)).catch(() => null);
        if (real !== null) {
          if (realFiles.has(real)) continue;
          realFiles.add(real);
        }
        consider(join(arg, f), true);
      }
    } else if (isDynamicPattern(arg)) {
      const matches = await glob([arg], {
        cwd: options.cwd,
        onlyFiles: true,
        dot: false,
        ignore: ALWAYS_IGNORED,
        expandDirectories: false,
        absolute: isAbsolute(arg),
      });
      // A glob that matches nothing stays in the list so it is reported (INPUT_NOT_FOUND), not silently dropped.
      if (!matches.length) found.add(arg);
      for (const f of matches) consider(f, true);
    } else found.add(arg); // reported as INPUT_NOT_FOUND by the reader
  }
  const files = [...found].sort(comparePaths);
  return { files: stdin ? ["-", ...files] : files, skipped, ignored: ignoredCount, ...(warnings.length ? { warnings } : {}) };
}

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);

/**
 * Files below `root` (paths relative to it, "/"-separated). Folders reached through links are followed once:
 * a folder already walked (a link loop such as `sub/up -> ..`, or a second link to the same folder) is skipped
 * with a warning, and so are unreadable folders and broken links: nothing is left out silently. Hidden
 * entries, node_modules and .git are not walked.
 */
async function walkFolder(root: string, warnings: string[], walked: Set<string>): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, rel: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (walked.has(real)) {
      if (rel) warnings.push(`skipped ${rel}/: a link to a folder already walked (a link loop?)`);
      return;
    }
    walked.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      warnings.push(`skipped ${rel || "."}/: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return;
    }
    entries.sort((a, b) => comparePaths(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(dir, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = (await stat(path)).isDirectory();
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          warnings.push(`skipped ${childRel}: ${code === "ELOOP" ? "a link loop" : "a broken link"}`);
          continue;
        }
      }
      if (isDir) await visit(path, childRel);
      else out.push(childRel);
    }
  };
  await visit(root, "");
  return out;
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
