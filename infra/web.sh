#!/usr/bin/env bash
# Installs the web app's npm packages when package-lock.json changed, then builds web/dist. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/../web"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[web] npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
echo "[web] building" >&2
npm run --silent build >&2
