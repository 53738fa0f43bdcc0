import { createHash, createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { Verdict, VerdictCache } from "./regex-safety.js";

/**
 * Regex safety verdicts kept between runs, so a team's rule pack is analysed by recheck once, not on every run.
 * Stored in the user's cache folder ($XDG_CACHE_HOME or ~/.cache). A cache that cannot be read or written is
 * simply not used: it only ever saves time.
 *
 * The cache is not trusted as it is: a file that marks `(a+)+$` safe must not make a 44-byte contract hang.
 * Each entry is stored under the hash of what it is about (checker version, flags, source) and carries a
 * keyed hash (HMAC) of its own content — that key plus the verdict — made with a random secret kept in a
 * separate file readable only by the user. An entry whose hash does not match (edited, copied from another
 * machine, planted) is ignored and the pattern is checked again.
 */
const CHECKER = "recheck-4.5.0";

interface Entry {
  verdict: Verdict;
  mac: string;
}

export function fileVerdictStore(env: Record<string, string | undefined>): VerdictCache & { save(): void } {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  const file = join(base, "trustlint", "regex-verdicts-v2.json");
  const secretFile = join(base, "trustlint", "regex-verdicts.key");
  let secret = readSecret(secretFile);
  let data = read(file);
  let dirty = false;
  const idOf = (key: string): string => createHash("sha256").update(`${CHECKER}\u0000${key}`).digest("hex");
  const macOf = (id: string, verdict: Verdict): string | null =>
    secret
      ? createHmac("sha256", secret)
          .update(`${id}\u0000${canonical(verdict)}`)
          .digest("hex")
      : null;
  return {
    get: (key) => {
      const id = idOf(key);
      const entry = Object.hasOwn(data, id) ? data[id] : undefined;
      if (!entry || typeof entry !== "object" || !isVerdict(entry.verdict)) return undefined;
      const mac = macOf(id, entry.verdict);
      return mac !== null && typeof entry.mac === "string" && entry.mac === mac ? entry.verdict : undefined;
    },
    set: (key, verdict) => {
      secret ??= newSecret(secretFile);
      if (!secret) return;
      const id = idOf(key);
      data[id] = { verdict, mac: macOf(id, verdict)! };
      dirty = true;
    },
    save: () => {
      if (!dirty) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        // Another run (a second CI job, a parallel check) may have saved verdicts since we read the file: keep them.
        data = { ...read(file), ...data };
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(data));
        renameSync(tmp, file);
        dirty = false;
      } catch {
        // read-only home, full disk: the next run checks again
      }
    },
  };
}

function canonical(v: Verdict): string {
  return JSON.stringify({ safe: v.safe, reason: v.reason ?? null, final: v.final ?? null, timedOut: v.timedOut ?? null });
}

function isVerdict(v: unknown): v is Verdict {
  return !!v && typeof v === "object" && typeof (v as Verdict).safe === "boolean";
}

/** Only a regular file of sane size is read (a cache path that is a FIFO or /dev/zero is ignored). */
function regular(file: string, max: number): boolean {
  try {
    const s = statSync(file);
    return s.isFile() && s.size <= max;
  } catch {
    return false;
  }
}

function readSecret(file: string): Buffer | null {
  try {
    if (!regular(file, 1024)) return null;
    const s = readFileSync(file);
    return s.length >= 32 ? s : null;
  } catch {
    return null;
  }
}

function newSecret(file: string): Buffer | null {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // "wx": never overwrite a key another run has just made (its entries would all stop matching).
    writeFileSync(file, randomBytes(32), { mode: 0o600, flag: "wx" });
  } catch {
    // exists already (made by a parallel run) or cannot be written
  }
  return readSecret(file);
}

function read(file: string): Record<string, Entry> {
  try {
    if (!regular(file, 16 * 1024 * 1024)) return Object.create(null) as Record<string, Entry>;
    const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return Object.assign(Object.create(null), parsed) as Record<string, Entry>;
  } catch {
    // no cache yet, or unreadable: start empty
  }
  return Object.create(null) as Record<string, Entry>;
}
