#!/usr/bin/env bash
# Office-suite check of `trustlint review`: installs Debian's libreoffice-writer-nogui when soffice is missing
# (and poppler-utils for pdftotext; about 1-2 minutes), builds the CLI, reviews a negotiated draft written by
# the script (and Common Paper / Bonterms Word files when ../shared/corpus is there), converts the reviewed
# files to PDF and ODT headlessly, and checks the PDF text holds every comment's anchored words and that
# LibreOffice read every comment. About 1-2 minutes once installed (the build included).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
npm run build --silent
node tests/libreoffice/review-in-libreoffice.mjs
