import type { RulePack } from "../../engine/index.js";
import type { DocumentReport } from "../../model/report.js";
import { appError, type AppError } from "../../shared/errors.js";
import type { Io } from "../io.js";
import { analyseBytes, errorReport, type AnalyseOptions } from "../pipeline.js";

/** Reads one input; a missing or unreadable file becomes that document's error, never the batch's. */
export async function readInput(path: string, io: Io): Promise<{ value: Uint8Array } | { error: AppError }> {
  if (path === "-") return { value: await io.readStdin() };
  try {
    const s = await io.stat(path);
    if (s.isDirectory) return { error: appError("INPUT_IS_DIRECTORY", "is a directory, not a file", { path }) };
    return { value: await io.readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { error: appError("INPUT_NOT_FOUND", "no such file", { path }) };
    return { error: appError("INPUT_UNREADABLE", `cannot read the file (${code ?? (e as Error).message})`, { path }) };
  }
}

/** One path → its report, in whichever thread runs it. */
export async function analysePath(path: string, io: Io, pack: RulePack, options: AnalyseOptions): Promise<DocumentReport> {
  const bytes = await readInput(path, io);
  if ("error" in bytes) return errorReport(path, bytes.error);
  return analyseBytes(path, bytes.value, pack, options);
}
