"""Directory exports (CSV and XLSX) of the largest centre: first byte, whole response, memory.

    CENTRUM_DATABASE_URL=postgres://… uv run python bench/exports.py [--repeats 5] [--out FILE]

Run after bench/generate.py (scripts/bench.sh does both): `bench-warszawa` has 10,000 organisations,
`bench-mala` 40. Each export is fetched through Django's test client on the centre's host, public (anonymous)
and extended (a staff member, `?pola=rozszerzone`), the two centres interleaved in each round. For each it
reports the median time to the first byte and to the first organisation's row (what a browser waits for
before the download starts), the whole response, its size, and the peak of Python's allocations while it
was produced (tracemalloc): a streamed export keeps that flat however many rows the centre has, so the
large centre's peak is compared with the small one's. Goal (issue 9): first byte under 200 ms at 10,000
organisations, memory flat.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", "No directory at")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from centrum.accounts.models import CentreRoleKind  # noqa: E402
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory  # noqa: E402
from centrum.core.models import Centre  # noqa: E402
from centrum.core.scopes import platform_scope  # noqa: E402
from centrum.organisations.models import Organisation  # noqa: E402

EXPORTS = [
    ("CSV", "/organizacje/dane/eksport.csv", False),
    ("CSV, extended (staff)", "/organizacje/dane/eksport.csv?pola=rozszerzone", True),
    ("XLSX", "/organizacje/dane/eksport.xlsx", False),
    ("XLSX, extended (staff)", "/organizacje/dane/eksport.xlsx?pola=rozszerzone", True),
]


def fetch(client: Client, url: str) -> dict:
    tracemalloc.start()
    tracemalloc.reset_peak()
    started = time.perf_counter()
    response = client.get(url)
    chunks = iter(response.streaming_content)
    first_byte = first_row = None
    size = 0
    seen_lines = 0
    for chunk in chunks:
        now = time.perf_counter() - started
        if first_byte is None:
            first_byte = now
        size += len(chunk)
        seen_lines += chunk.count(b"\n")
        if first_row is None and (seen_lines >= 2 or url.split("?")[0].endswith(".xlsx")):
            first_row = now  # an XLSX is only readable whole: its first row comes with its first byte
    total = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    response.close()
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return {"first_byte": first_byte, "first_row": first_row, "total": total, "size": size, "peak": peak}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "results" / "exports.md"))
    args = parser.parse_args(argv)
    with platform_scope("benchmark set-up"):
        centres = {slug: Centre.objects.get(slug=slug) for slug in ("bench-warszawa", "bench-mala")}
        counts = {slug: Organisation.objects.filter(centre=c).count() for slug, c in centres.items()}
        staff = UserFactory(email=f"bench-exports-{int(time.time())}@example.org")
        for centre in centres.values():
            CentreRoleFactory(centre=centre, user=staff, role=CentreRoleKind.STAFF)
    clients = {}
    for slug, centre in centres.items():
        anonymous = Client(HTTP_HOST=centre.primary_host)
        signed_in = Client(HTTP_HOST=centre.primary_host)
        signed_in.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
        clients[slug] = (anonymous, signed_in)
    results: dict[tuple[str, str], list[dict]] = {}
    for label, url, staff_only in EXPORTS:
        for slug in centres:  # a warm-up each, not counted
            fetch(clients[slug][staff_only], url)
        for _round in range(args.repeats):
            for slug in centres:
                results.setdefault((label, slug), []).append(fetch(clients[slug][staff_only], url))

    def median(label, slug, key):
        return statistics.median(r[key] for r in results[(label, slug)])

    lines = [
        "# Organisations: directory exports",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d} with `uv run python bench/exports.py --repeats {args.repeats}` "
        f"on {connection.vendor} ({platform.python_implementation()} {platform.python_version()}), "
        f"through Django's test client; `bench-warszawa` has {counts['bench-warszawa']:,} organisations, "
        f"`bench-mala` {counts['bench-mala']:,}. Medians of {args.repeats} rounds (centres interleaved); "
        "memory is the peak of Python allocations while the response was produced (tracemalloc).",
        "",
        "| export | centre | first byte | first row | whole | size | peak memory |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for label, _url, _staff in EXPORTS:
        for slug in centres:
            lines.append(
                f"| {label} | {slug} | {median(label, slug, 'first_byte') * 1000:.0f} ms "
                f"| {median(label, slug, 'first_row') * 1000:.0f} ms | {median(label, slug, 'total'):.2f} s "
                f"| {median(label, slug, 'size') / 1024:.0f} KB | {median(label, slug, 'peak') / 1e6:.1f} MB |"
            )
    lines += [
        "",
        f"Peak RSS of the benchmark process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
