#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: scripts/pg.sh start|stop|status|url
#   start   initialise (if not running) and start a cluster on $CENTRUM_PG_PORT (default 5433),
#           create the SUPERUSER role `centrum` (so pytest-django can create a database per xdist
#           worker and migrations can CREATE EXTENSION pg_trgm / btree_gist), print the DATABASE_URL
#   stop    stop it fast and delete its data directory
#   status  exit 0 if it is running
# Works as root (the server runs as the `postgres` user) and as an ordinary user.
set -euo pipefail
PGPORT=${CENTRUM_PG_PORT:-5433}
PGDATA=${CENTRUM_PG_DATA:-/tmp/centrum-pg-$PGPORT}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL server binaries not found: apt-get install postgresql postgresql-contrib (done by .ci/run)" >&2
  exit 1
fi
URL="postgres://centrum:centrum@127.0.0.1:$PGPORT/centrum"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
running() {
  [ -f "$PGDATA/PG_VERSION" ] && as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

case "${1:-start}" in
  start)
    if ! running; then
      rm -rf "$PGDATA"
      if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || { echo "no 'postgres' user: apt-get install postgresql" >&2; exit 1; }
        install -d -o postgres -g postgres -m 700 "$PGDATA"
      else
        install -d -m 700 "$PGDATA"
      fi
      as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
      if ! as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
        -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        echo "PostgreSQL did not start on port $PGPORT (port taken? set CENTRUM_PG_PORT). Log:" >&2
        tail -20 "$PGDATA/server.log" >&2 || true
        exit 1
      fi
      psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE centrum LOGIN PASSWORD 'centrum' CREATEDB SUPERUSER" \
        -c "CREATE DATABASE centrum OWNER centrum" >/dev/null
    fi
    echo "$URL"
    ;;
  stop)
    if running; then as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$PGDATA"
    ;;
  status) running ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
