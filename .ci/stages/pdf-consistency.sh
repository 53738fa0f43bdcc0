#!/usr/bin/env bash
# Same contract, PDF vs text: the topics found in each CUAD dev PDF must agree with those found in its text
# version (issue 4 target: >= 95% of contract x topic pairs). Skipped when the corpus is not beside the repo.
# Takes several minutes: one 154-page filing alone spends 1-3 minutes in pdf.js on a loaded 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus/cuad-dev
if [ ! -d "$corpus/pdf" ]; then
  echo "no $corpus/pdf: skipped"
  exit 0
fi
npm run build --silent
node build/eval.js "$corpus" --pdf --min-agreement 0.95
