"""The load benchmark's pages in-process: CPU per request, queries per request, ratio to the floor.

    CENTRUM_DATABASE_URL=postgres://… uv run python bench/profile_pages.py [--requests 30] [--only home …]
        [--profile "room week"] [--explain "staff room queue"]

A quick loop for work on page speed, beside bench/load.py (which needs ~3 minutes and a quiet machine):
the same pages (load.py's `pages()`, same data, same signed-in staff and platform admin) through the WSGI
application in this process with the load benchmark's settings (`config.settings.bench`: production
settings, the database cache table, compiled-template cache), no server, no client threads. Per page,
after two warm-up requests: CPU ms per request (this process: Python, templates, the driver), wall ms
per request (adds the time PostgreSQL spends answering), queries per request, response bytes, and the
ratio of the floor's wall time to the page's (≈ what the load benchmark's ratio would be on a machine
where the database and the server share the cores, as here). `--profile LABEL` prints cProfile's top
functions for that page; `--explain LABEL` prints EXPLAIN ANALYZE of each of its queries. Run
bench/generate.py first (scripts/bench.sh does); load.py's pages() adds the rooms and people it needs.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
STATIC_ROOT = Path(os.environ.get("CENTRUM_STATIC_ROOT") or "/tmp/centrum-profile-pages-static")
os.environ["CENTRUM_STATIC_ROOT"] = str(STATIC_ROOT)

import load  # noqa: E402  (sets config.settings.bench and calls django.setup())
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402


class Queries:
    """Every SQL statement run while it is active (request_started resets `connection.queries`, so
    CaptureQueriesContext sees none of a whole request's)."""

    def __init__(self):
        self.sql: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        try:
            return execute(sql, params, many, context)
        finally:
            self.sql.append(connection.ops.last_executed_query(context["cursor"], sql, params))

    def __enter__(self):
        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)


def collect_static() -> None:
    """{% static %} reads the manifest of collected files (production storage): collect once, keep it."""
    if not (STATIC_ROOT / "staticfiles.json").exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"},
            check=True,
        )


def environ_for(page: load.Page) -> dict:
    path, _, query = page.path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": page.host,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": page.host,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if page.cookie:
        environ["HTTP_COOKIE"] = page.cookie
    return environ


def request(app: WSGIHandler, page: load.Page) -> tuple[int, int]:
    status = []
    body = app(environ_for(page), lambda s, headers, exc_info=None: status.append(s))
    size = sum(len(chunk) for chunk in body)
    if hasattr(body, "close"):
        body.close()
    return int(status[0].split()[0]), size


def measure(app: WSGIHandler, page: load.Page, n: int) -> dict:
    for _ in range(2):
        code, size = request(app, page)
    with Queries() as queries:
        request(app, page)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(n):
        request(app, page)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {
        "status": code,
        "bytes": size,
        "queries": len(queries.sql),
        "cpu_ms": cpu / n * 1000,
        "wall_ms": wall / n * 1000,
        "sql": queries.sql,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--only", nargs="*", help="page labels (substrings) to measure; the floor always")
    parser.add_argument("--profile", help="print cProfile's top functions for this page label")
    parser.add_argument("--explain", help="print EXPLAIN ANALYZE of each query of this page label")
    parser.add_argument("--sql", action="store_true", help="print each page's queries")
    args = parser.parse_args(argv)
    collect_static()
    to_measure = load.pages()
    floor = to_measure[0]
    if args.only:
        to_measure = [floor] + [p for p in to_measure[1:] if any(o in p.label for o in args.only)]
    app = WSGIHandler()
    results = {}
    print(f"{'page':34} {'status':>6} {'KB':>6} {'queries':>7} {'CPU ms':>8} {'wall ms':>8} {'ratio':>6}")
    for page in to_measure:
        result = results[page.label] = measure(app, page, args.requests)
        ratio = results[floor.label]["wall_ms"] / result["wall_ms"]
        print(
            f"{page.label:34} {result['status']:>6} {result['bytes'] / 1024:>6.1f} {result['queries']:>7} "
            f"{result['cpu_ms']:>8.1f} {result['wall_ms']:>8.1f} {ratio:>6.2f}"
        )
        if args.sql:
            for sql in result["sql"]:
                print("     ", sql[:300])
    if args.profile:
        page = next(p for p in to_measure if args.profile in p.label)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            request(app, page)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(30)
        print(out.getvalue())
    if args.explain:
        page = next(p for p in to_measure if args.explain in p.label)
        with Queries() as queries:
            request(app, page)
        with connection.cursor() as cursor:
            for sql in queries.sql:
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = [row[0] for row in cursor.fetchall()]
                print(f"\n-- {sql[:400]}\n" + "\n".join(plan))


if __name__ == "__main__":
    main()
