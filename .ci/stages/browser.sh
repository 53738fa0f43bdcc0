#!/usr/bin/env bash
# Browser test of the HTML report: installs Debian's chromium when missing (about 80 s), builds the CLI and
# opens single, batch (and, when ../shared/corpus is there, real-contract) reports in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
npm run build --silent
node tests/browser/html-report.browser.mjs
