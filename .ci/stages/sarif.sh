#!/usr/bin/env bash
# Validates trustlint's SARIF output against the official OASIS SARIF 2.1.0 schema (draft-04, read with
# ajv-draft-04). Needs ../shared (the schema and the corpus); skipped without it. Exits non-zero when invalid.
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${TRUSTLINT_SHARED:-../shared}"
SCHEMA="$SHARED/schemas/sarif-schema-2.1.0.json"
if [ ! -f "$SCHEMA" ]; then echo "sarif stage: $SCHEMA not found, skipped"; exit 0; fi
npm run build --silent
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Fixtures (suppressions, errors, several folders) plus 40 real contracts.
node bin/trustlint.js check -f sarif -q tests/fixtures/batch/portfolio tests/fixtures/batch/suppressed.md missing-file.txt > "$out/fixtures.sarif" || [ $? -le 2 ]
if [ -d "$SHARED/corpus/cuad-dev/txt" ]; then
  mapfile -t files < <(ls "$SHARED/corpus/cuad-dev/txt"/*.txt | head -40)
  node bin/trustlint.js check -f sarif -q "${files[@]}" > "$out/corpus.sarif" || [ $? -le 1 ]
fi
node .ci/stages/validate-sarif.mjs "$SCHEMA" "$out"/*.sarif
