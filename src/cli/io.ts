import { readFile, stat, writeFile } from "node:fs/promises";
import { openAtomicOutput, writeAtomic } from "./atomic-output.js";
import { boundedReadError, readRegularFileOrThrow, readStreamBounded } from "../shared/bounded-read.js";
import { AppErrorException } from "../shared/errors.js";

/** Everything the CLI needs from the outside world, so tests can run `main` without touching the process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** With `maxBytes`: a regular file only, never more than that read (see shared/bounded-read.ts). */
  readFile: (path: string, maxBytes?: number) => Promise<Uint8Array>;
  writeFile: (path: string, text: string) => Promise<void>;
  /** Binary output (`review` writes a .docx); optional, the command falls back to the file system. */
  writeBytes?: (path: string, bytes: Uint8Array) => Promise<void>;
  /** An output file written piece by piece (a batch report streams into it instead of being held in memory). */
  openOutput: (path: string) => OutputFile;
  stat: (path: string) => Promise<{ isDirectory: boolean; isFile: boolean; size: number }>;
  /** Standard input, counted while it is read: past `maxBytes` it throws INPUT_TOO_LARGE (an AppErrorException). */
  readStdin: (maxBytes?: number) => Promise<Uint8Array>;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  stderrIsTTY: boolean;
  /** Monotonic clock in ms for per-document time budgets; tests inject one. */
  now?: () => number;
}

export interface OutputFile {
  write: (text: string) => void;
  /** Puts the finished file in place; a failed write surfaces here as OUTPUT_UNWRITABLE (AppErrorException). */
  close: () => Promise<void>;
  /** Gives up: the previous file at the path stays as it was. */
  abort?: () => void;
}

/** `stdin` is injectable so the bounded read of an endless standard input can be tested. */
export function nodeIo(stdin: AsyncIterable<Uint8Array | string> & { destroy: () => void } = process.stdin): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: async (p, maxBytes) => (maxBytes === undefined ? new Uint8Array(await readFile(p)) : readRegularFileOrThrow(p, maxBytes, p)),
    // Reports go to a temporary file beside the target and are renamed into place at the end (atomic-output.ts).
    writeFile: (p, t) => writeAtomic(p, t),
    writeBytes: (p, b) => writeFile(p, b),
    openOutput: (p) => openAtomicOutput(p),
    stat: async (p) => {
      const s = await stat(p);
      return { isDirectory: s.isDirectory(), isFile: s.isFile(), size: s.size };
    },
    readStdin: async (maxBytes = Number.MAX_SAFE_INTEGER) => {
      const read = await readStreamBounded(stdin, maxBytes);
      if (read.ok) return read.bytes;
      // `check - < /dev/zero`: stop reading at the limit and let go of the stream, so the process can end.
      stdin.destroy();
      throw new AppErrorException({
        ...boundedReadError("-", "standard input", read),
        hint: "raise the limit with --max-size <MB> if this is really a contract",
      });
    },
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}
