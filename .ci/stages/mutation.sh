#!/usr/bin/env bash
# Damaged copies of real PDFs, Word files and texts from ../shared/corpus through the CLI: every copy must end
# as a result or a one-line error, never a crash or a hang. A small seeded sample here (well under 3 minutes);
# the full set on demand: npm run mutate -- ../shared/corpus
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d ../shared/corpus ]; then echo "mutation: ../shared/corpus not present, skipped"; exit 0; fi
npm run mutate --silent -- ../shared/corpus --sample 6 --per-file 3 --seed "${MUTATE_SEED:-1}" --limit-ms 20000
