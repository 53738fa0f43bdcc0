import { resolve } from "node:path";
import { loadRuleFiles } from "../dist/engine/index.js";
import { formatError } from "../dist/shared/errors.js";
import { checkRegex, verdictKey, type VerdictCache } from "../dist/core/regex-safety.js";
import { BUILTIN_RULES_DIR, readRuleDir } from "../dist/core/rule-files.js";
import { fileVerdictStore } from "../dist/core/verdict-store.js";

/**
 * `npm run check-regexes [-- <rule-dir>…] [--strict] [--budget-s S]`: runs the load-time regex safety check over a rule pack
 * (the built-in one by default). User packs get this check on every load; the built-in pack gets it here, in CI
 * (.ci/stages/regex-safety.sh), so a normal run never pays for it. Exit 1 on a vulnerable pattern; a pattern
 * the checker could not decide in time is listed, and fails the run only with --strict.
 */
async function run(argv: readonly string[]): Promise<number> {
  const strict = argv.includes("--strict");
  const budgetAt = argv.indexOf("--budget-s");
  const budgetMs = budgetAt >= 0 ? Number(argv[budgetAt + 1]) * 1000 : Infinity;
  const dirs = argv.filter((a, i) => !a.startsWith("--") && !(budgetAt >= 0 && i === budgetAt + 1));
  const started = performance.now();
  const cwd = process.cwd();
  const files = [];
  for (const dir of dirs.length ? dirs : [BUILTIN_RULES_DIR]) files.push(...(await readRuleDir(resolve(cwd, dir), cwd)));
  const { regexes, errors } = loadRuleFiles(files);
  for (const e of errors) process.stderr.write(`${formatError(e)}\n`);
  if (errors.length) return 2;
  const store = fileVerdictStore(process.env);
  let vulnerable = 0;
  let undecided = 0;
  let checked = 0;
  // Known verdicts first (free), then patterns never checked, then ones that timed out before (a quieter
  // machine may decide them): a time budget is spent on new coverage before re-trying old timeouts.
  const rank = (r: (typeof regexes)[number]) => {
    const known = store.get(verdictKey(r.source, r.flags));
    return known === undefined ? 1 : known.timedOut ? 2 : 0;
  };
  const ordered = regexes.map((r, i) => ({ r, i, rank: rank(r) })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const retryTimeouts: VerdictCache = { get: (k) => (store.get(k)?.timedOut ? undefined : store.get(k)), set: (k, v) => store.set(k, v) };
  for (const { r } of ordered) {
    // A time budget keeps a CI stage bounded; cached verdicts cost nothing, so coverage grows run by run.
    if (performance.now() - started > budgetMs) break;
    checked++;
    const v = await checkRegex(r.source, r.flags, retryTimeouts);
    store.save();
    const where = `${r.file}:${r.line ?? 1}:${r.column ?? 1}`;
    if (v.safe) continue;
    if (v.final) vulnerable++;
    else undecided++;
    process.stdout.write(`${where}: ${v.final ? "UNSAFE" : "UNDECIDED"} /${r.source}/${r.flags}: ${v.reason}\n`);
  }
  const left = regexes.length - checked;
  process.stdout.write(
    `${checked} of ${regexes.length} regexes checked: ${checked - vulnerable - undecided} safe, ${vulnerable} unsafe, ${undecided} undecided${left ? `; ${left} left for the next run (--budget-s)` : ""}\n`,
  );
  return vulnerable || (strict && undecided) ? 1 : 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    process.stderr.write(`check-regexes: ${e.message}\n`);
    process.exit(2);
  },
);
