import { closeSync, fchmodSync, fstatSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { appError, AppErrorException, formatError, type AppError } from "../shared/errors.js";

/**
 * A report file that is either the complete new report or the previous one, never half of either. The report
 * is streamed into a temporary file beside the target and renamed over it only when the run has finished;
 * an error, the process ending early, SIGINT, SIGTERM or SIGHUP removes the temporary file and leaves the previous report untouched.
 * A target that is not a regular file (`-o /dev/stdout`, a FIFO, `/dev/full`) is written directly: renaming
 * over a device would replace the device.
 */
export interface AtomicOutput {
  write: (text: string) => void;
  /** Renames the finished report into place. Throws OUTPUT_UNWRITABLE (an AppErrorException) if any write failed. */
  close: () => Promise<void>;
  /** Drops the temporary file; the previous report stays. */
  abort: () => void;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const SIGNAL_NUMBERS: Record<(typeof SIGNALS)[number], number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

export interface AtomicOptions {
  /** What to do after cleaning up on a signal; by default the process exits with 128 + the signal number. */
  onSignal?: (signal: (typeof SIGNALS)[number]) => void;
}

export function unwritable(path: string, code: string): AppError {
  return appError("OUTPUT_UNWRITABLE", `cannot write the report (${code})`, {
    path,
    hint: "check that the folder exists, is writable and has space",
  });
}

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

export function openAtomicOutput(path: string, options: AtomicOptions = {}): AtomicOutput {
  let target = resolve(path);
  let direct = false;
  let mode: number | null = null;
  try {
    const s = statSync(target);
    direct = !s.isFile();
    // A link to a report: replace the file it points to (the link stays), keeping that file's permissions.
    if (!direct) {
      target = realpathSync(target);
      mode = s.mode & 0o7777;
    }
  } catch {
    // no such file yet: written beside it and renamed
  }
  const temp = direct
    ? target
    : join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, direct ? "w" : "wx", 0o666);
    if (mode !== null) fchmodSync(fd, mode);
  } catch (e) {
    throw new AppErrorException(unwritable(path, codeOf(e)));
  }
  let failed: string | null = null;
  let open = true;
  const cleanup = (): void => {
    if (!open) return;
    open = false;
    for (const s of SIGNALS) process.removeListener(s, handlers[s]);
    process.removeListener("exit", cleanup);
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    if (!direct) {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
  };
  const handlers = Object.fromEntries(
    SIGNALS.map((s) => [
      s,
      () => {
        cleanup();
        (options.onSignal ?? ((sig) => process.exit(128 + SIGNAL_NUMBERS[sig])))(s);
      },
    ]),
  ) as Record<(typeof SIGNALS)[number], () => void>;
  for (const s of SIGNALS) process.once(s, handlers[s]);
  // Any other way out (an internal error that ends the run) also leaves the previous report and no temp file.
  process.once("exit", cleanup);
  return {
    write: (text) => {
      if (failed || !open) return;
      try {
        // Synchronous writes: the report is produced far slower than a disk takes it, and nothing queues in memory.
        writeSync(fd, text);
      } catch (e) {
        failed = codeOf(e); // ENOSPC, EIO: reported once, at close, as OUTPUT_UNWRITABLE
      }
    },
    close: async () => {
      if (!open) return;
      if (!failed && !direct) {
        try {
          if (fstatSync(fd).isFile()) fsyncSync(fd);
        } catch (e) {
          failed = codeOf(e);
        }
      }
      if (failed) {
        cleanup();
        throw new AppErrorException(unwritable(path, failed));
      }
      for (const s of SIGNALS) process.removeListener(s, handlers[s]);
      process.removeListener("exit", cleanup);
      open = false;
      try {
        closeSync(fd);
        if (!direct) renameSync(temp, target);
      } catch (e) {
        if (!direct) {
          try {
            unlinkSync(temp);
          } catch {
            // gone
          }
        }
        throw new AppErrorException(unwritable(path, codeOf(e)));
      }
    },
    abort: cleanup,
  };
}

/** Whole-file write through the same temporary file and rename (merge, compare, baseline written at once). */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const out = openAtomicOutput(path);
  out.write(text);
  await out.close();
}

/** `io.writeFile` for a report: OUTPUT_UNWRITABLE becomes one line on stderr and exit 2 (returned), not a crash. */
export async function writeOutput(
  io: { writeFile: (p: string, t: string) => Promise<void>; stderr: (t: string) => void },
  path: string,
  text: string,
): Promise<2 | null> {
  try {
    await io.writeFile(path, text);
    return null;
  } catch (e) {
    const error = e instanceof AppErrorException ? e.error : unwritable(path, codeOf(e));
    io.stderr(`trustlint: ${formatError(error)}\n`);
    return 2;
  }
}

/**
 * The input `--output` would overwrite, if any: same file by device and inode (a hard link or a `./` spelling
 * counts), so a run can never write its report over a contract it is reading.
 */
export async function outputClashes(output: string, inputs: readonly string[], cwd: string): Promise<string | null> {
  let out;
  try {
    out = await stat(resolve(cwd, output));
  } catch {
    return null; // a new file cannot be one of the inputs
  }
  if (!out.isFile()) return null;
  for (const input of inputs) {
    if (input === "-") continue;
    try {
      const s = await stat(resolve(cwd, input));
      if (s.dev === out.dev && s.ino === out.ino) return input;
    } catch {
      // missing input: reported by the reader
    }
  }
  return null;
}

export function outputIsInputError(output: string, input: string): AppError {
  return appError("USAGE", `--output names one of the inputs (${input}); the report would overwrite it`, {
    path: output,
    hint: "write the report to another file",
  });
}
