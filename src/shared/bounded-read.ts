import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { appError, AppErrorException, type AppError } from "./errors.js";

/**
 * Reading files the user does not think of as inputs (config, ignore file, baseline, merge and compare inputs)
 * without trusting them: only a regular file is read, FIFOs, sockets and devices (`/dev/zero`, a named pipe
 * called `.trustlintrc.yaml`) are refused at once, and no more than `maxBytes` is ever read, whatever the file
 * claims its size is or however it grows while being read.
 */
export type BoundedReadFailure =
  | { reason: "not-found" }
  | { reason: "directory" }
  | { reason: "not-regular"; kind: string }
  | { reason: "too-large"; limit: number; size?: number }
  | { reason: "unreadable"; code: string };

export type BoundedRead = { ok: true; bytes: Uint8Array } | ({ ok: false } & BoundedReadFailure);

const CHUNK = 64 * 1024;

export async function readRegularFile(path: string, maxBytes: number): Promise<BoundedRead> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer that never comes.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return openFailure(e);
  }
  try {
    const s = await handle.stat();
    if (s.isDirectory()) return { ok: false, reason: "directory" };
    if (!s.isFile())
      return {
        ok: false,
        reason: "not-regular",
        kind: s.isFIFO()
          ? "a named pipe"
          : s.isCharacterDevice() || s.isBlockDevice()
            ? "a device"
            : s.isSocket()
              ? "a socket"
              : "not a regular file",
      };
    if (s.size > maxBytes) return { ok: false, reason: "too-large", limit: maxBytes, size: s.size };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = new Uint8Array(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      // The file grew past the limit while it was read (or lied about its size).
      if (total > maxBytes) return { ok: false, reason: "too-large", limit: maxBytes };
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return { ok: true, bytes: concat(chunks, total) };
  } catch (e) {
    return openFailure(e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function openFailure(e: unknown): BoundedRead {
  const code = (e as NodeJS.ErrnoException).code ?? "EIO";
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "not-found" };
  if (code === "EISDIR") return { ok: false, reason: "directory" };
  return { ok: false, reason: "unreadable", code };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads a stream (standard input) counting as it goes: stops at `maxBytes + 1` instead of reading it all first. */
export async function readStreamBounded(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large"; limit: number }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const raw of stream) {
    const chunk = typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
    total += chunk.length;
    if (total > maxBytes) return { ok: false, reason: "too-large", limit: maxBytes };
    chunks.push(chunk);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

/** One error line for a failed bounded read; `what` names the file's role ("config", "baseline", "report"). */
export function boundedReadError(path: string, what: string, failure: BoundedReadFailure): AppError {
  switch (failure.reason) {
    case "not-found":
      return appError("INPUT_NOT_FOUND", `${what} not found`, { path });
    case "directory":
      return appError("INPUT_IS_DIRECTORY", `${what} is a directory, not a file`, { path });
    case "not-regular":
      return appError("INPUT_UNREADABLE", `${what} is ${failure.kind}; only regular files are read`, { path });
    case "too-large":
      return appError("INPUT_TOO_LARGE", `${what} is larger than the ${mb(failure.limit)} limit`, { path });
    case "unreadable":
      return appError("INPUT_UNREADABLE", `cannot read the ${what} (${failure.code})`, { path });
  }
}

/**
 * readRegularFile for callers that expect Node's readFile: a missing file, a folder or an I/O error is thrown as
 * the usual errno error; a FIFO, a device or a file past the limit as an AppErrorException with the line to show.
 */
export async function readRegularFileOrThrow(path: string, maxBytes: number, shownAs = path): Promise<Uint8Array> {
  const read = await readRegularFile(path, maxBytes);
  if (read.ok) return read.bytes;
  const errno =
    read.reason === "not-found" ? "ENOENT" : read.reason === "directory" ? "EISDIR" : read.reason === "unreadable" ? read.code : null;
  if (errno) throw Object.assign(new Error(errno), { code: errno });
  throw new AppErrorException(read.reason === "too-large" ? sizeLine(shownAs, read.limit) : boundedReadError(shownAs, "file", read));
}

function sizeLine(path: string, limit: number): AppError {
  return appError("INPUT_TOO_LARGE", `the input grew past the ${mb(limit)} limit while it was read`, {
    path,
    hint: "raise the limit with --max-size <MB> if this is really a contract",
  });
}

/** Size limits for the files above (a config or ignore file is small; a merged shard report can be large). */
export const SMALL_FILE_LIMIT = 1024 * 1024;
export const BASELINE_FILE_LIMIT = 64 * 1024 * 1024;
/** Below V8's longest string (~512 MB), so a report is always refused by name rather than failing to decode. */
export const REPORT_FILE_LIMIT = 256 * 1024 * 1024;
