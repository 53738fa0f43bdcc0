import { readdir } from "node:fs/promises";
import { readdirSync, readFileSync } from "node:fs";
import { parseModels } from "../engine/second-opinion.js";
import { boundedReadError, readRegularFile } from "../shared/bounded-read.js";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compilePack, loadRuleFiles, POLICY_FILE, type RuleFile, type RulePack } from "../engine/index.js";
import { appError, AppErrorException, isAppErrorException, type AppError } from "../shared/errors.js";

const RULE_FILE_LIMIT = 8 * 1024 * 1024;
import { unsafeRegexErrors } from "./regex-safety.js";
import { fileVerdictStore } from "./verdict-store.js";
import { readSnapshot } from "./rule-snapshot.js";
import { err, ok, type Result } from "../shared/result.js";

/** The rule pack shipped with the tool: `rules/` at the package root. */
export const BUILTIN_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "rules");

export async function readRuleDir(dir: string, cwd: string): Promise<RuleFile[]> {
  const out: RuleFile[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.ya?ml$/.test(e.name)) {
        // A rule file that is a FIFO, a device or huge is refused, not read forever.
        const read = await readRegularFile(p, RULE_FILE_LIMIT);
        if (!read.ok) throw new AppErrorException(boundedReadError(relative(cwd, p) || p, "rule file", read));
        out.push({ file: relative(cwd, p) || p, text: new TextDecoder().decode(read.bytes) });
      }
    }
  };
  await walk(dir);
  return out;
}

let cached: { key: string; pack: RulePack } | null = null;

/** Loads, validates and compiles the built-in pack plus any extra rule folders. */
export async function loadPack(
  extraDirs: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  options: { builtin?: boolean; snapshot?: URL | string } = {},
): Promise<Result<RulePack, AppError[]>> {
  // A team pack may replace the built-in one instead of extending it (config `extends: none`).
  const dirs = options.builtin === false ? [...extraDirs] : [BUILTIN_RULES_DIR, ...extraDirs];
  const key = dirs.join("\u0000");
  if (cached?.key === key) return ok(cached.pack);
  const files: RuleFile[] = [];
  const builtin = new Set<string>();
  for (const dir of dirs) {
    let found: RuleFile[];
    try {
      found = await readRuleDir(resolve(cwd, dir), cwd);
    } catch (e) {
      if (isAppErrorException(e)) return err([e.error]);
      const code = (e as NodeJS.ErrnoException).code;
      const message =
        code === "ENOENT"
          ? "rule folder not found"
          : code === "ENOTDIR"
            ? "--rules expects a folder, not a file"
            : `cannot read the rule folder (${code ?? (e as Error).message})`;
      return err([appError(code === "ENOENT" ? "INPUT_NOT_FOUND" : "INPUT_UNREADABLE", message, { path: dir })]);
    }
    if (dir === BUILTIN_RULES_DIR) for (const f of found) builtin.add(f.file);
    files.push(...found);
  }
  // A pack that replaces the built-in rules still starts from the built-in policy.yaml, which its own may override.
  if (options.builtin === false)
    files.unshift(
      ...(await readRuleDir(BUILTIN_RULES_DIR, cwd)).filter((f) => POLICY_FILE.test(relative(BUILTIN_RULES_DIR, resolve(cwd, f.file)))),
    );
  // The built-in pack alone (the usual run) comes from the build-time snapshot when it matches the files.
  const snapshot =
    dirs.length === 1 && dirs[0] === BUILTIN_RULES_DIR ? await readSnapshot(files, BUILTIN_RULES_DIR, cwd, options.snapshot) : null;
  if (snapshot) {
    const pack = withModels(compilePack(snapshot), dirs);
    cached = { key, pack };
    return ok(pack);
  }
  const { sources, errors, regexes } = loadRuleFiles(files);
  if (errors.length) return err(errors);
  // User packs are checked for catastrophic backtracking on every load; the built-in pack once, by a test.
  const userRegexes = regexes.filter((r) => !builtin.has(r.file));
  if (userRegexes.length) {
    const store = fileVerdictStore(env);
    const unsafe = await unsafeRegexErrors(userRegexes, store);
    store.save();
    if (unsafe.length) return err(unsafe);
  }
  // User patterns run with a per-match time limit; the built-in pack's were checked at build time.
  const where = new Map(
    userRegexes.map((r) => [`${r.file}\u0000${r.flags}\u0000${r.source}`, { file: r.file, line: r.line, column: r.column }]),
  );
  const pack = withModels(
    compilePack(sources, {
      origin: (topic, source, flags) =>
        builtin.has(topic.file) ? null : (where.get(`${topic.file}\u0000${flags}\u0000${source}`) ?? { file: topic.file }),
    }),
    dirs,
  );
  cached = { key, pack };
  return ok(pack);
}

/** The built-in pack's learned vetoes (rules/models/*.json, written by tools/learn/train.mjs); none when absent. */
export function withModels(pack: RulePack, dirs: readonly string[]): RulePack {
  if (!dirs.includes(BUILTIN_RULES_DIR)) return pack;
  const dir = join(BUILTIN_RULES_DIR, "models");
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json"));
  } catch {
    return pack;
  }
  const models = parseModels(names.map((name) => ({ name: `rules/models/${name}`, text: readFileSync(join(dir, name), "utf8") })));
  return models.length ? { ...pack, models } : pack;
}
