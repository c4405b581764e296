"""The public directory at national scale: selector and whole page, large centre against a small one.

    CENTRUM_DATABASE_URL=postgres://… uv run python bench/directory.py [--repeats 25] [--out FILE]

Run after bench/generate.py (scripts/bench.sh does both). For each operation (first page, a search with
diacritics, a two-word search, a filter by legal form, a filter by sphere, a deep page) it times
* the selector: `organisation_directory(...)` paginated as the view does (count + one page of rows),
* the page: GET /organizacje/?… through Django's test client on the centre's host (middleware, view,
  templates, every query),
on the largest centre and on a small one, interleaved in the same run, and reports median and p95 and
the RATIO large/small (the machine is shared and noisy: the ratio says how the cost grows with size).
EXPLAIN (ANALYZE, BUFFERS) of the large centre's queries shows which indexes PostgreSQL uses.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import warnings  # noqa: E402

import django  # noqa: E402

# No collectstatic for a benchmark: WhiteNoise's notice about the missing STATIC_ROOT is noise here.
warnings.filterwarnings("ignore", "No directory at")
django.setup()

from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from centrum.core.models import Centre  # noqa: E402
from centrum.core.scopes import platform_scope  # noqa: E402
from centrum.organisations.choices import LegalForm  # noqa: E402
from centrum.organisations.models import Organisation  # noqa: E402
from centrum.organisations.selectors import organisation_directory  # noqa: E402

try:  # the view's paginator (counts at most DIRECTORY_COUNT_CAP rows)
    from centrum.organisations.views.registry import DIRECTORY_COUNT_CAP, PAGE_SIZE, CappedPaginator

    def paginator_for(qs):
        return CappedPaginator(qs, PAGE_SIZE, cap=DIRECTORY_COUNT_CAP)
except ImportError:  # pragma: no cover - the view changed; fall back to Django's
    PAGE_SIZE = 20

    def paginator_for(qs):
        return Paginator(qs, PAGE_SIZE)


LARGE = "bench-warszawa"
SMALL = "bench-mala"
AREA = "16"  # kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego
DEEP_PAGE = 200


def operations(centre: Centre, small: bool) -> list[tuple[str, dict, dict]]:
    """(label, selector kwargs + page, query string) per operation."""
    deep = 10**6 if small else DEEP_PAGE  # a small centre has few pages: its last one
    sample = (
        Organisation.objects.filter(centre=centre, status="active")
        .exclude(krs="")
        .order_by("id")
        .only("krs", "street")[7]
    )
    krs = sample.krs
    spaced_krs = f"KRS {krs[:4]} {krs[4:7]} {krs[7:]}"
    ops = [
        ("first page", {}, {}),
        ("search „żółwia” (diacritics)", {"q": "żółwia"}, {"q": "żółwia"}),
        ("search „fundacja łąk” (two words)", {"q": "fundacja łąk"}, {"q": "fundacja łąk"}),
        ("search a KRS number (one match)", {"q": krs}, {"q": krs}),
        ("search „pszczelarzy” (a word)", {"q": "pszczelarzy"}, {"q": "pszczelarzy"}),
        ("search „fundacja” (a common word)", {"q": "fundacja"}, {"q": "fundacja"}),
        ("search „KRS 0000 123 456” (typed with spaces)", {"q": spaced_krs}, {"q": spaced_krs}),
        ("search a street and number", {"q": sample.street}, {"q": sample.street}),
        (
            "filter: legal form = fundacja",
            {"legal_form": LegalForm.FOUNDATION},
            {"legal_form": LegalForm.FOUNDATION},
        ),
        ("filter: sphere 16 (kultura)", {"area": AREA}, {"area": AREA}),
        (f"deep page ({'last' if small else DEEP_PAGE})", {"page": deep}, {"page": deep}),
    ]
    return ops


def run_selector(centre: Centre, kwargs: dict) -> int:
    kwargs = dict(kwargs)
    page_number = kwargs.pop("page", 1)
    paginator = paginator_for(organisation_directory(centre=centre, **kwargs))
    page = paginator.get_page(page_number)
    rows = list(page.object_list)
    _ = paginator.count
    return len(rows)


def run_page(client: Client, query: dict) -> int:
    url = "/organizacje/" + (f"?{urlencode(query)}" if query else "")
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    return len(response.content)


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


def _n(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def explain(centre: Centre, kwargs: dict) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        run_selector(centre, kwargs)
    plans = []
    for query in captured.captured_queries:
        sql = query["sql"]
        if "organisations_organisation" not in sql:
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING ON) " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        plans.append(f"```sql\n{sql}\n```\n```\n{plan}\n```")
    return plans


@dataclass
class PreviousRun:
    generated: str = ""
    summary: str = ""  # its description and table, kept in the new file under "Earlier runs"
    earlier: str = ""  # the runs before it, kept as they were
    ratios: dict = field(default_factory=dict)  # (operation, what) -> ratio as written


def previous_run(text: str) -> PreviousRun:
    """The run this one replaces, read from the results file it wrote."""
    head = text.split("\n## Indexes on organisations_organisation")[0]
    if "| operation |" not in head:
        return PreviousRun()
    current, _sep, earlier = head.partition("\n## Earlier runs\n")
    current = current.split("\n## ")[0]  # without its own comparison section
    summary = current.split("\n", 1)[1].strip() if current.startswith("# ") else current.strip()
    generated = re.search(r" on (\d{4}-\d\d-\d\d \d\d:\d\d UTC)", summary)
    ratios = {}
    for line in summary.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0] not in ("operation", "---"):
            ratios[(cells[0], cells[1])] = cells[6]
    return PreviousRun(
        generated=generated.group(1) if generated else "earlier",
        summary=summary,
        earlier=earlier.strip(),
        ratios=ratios,
    )


@platform_scope("directory benchmark across centres")
def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "directory.md"))
    args = parser.parse_args(argv)

    large = Centre.objects.get(slug=LARGE)
    small = Centre.objects.get(slug=SMALL)
    clients = {c.pk: Client(HTTP_HOST=c.primary_host) for c in (large, small)}
    counts = {c.pk: Organisation.objects.filter(centre=c).count() for c in (large, small)}
    total = Organisation.objects.count()
    centres = Centre.objects.count()

    results = []  # (label, kind, large times, small times)
    for (label, kwargs, query), (_l, small_kwargs, small_query) in zip(
        operations(large, False), operations(small, True), strict=True
    ):
        for kind, fn, large_args, small_args in (
            ("selector", run_selector, (large, kwargs), (small, small_kwargs)),
            ("page", run_page, (clients[large.pk], query), (clients[small.pk], small_query)),
        ):
            for _ in range(args.warmup):
                fn(*large_args)
                fn(*small_args)
            large_times, small_times = [], []
            for _ in range(args.repeats):  # interleaved, so noise hits both alike
                large_times.append(timed(fn, *large_args))
                small_times.append(timed(fn, *small_args))
            results.append((label, kind, large_times, small_times))
            print(
                f"{label:<40} {kind:<8} large {statistics.median(large_times):7.1f} ms  "
                f"small {statistics.median(small_times):7.1f} ms  "
                f"ratio {statistics.median(large_times) / statistics.median(small_times):5.2f}",
                flush=True,
            )

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'organisations_organisation' "
            "ORDER BY indexname"
        )
        indexes = cursor.fetchall()
    has_fts = any("to_tsvector" in definition for _name, definition in indexes)
    out = Path(args.out)
    previous = previous_run(out.read_text(encoding="utf-8") if out.exists() else "")

    lines = [
        "# Public directory at national scale",
        "",
        f"Generated by `make bench` (scripts/bench.sh) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: "
        f"PostgreSQL {server}, Python {platform.python_version()}, {os.cpu_count()} CPU(s) shared with other "
        "work (timings are noisy; the ratios are the point).",
        "",
        f"Data (bench/generate.py, seed 2026): **{_n(total)} organisations in {_n(centres)} centres**. "
        f"Large centre `{LARGE}`: {_n(counts[large.pk])} organisations; small centre `{SMALL}`: "
        f"{_n(counts[small.pk])}. Both measured in the same run, interleaved, {args.repeats} repetitions "
        f"after {args.warmup} warm-up runs each.",
        "",
        "*selector* = `organisation_directory(...)` paginated as the view does (capped count + one page of "
        f"{PAGE_SIZE}); *page* = `GET /organizacje/?…` through the test client on the centre's host "
        "(middleware, view, templates, all queries).",
        "",
        "| operation | what | large median ms | large p95 ms | small median ms | small p95 ms | ratio (median) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for label, kind, large_times, small_times in results:
        lm, sm = statistics.median(large_times), statistics.median(small_times)
        lines.append(
            f"| {label} | {kind} | {lm:.1f} | {p95(large_times):.1f} | {sm:.1f} | {p95(small_times):.1f} "
            f"| {lm / sm:.2f} |"
        )
    if previous.ratios:
        lines += [
            "",
            f"## Ratios beside the previous run ({previous.generated})",
            "",
            "| operation | what | previous ratio | this run's ratio |",
            "|---|---|---:|---:|",
        ]
        for label, kind, large_times, small_times in results:
            ratio = statistics.median(large_times) / statistics.median(small_times)
            lines.append(f"| {label} | {kind} | {previous.ratios.get((label, kind), '–')} | {ratio:.2f} |")
    if previous.summary:
        lines += ["", "## Earlier runs", "", f"### Run of {previous.generated}", "", previous.summary]
        lines += [previous.earlier] if previous.earlier else []
    lines += [
        "",
        "## Indexes on organisations_organisation",
        "",
        "Full-text index (GIN on `to_tsvector('centrum_search', search_text)`, migration 0006): "
        + ("**present**." if has_fts else "**absent** (migration not applied when this ran)."),
        "",
        "```",
        *[definition for _name, definition in indexes],
        "```",
        "",
        f"## EXPLAIN (ANALYZE, BUFFERS) on the large centre ({LARGE})",
        "",
    ]
    for label, kwargs, _query in operations(large, False):
        lines += [f"### {label}", "", *explain(large, kwargs), ""]

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
