// Draws a sample of `flag` findings for a hand check of their precision (see FLAG-GUIDE.md).
// Usage: npm run build && node tools/gold/sample-flags.mjs <cuad-dev dir> [n=50] [--part sealed] [--skip a.yaml,b.yaml] > sample.yaml
// By default only contracts of the reading gold set's *tuning* part are sampled. With --part sealed the sample comes
// from the sealed part: the checker then reports counts only (flag-summary.mjs), so no sealed miss is ever listed.
// --skip leaves out flags (fingerprint and file) already listed in earlier checks.
// The draw is fixed by a hash of fingerprint and file: the same build gives the same sample.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { goldFiles } from "./tuning-gold.mjs";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? null : args.splice(i, 2)[1];
};
const part = option("--part") ?? "tuning";
const skipFiles = (option("--skip") ?? "").split(",").filter(Boolean);
const [corpus, nArg] = args;
if (!corpus) {
  process.stderr.write("usage: node tools/gold/sample-flags.mjs <cuad-dev dir> [n]\n");
  process.exit(2);
}
const n = Number(nArg ?? 50);
if (part !== "tuning" && part !== "sealed") {
  process.stderr.write(`sample-flags: --part is tuning or sealed, not ${part}\n`);
  process.exit(2);
}
const files = goldFiles(part);
const skip = new Set(
  skipFiles.flatMap((f) => (parse(readFileSync(f, "utf8")).flags ?? []).map((x) => `${x.fingerprint}\u0000${x.file}`)),
);
const bin = new URL("../../bin/trustlint.js", import.meta.url).pathname;
const flags = [];
for (const file of files) {
  let out;
  try {
    out = execFileSync("node", [bin, "check", join(corpus, "txt", file), "--format", "json"], { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    out = e.stdout; // exit 1 = flags found
  }
  if (!out) {
    process.stderr.write(`sample-flags: no report for ${file}\n`);
    continue;
  }
  for (const f of JSON.parse(out).documents[0].findings) {
    if (f.kind !== "flag" || skip.has(`${f.fingerprint}\u0000${file}`)) continue;
    const key = createHash("sha256").update(`${f.fingerprint}\u0000${file}`).digest("hex");
    flags.push({ key, file, f });
  }
}
flags.sort((a, b) => a.key.localeCompare(b.key));
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const lines = [`checked: null`, `reviewer: null`, `commit: ${commit}`, `sample: ${Math.min(n, flags.length)} of ${flags.length} flags${skip.size ? " not checked before" : ""} drawn by a hash of fingerprint and file from the ${files.length} ${part}-part reading-gold contracts`, `flags:`];
for (const { file, f } of flags.slice(0, n)) {
  lines.push(`- fingerprint: ${f.fingerprint}`, `  file: ${JSON.stringify(file)}`, `  rule: ${f.ruleId}`, `  line: ${f.location.line}`, `  clause: ${JSON.stringify(f.location.clause)}`, `  message: ${JSON.stringify(f.message)}`, `  excerpt: ${JSON.stringify(f.excerpt)}`, `  verdict: null`);
}
process.stdout.write(lines.join("\n") + "\n");
