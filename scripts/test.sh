#!/usr/bin/env bash
# The whole test suite: scripts/test.sh [all|lint|sqlite|postgres|browser]
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never
UV="uv"; command -v uv >/dev/null 2>&1 || UV="python3 -m uv"
RUN="$UV run --locked"
what=${1:-all}
# Use both cores for the unit suites; browser tests run in one process.
WORKERS=${CENTRUM_TEST_WORKERS:-2}

lint() {
  echo "== ruff"
  $RUN ruff check .
  $RUN ruff format --check . >/dev/null || { echo "ruff format: files need formatting (run: uv run ruff format .)"; exit 1; }
}
sqlite() {
  echo "== suite on SQLite"
  $RUN pytest -n "$WORKERS" -m "not browser" -q
}
postgres() {
  echo "== suite on PostgreSQL"
  url=$(scripts/pg.sh start)
  trap 'scripts/pg.sh stop' RETURN
  CENTRUM_DATABASE_URL="$url" $RUN pytest -n "$WORKERS" -m "not browser" -q
}
browser() {
  echo "== browser tests (Chromium + axe-core)"
  [ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund --silent
  DJANGO_ALLOW_ASYNC_UNSAFE=true $RUN pytest -m browser -q -p no:xdist
}
case "$what" in
  all) lint; sqlite; postgres; browser ;;
  lint|sqlite|postgres|browser) "$what" ;;
  *) echo "usage: $0 [all|lint|sqlite|postgres|browser]" >&2; exit 2 ;;
esac
