// Draws a sample of `flag` findings for a hand check of their precision (see FLAG-GUIDE.md).
// Usage: npm run build && node tools/gold/sample-flags.mjs <cuad-dev dir> [n=50] > sample.yaml
// Only contracts of the reading gold set's *tuning* part are sampled, so the check never exposes sealed contracts.
// The draw is fixed by a hash of fingerprint and file: the same build gives the same sample.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tuningGoldFiles } from "./tuning-gold.mjs";

const [corpus, nArg] = process.argv.slice(2);
if (!corpus) {
  process.stderr.write("usage: node tools/gold/sample-flags.mjs <cuad-dev dir> [n]\n");
  process.exit(2);
}
const n = Number(nArg ?? 50);
const files = tuningGoldFiles();
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
    if (f.kind !== "flag") continue;
    const key = createHash("sha256").update(`${f.fingerprint}\u0000${file}`).digest("hex");
    flags.push({ key, file, f });
  }
}
flags.sort((a, b) => a.key.localeCompare(b.key));
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const lines = [`checked: null`, `reviewer: null`, `commit: ${commit}`, `sample: ${Math.min(n, flags.length)} of ${flags.length} flags drawn by a hash of fingerprint and file from the ${files.length} tuning-part reading-gold contracts`, `flags:`];
for (const { file, f } of flags.slice(0, n)) {
  lines.push(`- fingerprint: ${f.fingerprint}`, `  file: ${JSON.stringify(file)}`, `  rule: ${f.ruleId}`, `  line: ${f.location.line}`, `  clause: ${JSON.stringify(f.location.clause)}`, `  message: ${JSON.stringify(f.message)}`, `  excerpt: ${JSON.stringify(f.excerpt)}`, `  verdict: null`);
}
process.stdout.write(lines.join("\n") + "\n");
