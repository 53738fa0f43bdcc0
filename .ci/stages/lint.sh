#!/usr/bin/env bash
# ESLint (eslint.config.js: the recommended rules of ESLint and typescript-eslint). Fails on any error;
# warnings are printed but do not fail the stage.
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run lint --silent
