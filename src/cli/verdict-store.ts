import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { Verdict, VerdictCache } from "./regex-safety.js";

/**
 * Regex safety verdicts kept between runs, so a team's rule pack is analysed by recheck once, not on every run.
 * Stored in the user's cache folder ($XDG_CACHE_HOME or ~/.cache); keyed by checker version, flags and source.
 * A cache that cannot be read or written is simply not used: it only ever saves time.
 */
const CHECKER = "recheck-4.5.0";

export function fileVerdictStore(env: Record<string, string | undefined>): VerdictCache & { save(): void } {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  const file = join(base, "trustlint", "regex-verdicts-v1.json");
  let data = read(file);
  let dirty = false;
  return {
    get: (key) => (Object.hasOwn(data, `${CHECKER}/${key}`) ? data[`${CHECKER}/${key}`] : undefined),
    set: (key, verdict) => {
      data[`${CHECKER}/${key}`] = verdict;
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

function read(file: string): Record<string, Verdict> {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, Verdict>;
  } catch {
    // no cache yet, or unreadable: start empty
  }
  return {};
}
