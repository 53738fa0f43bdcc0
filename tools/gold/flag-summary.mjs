// Counts the verdicts of a hand check of flags (FLAG-GUIDE.md) without listing any flag, for a check on the
// sealed part: the checker runs it on the filled sample and commits only what it prints.
// Usage: node tools/gold/flag-summary.mjs <filled sample.yaml>
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node tools/gold/flag-summary.mjs <filled sample.yaml>\n");
  process.exit(2);
}
const check = parse(readFileSync(file, "utf8"));
const flags = check.flags ?? [];
const open = flags.filter((x) => !["correct", "wrong", "unsure"].includes(x.verdict)).length;
if (open > 0) {
  process.stderr.write(`flag-summary: ${file}: ${open} flags have no verdict (correct, wrong or unsure)\n`);
  process.exit(1);
}
const why = {};
for (const x of flags) if (x.verdict === "wrong") why[x.why ?? "other"] = (why[x.why ?? "other"] ?? 0) + 1;
const count = (v) => flags.filter((x) => x.verdict === v).length;
const lines = [
  `checked: ${check.checked}`,
  `reviewer: ${JSON.stringify(String(check.reviewer))}`,
  `commit: ${check.commit}`,
  `sample: ${JSON.stringify(String(check.sample))}`,
  `flags: ${flags.length}`,
  `correct: ${count("correct")}`,
  `wrong: ${count("wrong")}`,
  `unsure: ${count("unsure")}`,
  "why:",
  ...Object.entries(why)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `  ${k}: ${n}`),
];
process.stdout.write(lines.join("\n") + "\n");
