#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, types, the shipped dependencies' advisories, unit/adapter/component
# tests, production build and the browser tests in Debian's Chromium (installed here when missing; never a
# downloaded browser).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's chromium for the browser tests, a Japanese font so that the screenshot is readable, and LibreOffice
# (headless) as a second opinion on the .xlsx files the CLI writes.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || missing+=(fonts-ipafont-gothic)
[ -x /usr/bin/soffice ] || missing+=(libreoffice-calc-nogui)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} for the browser and file tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The browser and file tests need Debian packages: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

mkdir -p test-results
npm run --silent lint
npm run --silent typecheck
npm run --silent audit:prod
npx jest --ci --json --outputFile=test-results/unit.json
npm run --silent build
npx jest --ci --config jest.e2e.config.js --json --outputFile=test-results/e2e.json
node scripts/test-summary.js test-results/unit.json test-results/e2e.json
