import { resolve } from "node:path";
import { loadRuleFiles } from "../engine/index.js";
import { formatError } from "../shared/errors.js";
import { checkRegex } from "./regex-safety.js";
import { BUILTIN_RULES_DIR, readRuleDir } from "./rule-files.js";
import { fileVerdictStore } from "./verdict-store.js";

/**
 * `npm run check-regexes [-- <rule-dir>…] [--strict]`: runs the load-time regex safety check over a rule pack
 * (the built-in one by default). User packs get this check on every load; the built-in pack gets it here, in CI
 * (.ci/stages/regex-safety.sh), so a normal run never pays for it. Exit 1 on a vulnerable pattern; a pattern
 * the checker could not decide in time is listed, and fails the run only with --strict.
 */
async function run(argv: readonly string[]): Promise<number> {
  const strict = argv.includes("--strict");
  const dirs = argv.filter((a) => !a.startsWith("--"));
  const cwd = process.cwd();
  const files = [];
  for (const dir of dirs.length ? dirs : [BUILTIN_RULES_DIR]) files.push(...(await readRuleDir(resolve(cwd, dir), cwd)));
  const { regexes, errors } = loadRuleFiles(files);
  for (const e of errors) process.stderr.write(`${formatError(e)}\n`);
  if (errors.length) return 2;
  const store = fileVerdictStore(process.env);
  let vulnerable = 0;
  let undecided = 0;
  for (const r of regexes) {
    const v = await checkRegex(r.source, r.flags, store);
    store.save();
    const where = `${r.file}:${r.line ?? 1}:${r.column ?? 1}`;
    if (v.safe) continue;
    if (v.final) vulnerable++;
    else undecided++;
    process.stdout.write(`${where}: ${v.final ? "UNSAFE" : "UNDECIDED"} /${r.source}/${r.flags}: ${v.reason}\n`);
  }
  process.stdout.write(`${regexes.length} regexes checked: ${regexes.length - vulnerable - undecided} safe, ${vulnerable} unsafe, ${undecided} undecided\n`);
  return vulnerable || (strict && undecided) ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    process.stderr.write(`check-regexes: ${e.message}\n`);
    process.exit(2);
  },
);
