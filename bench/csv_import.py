"""The CSV import of organisations at 10,000, 50,000 and 100,000 rows: check and import, timed.

    uv run python bench/csv_import.py [--sizes 10000 50000 100000] [--out FILE] [--label after]

A list as Polish Excel saves it ("CSV (rozdzielany średnikami)": Windows-1250, semicolons, headers written
by hand) is generated with valid, distinct KRS, NIP and REGON numbers, an address, a district out of 40
and two spheres per row. For each size a fresh centre and a staff member are made; the file goes through
the services the upload page and the job use (`import_batch_create`, `import_batch_check` without a time
budget, `import_batch_start` + `import_batch_run`), on the configured database (scripts/bench.sh runs it
on its throwaway PostgreSQL). Printed and written: seconds for the check and the import, seconds per
10,000 rows of each, the CPU seconds of this process and of the PostgreSQL backend serving it (read from
/proc, so the numbers compare across a loaded and a quiet machine), the queries of the import per row, the
peak RSS of the process so far (`resource.getrusage`) and the load average. Goals (issue 9): 100,000 rows
checked in under 60 s, imported in under 120 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
(ROOT / "var").mkdir(exist_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", "No directory at")
django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from stdnum.pl import nip, regon  # noqa: E402

from centrum.accounts.models import CentreRoleKind  # noqa: E402
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory  # noqa: E402
from centrum.core.models import CentreSetting  # noqa: E402
from centrum.core.scopes import centre_scope  # noqa: E402
from centrum.core.tests.factories import CentreFactory  # noqa: E402
from centrum.organisations.models import ImportStatus  # noqa: E402
from centrum.organisations.services import imports  # noqa: E402

HEADER = [
    "Lp.",
    "Nazwa organizacji",
    "Forma prawna",
    "Nr KRS",
    "NIP",
    "REGON",
    "Adres",
    "Kod pocztowy",
    "Miejscowość",
    "E-mail",
    "Telefon",
    "Strona www",
    "Status OPP",
    "Dzielnica",
    "Sfery działalności",
]
FORMS = ["stowarzyszenie", "fundacja", "Stowarzyszenie zwykłe", "UKS", "KGW", "OSP"]
CITIES = ["Kalisz", "Łódź", "Żory", "Częstochowa", "Miechów", "Mysłowice"]


def _nip(i: int) -> str:
    for extra in range(10):
        base = f"{(123_000_000 + i * 10 + extra) % 1_000_000_000:09d}"
        check = sum(w * int(n) for w, n in zip((6, 5, 7, 2, 3, 4, 5, 6, 7), base, strict=True)) % 11
        if check < 10 and nip.is_valid(base + str(check)):
            return base + str(check)
    raise ValueError(i)


def _regon(i: int) -> str:
    base = f"{(20_000_000 + i) % 100_000_000:08d}"
    return base + regon.calc_check_digit(base)


def polish_excel_csv(rows: int) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(rows):
        number = _nip(i)
        krs = i % 4 != 3  # a quarter without KRS (ordinary associations, circles)
        writer.writerow(
            [
                i + 1,
                f"Stowarzyszenie Przyjaciół Ziemi Kaliskiej „Żuraw” nr {i}",
                FORMS[i % len(FORMS)] if krs else "Stowarzyszenie zwykłe",
                f"{100_000 + i:010d}" if krs else "",
                f"{number[:3]}-{number[3:6]}-{number[6:8]}-{number[8:]}" if i % 3 else "",
                _regon(i) if i % 2 else "",
                f'ul. Świętego Józefa {i % 200 + 1} "B"',
                f"62-{800 + i % 100:03d}",
                CITIES[i % len(CITIES)],
                f"biuro{i}@example.org" if i % 5 else "",
                f"62 765 {i % 100:02d} {i % 89:02d}",
                f"www.org{i}.example.org" if i % 7 == 0 else "",
                "tak" if krs and i % 10 == 0 else "nie",
                f"Osiedle {i % 40}",
                f"{1 + i % 30}, {1 + (i + 7) % 30}",
            ]
        )
    return buffer.getvalue().encode("cp1250")


def database_cpu() -> float:
    """CPU seconds the database server's process serving this connection has used so far (a PostgreSQL
    on this machine: /proc/<backend pid>/stat), 0 where that cannot be read."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def measure(rows: int) -> dict:
    name = f"import-bench-{rows}-{int(time.time())}"  # a fresh centre each run (not "bench-": generate.py)
    centre = CentreFactory(slug=name, host=f"{name}.localhost")
    staff = UserFactory(email=f"{name}@example.org")
    CentreRoleFactory(centre=centre, user=staff, role=CentreRoleKind.STAFF)
    CentreSetting.objects.create(centre=centre, key="organisations.import_max_rows", value=100_000)
    CentreSetting.objects.create(centre=centre, key="organisations.import_max_file_kb", value=51_200)
    data = polish_excel_csv(rows)
    with centre_scope(centre):
        started, cpu, db = time.perf_counter(), time.process_time(), database_cpu()
        batch = imports.import_batch_create(
            centre=centre, actor=staff, upload=SimpleUploadedFile("lista.csv", data, "text/csv")
        )
        batch = imports.import_batch_check(batch=batch)
        check, check_cpu = time.perf_counter() - started, time.process_time() - cpu
        check_db = database_cpu() - db
        if batch.status != ImportStatus.VALIDATED:
            raise SystemExit(f"{rows} rows: the check ended {batch.status}: {batch.errors[:3]}")
        started, cpu, db = time.perf_counter(), time.process_time(), database_cpu()
        queries = []
        with connection.execute_wrapper(lambda execute, *a: queries.append(1) or execute(*a)):
            batch = imports.import_batch_start(batch=batch, actor=staff)
            batch = imports.import_batch_run(batch=batch, actor=staff)
        run, run_cpu = time.perf_counter() - started, time.process_time() - cpu
        run_db = database_cpu() - db
        if batch.status != ImportStatus.DONE or batch.created_count != rows:
            raise SystemExit(f"{rows} rows: the import ended {batch.status}: {batch.errors[:3]}")
    return {
        "rows": rows,
        "check": check,
        "check_cpu": check_cpu,
        "check_db": check_db,
        "import": run,
        "import_cpu": run_cpu,
        "import_db": run_db,
        "load": os.getloadavg()[0],
        "queries_per_row": len(queries) / rows,
        "rss": peak_rss_mb(),
        "file_mb": len(data) / 1e6,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--label", default="after")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "csv_import.md"))
    args = parser.parse_args(argv)
    call_command("migrate", verbosity=0, interactive=False)
    results = []
    for rows in sorted(args.sizes):
        result = measure(rows)
        results.append(result)
        print(
            f"{rows:>7,} rows ({result['file_mb']:.1f} MB): check {result['check']:6.1f} s "
            f"(CPU {result['check_cpu']:.1f} s + database {result['check_db']:.1f} s, "
            f"{result['check'] / rows * 10_000:5.2f} s per 10k), import {result['import']:6.1f} s "
            f"(CPU {result['import_cpu']:.1f} s + database {result['import_db']:.1f} s, "
            f"{result['import'] / rows * 10_000:5.2f} s per 10k, {result['queries_per_row']:.2f} queries "
            f"per row), peak RSS {result['rss']:.0f} MB, load {result['load']:.1f}",
            flush=True,
        )
    lines = [
        f"### {args.label}: {datetime.now(UTC):%Y-%m-%d}, {connection.vendor}, "
        f"{platform.python_implementation()} {platform.python_version()}",
        "",
        "| rows | check | CPU | db CPU | per 10k | import | CPU | db CPU | per 10k | queries/row | peak RSS | load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['rows']:,} | {r['check']:.1f} s | {r['check_cpu']:.1f} s | {r['check_db']:.1f} s "
            f"| {r['check'] / r['rows'] * 10_000:.2f} s | {r['import']:.1f} s | {r['import_cpu']:.1f} s "
            f"| {r['import_db']:.1f} s "
            f"| {r['import'] / r['rows'] * 10_000:.2f} s | {r['queries_per_row']:.2f} "
            f"| {r['rss']:.0f} MB | {r['load']:.1f} |"
        )
    print("\n".join(lines))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    main()
