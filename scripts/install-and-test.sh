#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine, then runs it.
# Used as is by CI (.ci/run) and by developers: `bash scripts/install-and-test.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."

# End-to-end tests drive Debian's Chromium through playwright-core: Playwright's own browser
# download cannot work without internet, the distribution's package can.
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# The bet-slip spreadsheet test opens the Excel variant in a real LibreOffice Calc (headless).
if ! command -v soffice >/dev/null 2>&1; then
  echo "Installing Debian's LibreOffice Calc (no GUI) for the spreadsheet test"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-calc-nogui >/dev/null
fi

# The Electron binary is only needed to open the desktop window, not for tests (they drive the
# headless mode); skipping its download keeps this working on machines without internet.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund

npm test
