import type { RulePack } from "../../engine/index.js";
import type { DocumentReport } from "../../model/report.js";
import { appError, isAppErrorException, type AppError } from "../../shared/errors.js";
import type { Io } from "../io.js";
import { sizeError } from "../../ingest/index.js";
import { inputOptions, maxBytesOf } from "../input-options.js";
import { analyseBytes, errorReport } from "../../core/pipeline.js";
import type { AnalysisSettings } from "./settings.js";

/** Reads one input; a missing or unreadable file becomes that document's error, never the batch's. */
export async function readInput(path: string, io: Io, maxBytes: number): Promise<{ value: Uint8Array } | { error: AppError }> {
  if (path === "-") {
    let bytes: Uint8Array;
    try {
      bytes = await io.readStdin(maxBytes); // counted while read: an endless stream stops at the limit
    } catch (e) {
      if (isAppErrorException(e)) return { error: e.error };
      throw e;
    }
    const tooLarge = sizeError(path, bytes.length, maxBytes);
    return tooLarge ? { error: tooLarge } : { value: bytes };
  }
  try {
    const s = await io.stat(path);
    if (s.isDirectory) return { error: appError("INPUT_IS_DIRECTORY", "is a directory, not a file", { path }) };
    // Devices and sockets never end (/dev/zero) or block (/dev/tty): refuse them rather than hang.
    if (!s.isFile) return { error: appError("INPUT_UNREADABLE", "not a regular file (device, socket or pipe)", { path }) };
    const tooLarge = sizeError(path, s.size, maxBytes); // refused before reading it into memory
    if (tooLarge) return { error: tooLarge };
    // Read with the same bound: the file can grow, or be replaced by a FIFO or a device, after the stat above.
    return { value: await io.readFile(path, maxBytes) };
  } catch (e) {
    if (isAppErrorException(e)) return { error: { ...e.error, path } };
    // A file can vanish or change between stat and read (a batch over a live folder): still one line.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { error: appError("INPUT_NOT_FOUND", "no such file (or a broken link)", { path }) };
    if (code === "EISDIR") return { error: appError("INPUT_IS_DIRECTORY", "is a directory, not a file", { path }) };
    const what = (code && ERRNO_MESSAGES[code]) ?? code ?? (e as Error).message;
    return { error: appError("INPUT_UNREADABLE", `cannot read the file: ${what}`, { path }) };
  }
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

/** One path → its report, in whichever thread runs it. */
export async function analysePath(
  path: string,
  io: Io,
  pack: RulePack,
  settings: Pick<AnalysisSettings, "analyse" | "input">,
): Promise<DocumentReport> {
  const bytes = await readInput(path, io, maxBytesOf(settings.input));
  // --stdin-filename: standard input is reported (and its format guessed) under that name.
  const shown = path === "-" && settings.input.stdinFilename ? settings.input.stdinFilename : path;
  if ("error" in bytes) return errorReport(shown, shown === path ? bytes.error : { ...bytes.error, path: shown });
  return analyseBytes(shown, bytes.value, pack, { ...settings.analyse, now: io.now, ...inputOptions(path, settings.input) });
}
