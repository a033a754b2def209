#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL on a loopback port, with DATABASE_URL set:
#
#   bash packages/server/scripts/with-postgres.sh pnpm test:server
#
# Installs Debian's `postgresql` package when no server binaries are present (as CI starts with
# none), creates a cluster in a temporary folder (fsync off: test data only), runs the command,
# then stops the cluster and deletes the folder. Exits with the command's status.
set -euo pipefail

PORT="${CIVIC_PG_PORT:-54329}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "Installing PostgreSQL from Debian…"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

DIR="$(mktemp -d /tmp/civic-pg.XXXXXX)"
as_pg() {
  # PostgreSQL refuses to run as root: run it as the `postgres` user the package created.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"

cleanup() {
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U civic --no-sync -E UTF8 >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o \
  "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U civic civic

export DATABASE_URL="postgres://civic@127.0.0.1:$PORT/civic"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (DATABASE_URL=$DATABASE_URL)"
"$@"
