#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests, then prints its path. Never downloads a browser build.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1; then
  echo "[chromium] installing from Debian's packages" >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-noto-core >&2
fi
command -v chromium
