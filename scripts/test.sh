#!/usr/bin/env bash
# The whole test suite: scripts/test.sh [all|lint|sqlite|postgres|browser|dates] [extra pytest arguments]
#   all       lint, the suite on SQLite, the suite on PostgreSQL, browser tests, dates; every stage runs,
#             the summary lists the failed ones and the exit status is non-zero if any failed
#   dates     the tests marked `dates` on SQLite once per "today" in $CENTRUM_TEST_DATES (holidays, year
#             end, clock changes, 29 February; the clock is frozen by tests/pytest_plugin.py), then the
#             Kalisz browser walk on the real date and on Christmas Eve ($CENTRUM_TEST_WALK_DATES)
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
# Use both cores: xdist workers for the suites and the browser tests, parallel processes for the dates.
# worksteal hands each worker a contiguous half and rebalances at the end: a module's tests mostly stay on
# one worker (module-scoped worlds are built once), and no worker idles while the other has a queue.
WORKERS=${CENTRUM_TEST_WORKERS:-2}

# Byte-compile once. Without .pyc files every Python process of the suite (about 30: xdist workers, one
# run per frozen date, subprocesses of some tests) compiles Django and the rest from source again, ~6 s of
# CPU each; PYTHONDONTWRITEBYTECODE=1 (set by some shells and containers) would keep it so. The compiled
# files go to __pycache__ (ignored by git) and are checked against their sources' timestamps.
unset PYTHONDONTWRITEBYTECODE
bytecode() {
  [ "$what" = lint ] && return 0
  local purelib
  purelib=$($RUN python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') || return 0
  $RUN python -m compileall -q -j 0 "$purelib" centrum config tests conftest.py >/dev/null 2>&1 || true
}

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
  env -u CENTRUM_DATABASE_URL $RUN pytest -n "$WORKERS" --dist worksteal -m "not browser" -q "${extra[@]}"
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
    # No statement of the suite runs for minutes: one that does is cancelled (its test fails) and printed
    # below, instead of holding the stage until the CI's limit.
    CENTRUM_DATABASE_URL="$url?options=-c%20statement_timeout%3D${CENTRUM_PG_STATEMENT_TIMEOUT:-180s}" \
      $RUN pytest -n "$WORKERS" --dist worksteal -m "not browser" -q "${extra[@]}"
    status=$?
    if [ $status -ne 0 ]; then
      grep -A3 "canceling statement due to statement timeout" "${CENTRUM_PG_DATA:-/tmp/centrum-pg-$port}/server.log" \
        2>/dev/null | head -40
    fi
    exit $status
  )
  status=$?
  return $status
}

browser() {
  echo "== browser tests (Chromium + axe-core)"
  if [ ! -f node_modules/axe-core/axe.min.js ]; then
    npm ci --no-audit --no-fund --silent || return 1
  fi
  # Two processes (each its own live server, database and Chromium): the every-page walk's parts and
  # the other browser tests side by side (tests/browser/conftest.py orders them for worksteal).
  env -u CENTRUM_DATABASE_URL DJANGO_ALLOW_ASYNC_UNSAFE=true \
    $RUN pytest -m browser -q -n "$WORKERS" --dist worksteal "${extra[@]}"
}

# Every other stage runs at the plugin's default today (an ordinary Wednesday); these are the awkward ones.
DATES=${CENTRUM_TEST_DATES:-"2026-12-24 2027-01-01T00:30 2027-01-06 2027-03-28 2027-10-31T02:30 2028-02-29"}
WALK_DATES=${CENTRUM_TEST_WALK_DATES:-"real 2026-12-24"}
WALK=(tests/browser/test_spaces_kalisz_walk.py tests/browser/test_clock.py)

# One pytest process per date (the clock is frozen for the whole process), then the walks, $WORKERS
# processes at a time: cheaper than xdist inside each date (no controller, one collection per date instead
# of three) and both cores stay busy. Each job's output is printed whole, in order, when it is done.
dates_one() {
  env -u CENTRUM_DATABASE_URL CENTRUM_TEST_TODAY="$1" \
    $RUN pytest -p no:xdist -m "dates and not browser" -q --tb=short "${extra[@]}"
}

walk_one() {
  env -u CENTRUM_DATABASE_URL CENTRUM_TEST_TODAY="$1" DJANGO_ALLOW_ASYNC_UNSAFE=true \
    $RUN pytest "${WALK[@]}" -m browser -q --tb=short -p no:xdist "${extra[@]}"
}

dates() {
  local today job queue=() titles=() failed=() logs pids=() i=0
  [ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund --silent || return 1
  for today in $DATES; do
    queue+=("dates_one $today")
    titles+=("tests marked dates, today = $today|$today")
  done
  for today in $WALK_DATES; do
    queue+=("walk_one $today")
    titles+=("Kalisz walk, today = $today|walk $today")
  done
  logs=$(mktemp -d)
  for job in "${queue[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$WORKERS" ]; do wait -n || true; done
    $job >"$logs/$i.log" 2>&1 &
    pids+=($!)
    i=$((i + 1))
  done
  for i in "${!queue[@]}"; do
    wait "${pids[$i]}" || failed+=("${titles[$i]#*|}")
    echo "== ${titles[$i]%|*}"
    cat "$logs/$i.log"
  done
  rm -rf "$logs"
  if [ ${#failed[@]} -gt 0 ]; then
    echo "failed under: ${failed[*]}"
    return 1
  fi
}

timed() {
  local start=$SECONDS rc
  "$1"
  rc=$?
  echo "-- $1: $([ $rc = 0 ] && echo ok || echo FAILED) in $((SECONDS - start)) s"
  return $rc
}

bytecode
case "$what" in
  all)
    failed=()
    for stage in lint sqlite postgres browser dates; do
      timed "$stage" || failed+=("$stage")
    done
    if [ ${#failed[@]} -gt 0 ]; then
      echo "== FAILED: ${failed[*]}"
      exit 1
    fi
    echo "== all stages passed"
    ;;
  lint | sqlite | postgres | browser | dates) timed "$what" ;;
  *)
    echo "usage: $0 [all|lint|sqlite|postgres|browser|dates] [pytest arguments]" >&2
    exit 2
    ;;
esac
