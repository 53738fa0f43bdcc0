#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, install the tarball into an empty project (npm registry needed for
# the dependencies), run the installed CLI and the library entry point, and check what the tarball holds.
# Installing the tarball runs no build: it ships the built dist/ (there is no prepare or install script).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm pack --silent --pack-destination "$work" > "$work/name.txt"
tarball="$work/$(tail -1 "$work/name.txt")"
echo "pack stage: $(basename "$tarball")"

# What the tarball holds: bin, dist, rules, schemas, README.md, LICENSE, package.json; no tests, sources or dev tools.
tar -tzf "$tarball" | sed 's|^package/||' | sort > "$work/files.txt"
bad=$(grep -E '^(tests|src|tools|build|fixtures|\.ci|coverage|node_modules)/|^dist/eval/|^dist/cli/(bench|mutate|check-regexes|eval|snapshot-rules)\.|\.test\.|\.tsbuildinfo$' "$work/files.txt" || true)
if [ -n "$bad" ]; then echo "pack stage: the tarball must not contain:"; echo "$bad" | head -20; exit 1; fi
for need in bin/trustlint.js dist/cli/main.js dist/index.js dist/index.d.ts dist/builtin-rules.json schemas/report.schema.json LICENSE README.md package.json; do
  grep -qxF "$need" "$work/files.txt" || { echo "pack stage: $need missing from the tarball"; exit 1; }
done
grep -q '^rules/principles/' "$work/files.txt" || { echo "pack stage: rules/ missing from the tarball"; exit 1; }

# An empty project that installs the tarball, as another repository would.
mkdir "$work/consumer"
cd "$work/consumer"
printf '{ "name": "consumer", "version": "1.0.0", "private": true, "type": "module" }\n' > package.json
cp "$tarball" .
npm install --no-audit --no-fund --loglevel=error ./"$(basename "$tarball")"
cp "$root/fixtures/contracts/one-sided-msa.md" msa.md

version=$(npx --no-install trustlint --version)
expected=$(node -p "require('$root/package.json').version")
[ "$version" = "$expected" ] || { echo "pack stage: trustlint --version printed '$version', expected '$expected'"; exit 1; }

npx --no-install trustlint check msa.md > report.txt
grep -q 'Collaboration index' report.txt || { echo "pack stage: no report from the installed CLI"; cat report.txt; exit 1; }
npx --no-install trustlint check msa.md -f json -q | node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8")); if (r.documents[0].error || !r.documents[0].findings.length) process.exit(1)'

# The library entry point (package.json "exports").
node --input-type=module -e '
import { readFileSync } from "node:fs";
import { loadPack, analyseBytes, REPORTERS, toMeta, VERSION } from "trustlint";
const pack = await loadPack([], process.cwd());
if (!pack.ok) throw new Error("loadPack failed");
const doc = await analyseBytes("msa.md", readFileSync("msa.md"), pack.value);
if (doc.error || !doc.findings.length) throw new Error("analyseBytes found nothing");
const json = JSON.parse(REPORTERS.json({ tool: { name: "trustlint", version: VERSION }, rules: pack.value.rules.map(toMeta), documents: [doc] }, { color: false }));
if (json.documents[0].score.overall !== doc.score.overall) throw new Error("JSON report differs");
'
# The JSON report's schema, as the package exports it.
node --input-type=module --no-warnings -e '
import schema from "trustlint/report.schema.json" with { type: "json" };
if (schema.properties?.schemaVersion?.const !== 1) throw new Error("trustlint/report.schema.json is not the report schema");
'
echo "pack stage: tarball installed, CLI and library work ($(wc -l < "$work/files.txt") files)"
