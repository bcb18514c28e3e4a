#!/usr/bin/env bash
# Makes sure a PostgreSQL server is installed and running with the project's role and database,
# then prints the connection string on stdout (everything else goes to stderr). Safe to run again.
set -euo pipefail

DB_NAME="${CONTESTS_DB_NAME:-contests}"
DB_USER="${CONTESTS_DB_USER:-contests}"
DB_PASSWORD="${CONTESTS_DB_PASSWORD:-contests}"
DB_PORT="${CONTESTS_DB_PORT:-5432}"

log() { echo "[postgres] $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian's packages"
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  log "creating cluster $version/main"
  as_root pg_createcluster "$version" main --port "$DB_PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting cluster $version/main"
  as_root pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

psql_admin() { as_root runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
for _ in $(seq 1 30); do psql_admin -c 'select 1' >/dev/null 2>&1 && break; sleep 1; done

if [ "$(psql_admin -c "select 1 from pg_roles where rolname='$DB_USER'")" != "1" ]; then
  log "creating role $DB_USER"
  psql_admin -c "create role \"$DB_USER\" login password '$DB_PASSWORD' createdb" >&2
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname='$DB_NAME'")" != "1" ]; then
  log "creating database $DB_NAME"
  psql_admin -c "create database \"$DB_NAME\" owner \"$DB_USER\"" >&2
fi

echo "Host=127.0.0.1;Port=$port;Database=$DB_NAME;Username=$DB_USER;Password=$DB_PASSWORD"
