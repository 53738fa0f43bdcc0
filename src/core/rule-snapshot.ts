import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { loadRuleFiles, type RuleFile, type RuleSources } from "../engine/index.js";

/**
 * The built-in pack, parsed and validated once at build time (`npm run build` writes dist/builtin-rules.json).
 * Parsing 132 YAML files and validating them with zod took 0.9–1.1 s of every start-up on a loaded 2-core machine; reading the snapshot
 * takes a few ms. The snapshot is keyed by the content of every rule file, so an edited rule (a developer working
 * in rules/ without rebuilding) is never answered from a stale copy: the key differs and the YAML is parsed.
 */
const SNAPSHOT_FILE = new URL("../builtin-rules.json", import.meta.url);

interface Snapshot {
  key: string;
  /** File names relative to the rules folder, so the snapshot does not depend on the working directory. */
  sources: RuleSources;
}

/** Content key of a rule folder: each file's path within the folder and its text. */
function snapshotKey(files: readonly RuleFile[], dir: string, cwd: string): string {
  const hash = createHash("sha256");
  const entries = files
    .map((f) => [relative(dir, resolve(cwd, f.file)), f.text] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, text] of entries) hash.update(`${name}\u0000${text}\u0000`);
  return hash.digest("hex");
}

/** The validated sources of `files` (read from `dir`) if the snapshot matches them, else null. */
export async function readSnapshot(
  files: readonly RuleFile[],
  dir: string,
  cwd: string,
  from: URL | string = SNAPSHOT_FILE,
): Promise<RuleSources | null> {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await readFile(from, "utf8")) as Snapshot;
  } catch {
    return null; // not built, or unreadable: parse the YAML
  }
  if (snapshot.key !== snapshotKey(files, dir, cwd)) return null;
  const at = (file: string) => relative(cwd, join(dir, file)) || join(dir, file);
  return {
    topics: snapshot.sources.topics.map((t) => ({ ...t, file: at(t.file) })),
    rules: snapshot.sources.rules.map((r) => ({ ...r, file: at(r.file) })),
    policy: snapshot.sources.policy ?? null,
  };
}

/** Validates `files` (read from `dir` with names relative to it) and writes the snapshot; false if any is invalid. */
export async function writeSnapshot(files: readonly RuleFile[], dir: string, to: URL | string = SNAPSHOT_FILE): Promise<boolean> {
  const { sources, errors } = loadRuleFiles(files);
  if (errors.length) return false;
  const snapshot: Snapshot = { key: snapshotKey(files, dir, dir), sources };
  await writeFile(to, JSON.stringify(snapshot));
  return true;
}
