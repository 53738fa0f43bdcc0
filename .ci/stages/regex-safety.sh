#!/usr/bin/env bash
# Every regex of the built-in rule pack through the same catastrophic-backtracking check that user packs get at
# load time (recheck). Verdicts are cached in ~/.cache/trustlint, so only new or changed patterns cost time;
# a 150 s budget bounds the stage and the cache carries coverage forward from run to run.
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run check-regexes --silent -- --budget-s 150
