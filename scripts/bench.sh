#!/usr/bin/env bash
# Benchmarks at national scale: scripts/bench.sh (make bench)
# Starts a throwaway PostgreSQL on port ${CENTRUM_PG_PORT:-5434} (not the tests' 5433), migrates, generates
# ~150 000 organisations (bench/generate.py), measures the directory (bench/directory.py) and writes
# bench/results/directory.md, then times the import of a 12,000-row OPP list (bench/opp_import.py →
# bench/results/opp_import.md; non-zero exit over its 15 s budget), the directory exports of the largest
# centre (bench/exports.py → bench/results/exports.md), the CSV import of organisations at 10,000,
# 50,000 and 100,000 rows (bench/csv_import.py, appended to bench/results/csv_import.md; BENCH_IMPORT_SIZES
# overrides the sizes), the room questions (bench/rooms.py → bench/results/rooms.md; beside Indico when
# BENCH_INDICO_PYTHON names its interpreter, see bench/peer_indico.py) and the free-slot search among a million
# bookings (bench/spaces_free_slots.py → bench/results/spaces.md), then every page under load against a bare view on its own gunicorn
# (bench/load.py → bench/results/load.md; BENCH_LOAD_ARGS for its options, e.g. "--rounds 3"). The cluster is
# stopped and deleted
# afterwards, whatever happens.
# Extra arguments go to bench/directory.py (e.g. --repeats 50). BENCH_ORGANISATIONS / BENCH_CENTRES
# scale the data (defaults 150000 / 2500).
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never
export CENTRUM_PG_PORT=${CENTRUM_PG_PORT:-5434}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.test}
UV="uv"
command -v uv >/dev/null 2>&1 || UV="python3 -m uv"
RUN="$UV run --locked"

if (exec 3<>"/dev/tcp/127.0.0.1/$CENTRUM_PG_PORT") 2>/dev/null; then
  echo "port $CENTRUM_PG_PORT is taken (another benchmark?); set CENTRUM_PG_PORT" >&2
  exit 1
fi
trap 'scripts/pg.sh stop' EXIT
CENTRUM_DATABASE_URL=$(scripts/pg.sh start)
export CENTRUM_DATABASE_URL
start=$SECONDS
echo "== migrate"
$RUN python manage.py migrate --noinput -v 0
echo "== generate"
$RUN python bench/generate.py --organisations "${BENCH_ORGANISATIONS:-150000}" --centres "${BENCH_CENTRES:-2500}"
echo "== directory"
$RUN python bench/directory.py "$@"
echo "== OPP list import"
$RUN python bench/opp_import.py
echo "== directory exports"
$RUN python bench/exports.py
echo "== CSV import of organisations"
# shellcheck disable=SC2086
$RUN python bench/csv_import.py --sizes ${BENCH_IMPORT_SIZES:-10000 50000 100000}
echo "== rooms: the six room questions at 3 and 50 rooms, sparse and busy (bench/results/rooms.md)"
$RUN python bench/rooms.py
echo "== rooms: free-slot search with a million bookings, full and empty table interleaved (bench/results/spaces.md)"
$RUN python bench/spaces_free_slots.py
echo "== pages under load (gunicorn, production settings, 16 clients)"
$RUN python bench/load.py ${BENCH_LOAD_ARGS:-}
echo "== bench finished in $((SECONDS - start)) s"
