// Rewrites the opening of each tuning-part reading-gold contract the way real filings differ (curly quotes, names in
// capitals, lines broken at 60-75 characters, runs of spaces, CRLF) and counts the contracts whose parties or roles
// change. A reading that changes with the layout is fragile; the sealed part is never read.
// Usage: npm run build && node tools/gold/party-robustness.mjs <cuad-dev dir> [transform]   (a transform lists its changes)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildContract } from "../../dist/ingest/contract.js";
import { tuningGoldFiles } from "./tuning-gold.mjs";

const [corpus, only] = process.argv.slice(2);
if (!corpus) {
  process.stderr.write("usage: node tools/gold/party-robustness.mjs <cuad-dev dir> [transform]\n");
  process.exit(2);
}
const files = tuningGoldFiles();

const reading = (text) =>
  buildContract("contract.txt", "text", text)
    .parties.map((p) => `${(p.alias ?? p.name).toLowerCase().replace(/\s+/g, " ")}:${p.role}`)
    .sort()
    .join(" | ");
// Each rewrite keeps quoted terms as they are: the body goes on using them.
const outsideQuotes = (text, fn) =>
  text
    .split(/("[^"\n]{1,60}")/)
    .map((part, i) => (i % 2 ? part : fn(part)))
    .join("");
const OPENING = 4000;
const TRANSFORMS = {
  curly: (t) => t.replace(/"([^"\n]{1,60})"/g, "“$1”"),
  caps: (t) =>
    outsideQuotes(t.slice(0, 1500), (p) =>
      p.replace(/\b[A-Z][A-Za-z&.-]*(?:,?\s+(?:[A-Z][A-Za-z&.-]*|of|and))*/g, (w) =>
        /^(?:This|The|Agreement|Whereas|Now|Section|Article|In)\b/.test(w) ? w : w.toUpperCase(),
      ),
    ) + t.slice(1500),
  reflow: (t) => t.slice(0, OPENING).replace(/[ \t]+/g, " ").replace(/(.{60,75}?) /g, "$1\n") + t.slice(OPENING),
  spaces: (t) => t.slice(0, OPENING).replace(/ /g, "  ") + t.slice(OPENING),
  crlf: (t) => t.replace(/\n/g, "\r\n"),
};

const changed = {};
for (const file of files) {
  const text = readFileSync(join(corpus, "txt", file), "utf8");
  const base = reading(text);
  for (const [name, rewrite] of Object.entries(TRANSFORMS)) {
    if (only && name !== only) continue;
    const got = reading(rewrite(text));
    if (got === base) continue;
    changed[name] = (changed[name] ?? 0) + 1;
    if (only) process.stdout.write(`${file}\n  as written: ${base}\n  ${name}: ${got}\n`);
  }
}
process.stdout.write(
  `${Object.keys(TRANSFORMS)
    .filter((n) => !only || n === only)
    .map((n) => `${n} ${changed[n] ?? 0}`)
    .join(", ")} (contracts of ${files.length} whose parties or roles change)\n`,
);
