#!/usr/bin/env bash
# Makes sure a Redis server is installed and running on loopback, then prints its connection string. Safe to run again.
set -euo pipefail

REDIS_PORT="${CONTESTS_REDIS_PORT:-6379}"
log() { echo "[redis] $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v redis-server >/dev/null 2>&1; then
  log "installing redis-server from Debian's packages"
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >&2
fi
if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  log "starting redis on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >&2
  for _ in $(seq 1 30); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
fi
echo "127.0.0.1:$REDIS_PORT"
