#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL cluster for the tests: scripts/pg.sh start|stop
# Prints the DATABASE_URL to use on start.
set -euo pipefail
PGPORT=${CENTRUM_PG_PORT:-5433}
PGDATA=${CENTRUM_PG_DATA:-/tmp/centrum-pg-$PGPORT}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then
  echo "PostgreSQL server binaries not found: apt-get install postgresql (done by .ci/run)" >&2
  exit 1
fi
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  start)
    if as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      :
    else
      rm -rf "$PGDATA"
      if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres -m 700 "$PGDATA"; else install -d -m 700 "$PGDATA"; fi
      as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
      as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
        -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null
      psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt \
        -c "CREATE ROLE centrum LOGIN PASSWORD 'centrum' CREATEDB SUPERUSER" \
        -c "CREATE DATABASE centrum OWNER centrum" >/dev/null
    fi
    echo "postgres://centrum:centrum@127.0.0.1:$PGPORT/centrum"
    ;;
  stop)
    as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
