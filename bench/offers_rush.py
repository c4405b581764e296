"""A deadline rush: 500 offers filed in the last 60 seconds before a competition's deadline, on gunicorn
with production settings, against PostgreSQL.

    CENTRUM_DATABASE_URL=postgres://… uv run python bench/offers_rush.py [--offers 500] [--window 60]
        [--clients 32] [--late 25] [--workers N] [--out bench/results/offers_rush.md]

Needs a migrated database (`scripts/pg.sh start` then `manage.py migrate`; see the end of this text). It makes
its own centre (`rush.localhost`), a published competition whose deadline is the end of the window, and one
organisation per offer with an admin, an API token and a complete draft offer (the same content the tests
file). It then starts its own gunicorn (`bench/load.py`'s server: `config/gunicorn.py`,
`config.settings.bench`) and, with `--clients` threads, files each offer through the API
(`POST /api/v1/grants/offers/<id>/submit`, Bearer token) at a moment spread evenly over the window. After
the deadline it tries `--late` more offers, which must all be refused. Reported: filed and refused
counts, throughput, p50/p95/p99/max latency; checked in the database: every in-window offer stored as
submitted with a checksum and a distinct number, none with `submitted_at` after the deadline, every late
one still a draft. Writes bench/results/offers_rush.md; exits non-zero when a check fails.

    export CENTRUM_PG_PORT=5483; URL=$(scripts/pg.sh start); CENTRUM_DATABASE_URL=$URL uv run python \\
        manage.py migrate -v 0 && CENTRUM_DATABASE_URL=$URL uv run python bench/offers_rush.py; scripts/pg.sh stop
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import load  # noqa: E402  (django is set up there, with the server's settings)
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from centrum.core.scopes import platform_scope  # noqa: E402

SLUG = "rush"


def prepare(count: int, late: int, deadline: datetime):
    """The centre, the competition and `count + late` complete drafts, each with its admin's API token."""
    from centrum.accounts.models import MembershipRole
    from centrum.accounts.services.tokens import api_token_create
    from centrum.accounts.tests.factories import MembershipFactory, UserFactory
    from centrum.core.tests.factories import CentreFactory
    from centrum.grants.tests.factories import CompetitionFactory, complete_offer
    from centrum.organisations.tests.factories import OrganisationFactory

    with platform_scope("bench/offers_rush.py: the rush's data"), transaction.atomic():
        # A centre of its own per run (the registry's identifiers are unique per centre).
        slug = f"{SLUG}{int(time.time())}"
        centre = CentreFactory(slug=slug, host=f"{slug}.localhost")
        competition = CompetitionFactory(
            centre=centre, title="Konkurs – szczyt przed terminem", offers_deadline=deadline
        )
        jobs = []
        run = int(time.time())
        for i in range(count + late):
            organisation = OrganisationFactory(
                centre=centre, name=f"Stowarzyszenie Pośpiech {run}-{i}", nip="", regon=""
            )
            user = UserFactory(email=f"rush{run}-{i}@example.org")
            MembershipFactory(user=user, organisation=organisation, role=MembershipRole.ADMIN)
            offer = complete_offer(competition=competition, organisation=organisation)
            _token, key = api_token_create(user=user, centre=centre, name="Szczyt")
            jobs.append((offer.pk, key))
    return centre, competition, jobs


def submit(port: int, host: str, offer_id: int, key: str) -> tuple[int, float]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request(
            "POST",
            f"/api/v1/grants/offers/{offer_id}/submit",
            body=b"",
            headers={"Host": host, "Authorization": f"Bearer {key}", "Content-Length": "0"},
        )
        response = conn.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    finally:
        conn.close()
    return status, (time.perf_counter() - started) * 1000


def rush(port: int, host: str, jobs, *, start: float, window: float, clients: int):
    """Each job at its moment (spread evenly over the window); `clients` threads take them in order."""
    results: list[tuple[int, int, float, float]] = [None] * len(jobs)  # type: ignore[list-item]
    moments = [start + window * i / max(len(jobs), 1) for i in range(len(jobs))]
    cursor = iter(range(len(jobs)))
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                index = next(cursor, None)
            if index is None:
                return
            delay = moments[index] - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            sent_at = time.monotonic()
            status, ms = submit(port, host, *jobs[index])
            results[index] = (jobs[index][0], status, ms, sent_at)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def percentile(values: list[float], q: int) -> float:
    return load.percentile(values, q) if values else 0.0


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=500)
    parser.add_argument("--window", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--late", type=int, default=25)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "offers_rush.md"))
    args = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        raise SystemExit("Run against PostgreSQL (CENTRUM_DATABASE_URL).")
    workers = (
        args.workers or int(os.environ.get("CENTRUM_WORKERS", "0") or 0) or (os.cpu_count() or 1) * 2 + 1
    )
    print(f"preparing {args.offers + args.late} drafts…", flush=True)
    t0 = time.monotonic()
    # The deadline: setup, server start-up, then the window. It is moved to its real moment before the rush.
    provisional = timezone.now() + timedelta(hours=1)
    centre, competition, jobs = prepare(args.offers, args.late, provisional)
    print(f"prepared in {time.monotonic() - t0:.0f} s", flush=True)
    static_root = tempfile.mkdtemp(prefix="centrum-rush-")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.bench",
            "CENTRUM_STATIC_ROOT": static_root,
        },
        check=True,
    )
    connection.close()
    port = load.free_port()
    load.LARGE = centre.slug  # the server's readiness probe asks this centre's host
    server = load.start_server(port, workers, static_root)
    try:
        lead = 2.0
        start_wall = timezone.now() + timedelta(seconds=lead)
        deadline = start_wall + timedelta(seconds=args.window)
        with platform_scope("bench/offers_rush.py: the deadline"):
            type(competition).objects.filter(pk=competition.pk).update(offers_deadline=deadline)
        start = time.monotonic() + lead
        in_window = rush(
            port,
            centre.primary_host,
            jobs[: args.offers],
            start=start,
            window=args.window,
            clients=args.clients,
        )
        wait = start + args.window + 0.5 - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        late = rush(
            port,
            centre.primary_host,
            jobs[args.offers :],
            start=time.monotonic(),
            window=2.0,
            clients=min(args.clients, 8),
        )
        finished = time.monotonic()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
    checks = verify(competition, in_window, late, deadline)
    write(args, workers, in_window, late, checks, finished - start, deadline)
    if not all(ok for _label, ok in checks):
        raise SystemExit(1)


def verify(competition, in_window, late, deadline):
    from centrum.grants.models import Offer

    with platform_scope("bench/offers_rush.py: checks"):
        rows = {o.pk: o for o in Offer.objects.filter(competition=competition)}
    window_ids = [r[0] for r in in_window]
    late_ids = [r[0] for r in late]
    filed = [rows[i] for i in window_ids if rows[i].status == "submitted"]
    numbers = [o.number for o in filed]
    return [
        (
            f"every offer filed in the window is stored ({len(filed)}/{len(window_ids)})",
            len(filed) == len(window_ids),
        ),
        ("every in-window request answered 200", all(r[1] == 200 for r in in_window)),
        ("numbers distinct", len(set(numbers)) == len(numbers)),
        ("every filed offer has a checksum", all(len(o.checksum) == 64 for o in filed)),
        (
            "none stored after the deadline",
            all(o.submitted_at <= deadline for o in rows.values() if o.submitted_at),
        ),
        (
            f"every late offer refused ({sum(r[1] == 400 for r in late)}/{len(late)} answered 400)",
            all(r[1] == 400 for r in late),
        ),
        ("every late offer still a draft", all(rows[i].status == "draft" for i in late_ids)),
    ]


def write(args, workers, in_window, late, checks, seconds, deadline) -> None:
    latencies = [r[2] for r in in_window]
    statuses: dict[int, int] = {}
    for r in in_window:
        statuses[r[1]] = statuses.get(r[1], 0) + 1
    lines = [
        "# Deadline rush: offers filed in the last minute (bench/offers_rush.py)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; Python {platform.python_version()}, {os.cpu_count()} CPU cores "
        f"shared with the client (and, on the build machine, with other work); gunicorn `config/gunicorn.py`, "
        f"{workers} sync workers, production settings (`config.settings.bench`); PostgreSQL "
        f"{connection.pg_version // 10000 if hasattr(connection, 'pg_version') else '?'}.",
        "",
        f"{args.offers} complete drafts (one organisation, admin and API token each) filed through "
        f"`POST /api/v1/grants/offers/<id>/submit`, spread evenly over {args.window:.0f} s ending at the "
        f"competition's deadline, by {args.clients} client threads; then {args.late} more after the deadline.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| offers in the window | {len(in_window)} |",
        f"| answers | {', '.join(f'{k}: {v}' for k, v in sorted(statuses.items()))} |",
        f"| throughput (offers / s over the window) | {len(in_window) / args.window:.1f} |",
        f"| latency p50 | {percentile(latencies, 50):.0f} ms |",
        f"| latency p95 | {percentile(latencies, 95):.0f} ms |",
        f"| latency p99 | {percentile(latencies, 99):.0f} ms |",
        f"| latency max | {max(latencies) if latencies else 0:.0f} ms |",
        f"| late attempts refused | {sum(r[1] == 400 for r in late)} / {len(late)} |",
        f"| wall time from the window's start | {seconds:.1f} s |",
        "",
        "Checks (database after the run):",
        "",
        *[f"- {'✔' if ok else '✘'} {label}" for label, ok in checks],
        "",
        "The confirmation mail with the offer's PDF is not rendered in the request: the `grants.offer_confirmations` "
        "job sends it from the stored checksum, so filing holds the offer and competition rows only for the checks "
        "and the checksum.",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
