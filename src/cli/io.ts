import { closeSync, openSync, writeSync } from "node:fs";
import { readFile, writeFile, stat } from "node:fs/promises";

/** Everything the CLI needs from the outside world, so tests can run `main` without touching the process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  writeFile: (path: string, text: string) => Promise<void>;
  /** Binary output (`review` writes a .docx); optional, the command falls back to the file system. */
  writeBytes?: (path: string, bytes: Uint8Array) => Promise<void>;
  /** An output file written piece by piece (a batch report streams into it instead of being held in memory). */
  openOutput: (path: string) => OutputFile;
  stat: (path: string) => Promise<{ isDirectory: boolean; isFile: boolean; size: number }>;
  readStdin: () => Promise<Uint8Array>;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  stderrIsTTY: boolean;
  /** Monotonic clock in ms for per-document time budgets; tests inject one. */
  now?: () => number;
}

export interface OutputFile {
  write: (text: string) => void;
  close: () => Promise<void>;
}

export function nodeIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: async (p) => new Uint8Array(await readFile(p)),
    writeFile: (p, t) => writeFile(p, t, "utf8"),
    writeBytes: (p, b) => writeFile(p, b),
    openOutput: (p) => {
      // Synchronous writes: the report is produced far slower than a disk takes it, and nothing queues in memory.
      const fd = openSync(p, "w");
      return {
        write: (t) => void writeSync(fd, t),
        close: async () => closeSync(fd),
      };
    },
    stat: async (p) => {
      const s = await stat(p);
      return { isDirectory: s.isDirectory(), isFile: s.isFile(), size: s.size };
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}
