#!/usr/bin/env node
// How the overall index spreads over a folder of contracts (docs/scoring.md, "How scores spread on real contracts").
//
//   npm run build && node tools/score-spread.mjs /work/shared/corpus/cuad-dev/txt [--write docs/scoring.md] [--list]
//
// Runs `trustlint check -f json` over the folder with the built-in pack, then prints the quartiles of
// score.overall for all contracts and for the tuning and sealed parts of the eval split (src/eval/split.ts), as a
// dated Markdown table. --write replaces the table between the score-spread markers in the given file.
// --list also prints the lowest, middle and highest five contracts with the findings that placed them, for the
// spot check written by hand in docs/scoring.md.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--write");
const writeTo = args.includes("--write") ? args[args.indexOf("--write") + 1] : null;
if (!dir) {
  console.error("usage: node tools/score-spread.mjs <folder> [--write docs/scoring.md] [--list]");
  process.exit(2);
}
const { partOf } = await import(join(root, "dist", "eval", "split.js"));
const out = execFileSync(process.execPath, [join(root, "bin", "trustlint.js"), "check", "-f", "json", "-q", dir], {
  maxBuffer: 1 << 30,
  encoding: "utf8",
}).toString();
const docs = JSON.parse(out).documents.filter((d) => d.score);

/** Quartiles by linear interpolation between order statistics (the "type 7" rule of most spreadsheets). */
function quartiles(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (p) => {
    const i = p * (v.length - 1);
    const lo = Math.floor(i);
    return v[lo] + (v[Math.ceil(i)] - v[lo]) * (i - lo);
  };
  return [0, 0.25, 0.5, 0.75, 1].map((p) => Math.round(at(p) * 10) / 10);
}

const parts = [
  ["all", docs],
  ["tuning", docs.filter((d) => partOf(basename(d.path)) === "tuning")],
  ["sealed", docs.filter((d) => partOf(basename(d.path)) === "sealed")],
];
const date = new Date().toISOString().slice(0, 10);
const lines = [
  `Measured ${date} by \`node tools/score-spread.mjs ${dir}\` (${docs.length} contracts scored; quartiles interpolated):`,
  "",
  "| contracts | n | min | lower quartile | median | upper quartile | max | interquartile range |",
  "|---|--:|--:|--:|--:|--:|--:|--:|",
  ...parts.map(([name, ds]) => {
    const [min, q1, med, q3, max] = quartiles(ds.map((d) => d.score.overall));
    return `| ${name} | ${ds.length} | ${min} | ${q1} | ${med} | ${q3} | ${max} | ${Math.round((q3 - q1) * 10) / 10} |`;
  }),
];
const table = lines.join("\n");
console.log(table);

if (writeTo) {
  const text = readFileSync(writeTo, "utf8");
  const start = "<!-- score-spread:start -->";
  const end = "<!-- score-spread:end -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) {
    console.error(`${writeTo}: no ${start} … ${end} markers`);
    process.exit(2);
  }
  writeFileSync(writeTo, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
}

if (args.includes("--list")) {
  const sorted = [...docs].sort((a, b) => a.score.overall - b.score.overall || a.path.localeCompare(b.path));
  const mid = Math.floor(sorted.length / 2) - 2;
  const describe = (d) => {
    const counts = new Map();
    for (const f of d.findings)
      if (!f.suppressed)
        counts.set(
          `${f.kind === "strength" ? "+" : "-"}${f.ruleId}`,
          (counts.get(`${f.kind === "strength" ? "+" : "-"}${f.ruleId}`) ?? 0) + 1,
        );
    const principles = d.score.principles.map((p) => `${p.id.split("-")[0]} ${p.score}`).join(", ");
    return `${d.score.overall}  ${basename(d.path)}\n      ${principles}\n      ${[...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(" ")}`;
  };
  for (const [name, ds] of [
    ["lowest", sorted.slice(0, 5)],
    ["middle", sorted.slice(mid, mid + 5)],
    ["highest", sorted.slice(-5)],
  ]) {
    console.log(`\n${name}:`);
    for (const d of ds) console.log(`  ${describe(d)}`);
  }
}
