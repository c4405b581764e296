#!/usr/bin/env bash
# The whole test suite: scripts/test.sh [all|lint|sqlite|postgres|browser] [extra pytest arguments]
#   all       lint, the suite on SQLite, the suite on PostgreSQL, browser tests; every stage runs,
#             the summary lists the failed ones and the exit status is non-zero if any failed
#   postgres  starts a throwaway cluster (scripts/pg.sh) on $CENTRUM_PG_PORT or the first free port
#             from 5433 up (5434 is left to the benchmarks) and always stops it afterwards
set -uo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never
UV="uv"
command -v uv >/dev/null 2>&1 || UV="python3 -m uv"
RUN="$UV run --locked"
what=${1:-all}
[ $# -gt 0 ] && shift
extra=("$@")
# Use both cores for the unit suites; browser tests run in one process.
WORKERS=${CENTRUM_TEST_WORKERS:-2}

lint() {
  echo "== ruff"
  $RUN ruff check . || return 1
  $RUN ruff format --check . >/dev/null || {
    echo "ruff format: files need formatting (run: uv run ruff format .)"
    return 1
  }
}

sqlite() {
  echo "== suite on SQLite"
  env -u CENTRUM_DATABASE_URL $RUN pytest -n "$WORKERS" -m "not browser" -q "${extra[@]}"
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

postgres() {
  echo "== suite on PostgreSQL"
  local port=${CENTRUM_PG_PORT:-}
  if [ -z "$port" ]; then
    port=5433
    while port_taken "$port" || [ "$port" = 5434 ]; do port=$((port + 1)); done
  elif port_taken "$port"; then
    echo "port $port is taken (another test run?); unset CENTRUM_PG_PORT to pick a free one" >&2
    return 1
  fi
  local url status
  # A subshell, so the EXIT trap stops the cluster whatever happens (failure, Ctrl-C).
  (
    export CENTRUM_PG_PORT=$port
    trap 'scripts/pg.sh stop' EXIT
    url=$(scripts/pg.sh start) || exit 1
    echo "   (PostgreSQL $(psql "$url" -qAtc 'SHOW server_version') on port $port)"
    CENTRUM_DATABASE_URL="$url" $RUN pytest -n "$WORKERS" -m "not browser" -q "${extra[@]}"
  )
  status=$?
  return $status
}

browser() {
  echo "== browser tests (Chromium + axe-core)"
  if [ ! -f node_modules/axe-core/axe.min.js ]; then
    npm ci --no-audit --no-fund --silent || return 1
  fi
  env -u CENTRUM_DATABASE_URL DJANGO_ALLOW_ASYNC_UNSAFE=true \
    $RUN pytest -m browser -q -p no:xdist "${extra[@]}"
}

timed() {
  local start=$SECONDS rc
  "$1"
  rc=$?
  echo "-- $1: $([ $rc = 0 ] && echo ok || echo FAILED) in $((SECONDS - start)) s"
  return $rc
}

case "$what" in
  all)
    failed=()
    for stage in lint sqlite postgres browser; do
      timed "$stage" || failed+=("$stage")
    done
    if [ ${#failed[@]} -gt 0 ]; then
      echo "== FAILED: ${failed[*]}"
      exit 1
    fi
    echo "== all stages passed"
    ;;
  lint | sqlite | postgres | browser) timed "$what" ;;
  *)
    echo "usage: $0 [all|lint|sqlite|postgres|browser] [pytest arguments]" >&2
    exit 2
    ;;
esac
