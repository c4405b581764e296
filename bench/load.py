"""Pages under load: every page against a bare view (the floor), on gunicorn with production settings.

    CENTRUM_DATABASE_URL=postgres://… uv run python bench/load.py [--clients 16] [--rounds 5] [--slot 2]
        [--workers N] [--out bench/results/load.md]

Run after bench/generate.py (scripts/bench.sh does both, on its throwaway PostgreSQL). It adds what the
pages need and generate.py does not make (rooms with opening hours and bookings in the large and the small
centre, a staff member, a platform admin; kept on later runs), collects static files into a temporary
directory, starts its own gunicorn with `config/gunicorn.py` and `config.settings.bench` (production
settings plus `/_bench/floor/`, a view that returns "ok" behind the same middleware) on a free port, and
prints the resident memory (RSS, and PSS: the share of pages preloading lets the workers share) of the
master and of each worker after warm-up and after the run.

Load: `--clients` threads, each with its own keep-alive `http.client` connection (it reconnects when the
sync worker closes it). One run is interleaved: in each of `--rounds` rounds every page (shuffled, the
floor included) gets a `--slot`-second window in which all clients request only it, so slow and fast
pages meet the same machine conditions and the ratio to the floor is measured under the same load. Staff
and the platform admin are signed in through a session cookie made in the database. Reported per page:
requests/s (over all its windows), p50/p95/p99 latency, failed requests, and the ratio of its requests/s
to the floor's (goal ≥ 0.5). Writes bench/results/load.md.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"  # the server's settings: same SECRET_KEY

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402

from centrum.core.calendar import warsaw_today  # noqa: E402
from centrum.core.models import Centre  # noqa: E402
from centrum.core.scopes import platform_scope  # noqa: E402

LARGE = "bench-warszawa"
SMALL = "bench-mala"
ROOMS = {LARGE: 12, SMALL: 2}
BOOKINGS_PER_ROOM = 1_200  # of 1,460 slots (two a day over two years): a busy room
RESULT = ROOT / "bench" / "results" / "load.md"
STAFF_EMAIL = "bench-staff@example.org"
ADMIN_EMAIL = "bench-root@example.org"


# --- data the pages need ---------------------------------------------------------------------------------
def ensure_rooms(centre: Centre, rooms: int, rng: random.Random) -> None:
    from centrum.spaces.models import Booking, Room, RoomOpeningHours

    if Room.objects.filter(centre=centre).exists():
        return
    made = Room.objects.bulk_create(
        [
            Room(centre=centre, name=f"Sala {n + 1}", capacity=rng.choice([12, 20, 30, 40]))
            for n in range(rooms)
        ]
    )
    RoomOpeningHours.objects.bulk_create(
        [
            RoomOpeningHours(
                centre=centre,
                room=room,
                weekday=day,
                opens=datetime.min.time().replace(hour=8),
                closes=datetime.min.time().replace(hour=20),
            )
            for room in made
            for day in range(5)
        ]
    )
    first = datetime.combine(warsaw_today() - timedelta(days=365), datetime.min.time(), tzinfo=UTC)
    now = datetime.now(UTC)
    bookings = []
    for room in made:
        slots = rng.sample(
            range(730 * 2), BOOKINGS_PER_ROOM
        )  # two slots a day (9–12, 14–17): never overlapping
        for slot in slots:
            day, afternoon = divmod(slot, 2)
            start = first + timedelta(days=day, hours=14 if afternoon else 9)
            bookings.append(
                Booking(
                    centre=centre,
                    room=room,
                    title="Spotkanie",
                    starts_at=start,
                    ends_at=start + timedelta(hours=rng.choice([1, 2, 3])),
                    # requests still waiting for staff are future ones (a job expires the past)
                    status="pending" if start > now and rng.random() < 0.05 else "approved",
                )
            )
    Booking.objects.bulk_create(bookings, batch_size=5_000)


def ensure_people(large: Centre):
    from centrum.accounts.models import CentreRole, CentreRoleKind, User

    staff, _ = User.objects.get_or_create(email=STAFF_EMAIL, defaults={"full_name": "Anna Benchmark"})
    CentreRole.objects.get_or_create(centre=large, user=staff, role=CentreRoleKind.STAFF)
    admin, _ = User.objects.get_or_create(
        email=ADMIN_EMAIL, defaults={"full_name": "Root Benchmark", "is_superuser": True, "is_staff": True}
    )
    return staff, admin


def session_cookie(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


@dataclass
class Page:
    label: str
    host: str
    path: str
    cookie: str = ""
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0  # length of its windows
    failures: int = 0
    statuses: dict[int, int] = field(default_factory=dict)


def pages() -> list[Page]:
    from centrum.organisations.models import Organisation
    from centrum.spaces.models import Room

    rng = random.Random(2026)
    with platform_scope("bench/load.py: data the pages need"):
        large = Centre.objects.get(slug=LARGE)
        small = Centre.objects.get(slug=SMALL)
        with transaction.atomic():
            for centre in (large, small):
                ensure_rooms(centre, ROOMS[centre.slug], rng)
            staff, admin = ensure_people(large)
        organisation = Organisation.objects.filter(centre=large, status="active").order_by("pk")[100]
        room = Room.objects.filter(centre=large).order_by("pk").first()
        big, little = large.primary_host, small.primary_host
    staff_cookie, admin_cookie = session_cookie(staff), session_cookie(admin)
    return [
        Page("floor (bare view)", big, "/_bench/floor/"),
        Page("home", big, "/"),
        Page("directory, large centre", big, "/organizacje/"),
        Page("directory, small centre", little, "/organizacje/"),
        Page("directory search, large centre", big, "/organizacje/?q=fundacja"),
        Page("directory search, small centre", little, "/organizacje/?q=fundacja"),
        Page("organisation page", big, f"/organizacje/{organisation.pk}/"),
        Page("room list", big, "/sale/"),
        Page("room week", big, f"/sale/{room.pk}/"),
        Page("API organisations (50)", big, "/api/v1/organisations?limit=50"),  # page_size is no parameter
        Page("API rooms", big, "/api/v1/rooms"),
        Page("staff dashboard", big, "/panel/", staff_cookie),
        Page("staff verification queue", big, "/organizacje/weryfikacja/", staff_cookie),
        Page("staff room planner", big, "/sale/planer/", staff_cookie),
        Page("staff room queue", big, "/sale/kolejka/", staff_cookie),
        Page("platform home", "127.0.0.1", "/"),
        Page("platform centre list", "127.0.0.1", "/platforma/centra/", admin_cookie),
    ]


# --- the server ------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int, static_root: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "CENTRUM_BIND": f"127.0.0.1:{port}",
        "CENTRUM_WORKERS": str(workers),
        "CENTRUM_STATIC_ROOT": static_root,
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "config" / "gunicorn.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(Path(static_root) / "gunicorn.log", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited: {(Path(static_root) / 'gunicorn.log').read_text()[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/_bench/floor/", headers={"Host": f"{LARGE}.localhost"})
            if conn.getresponse().status == 200 and len(children(server.pid)) >= workers:
                return server
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer in 180 s")


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def memory(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB: PSS divides each shared page among the processes sharing it."""
    rss = pss = 0.0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, pss


def memory_lines(server: subprocess.Popen, when: str) -> list[str]:
    lines = [f"| {when}: master | {memory(server.pid)[0]:.0f} MB | {memory(server.pid)[1]:.0f} MB |"]
    for n, pid in enumerate(children(server.pid), 1):
        rss, pss = memory(pid)
        lines.append(f"| {when}: worker {n} | {rss:.0f} MB | {pss:.0f} MB |")
    return lines


def first_request_ms(port: int, page: Page) -> float:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    conn.request("GET", page.path, headers={"Host": page.host, "Cookie": page.cookie})
    conn.getresponse().read()
    return (time.perf_counter() - started) * 1000


# --- the load --------------------------------------------------------------------------------------------
class Load:
    """`clients` threads; `window(page, seconds)` makes all of them request `page` for `seconds`."""

    def __init__(self, port: int, clients: int):
        self.port = port
        self.clients = clients
        self.page: Page | None = None
        self.until = 0.0
        self.start = threading.Barrier(clients + 1)
        self.done = threading.Barrier(clients + 1)
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.client, daemon=True) for _ in range(clients)]
        for thread in self.threads:
            thread.start()

    def client(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while True:
            self.start.wait()
            page = self.page
            if page is None:
                return
            latencies, failures, statuses = [], 0, {}
            headers = {"Host": page.host, "Connection": "keep-alive", "Accept-Encoding": "identity"}
            if page.cookie:
                headers["Cookie"] = page.cookie
            while time.perf_counter() < self.until:
                started = time.perf_counter()
                try:
                    conn.request("GET", page.path, headers=headers)
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                    if response.getheader("Connection", "").lower() == "close":
                        conn.close()
                except (OSError, http.client.HTTPException):
                    conn.close()
                    status = 0
                latencies.append(time.perf_counter() - started)
                statuses[status] = statuses.get(status, 0) + 1
                failures += status != 200
            with self.lock:
                page.latencies.extend(latencies)
                page.failures += failures
                for status, count in statuses.items():
                    page.statuses[status] = page.statuses.get(status, 0) + count
            self.done.wait()

    def window(self, page: Page, seconds: float) -> None:
        self.page = page
        started = time.perf_counter()
        self.until = started + seconds
        self.start.wait()
        self.done.wait()
        page.seconds += time.perf_counter() - started

    def stop(self) -> None:
        self.page = None
        self.start.wait()


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--slot", type=float, default=2.0, help="seconds per page and round")
    parser.add_argument("--workers", type=int, default=None, help="default: config/gunicorn.py's")
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        raise SystemExit("run against PostgreSQL: set CENTRUM_DATABASE_URL (scripts/bench.sh does)")
    call_command("createcachetable", verbosity=0)
    to_measure = pages()
    connections.close_all()
    workers = args.workers or 2 * os.cpu_count() + 1
    static_root = tempfile.mkdtemp(prefix="centrum-bench-static-")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={**os.environ, "CENTRUM_STATIC_ROOT": static_root},
        check=True,
    )
    port = free_port()
    started = time.perf_counter()
    server = start_server(port, workers, static_root)
    start_up = time.perf_counter() - started
    try:
        mem_ready = memory_lines(server, "after start")
        first = {page.label: first_request_ms(port, page) for page in to_measure}
        for page in to_measure:  # every worker serves each page once before the run
            for _ in range(workers):
                first_request_ms(port, page)
        load = Load(port, args.clients)
        rng = random.Random(1)
        for _ in range(args.rounds):
            order = to_measure[:]
            rng.shuffle(order)
            for page in order:
                load.window(page, args.slot)
        load.stop()
        mem_after = memory_lines(server, "after the run")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log = (Path(static_root) / "gunicorn.log").read_text(errors="replace").splitlines()
        print("gunicorn log (last lines):", *log[-15:], sep="\n  ")
        shutil.rmtree(static_root, ignore_errors=True)
    write(args, to_measure, first, mem_ready + mem_after, workers, start_up)


def write(
    args, measured: list[Page], first: dict[str, float], memory_rows: list[str], workers, start_up
) -> None:
    floor = measured[0]
    floor_rps = len(floor.latencies) / floor.seconds
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    with platform_scope("bench/load.py: data size"):
        from centrum.organisations.models import Organisation
        from centrum.spaces.models import Booking

        sizes = (
            f"{Organisation.objects.count():,} organisations in {Centre.objects.count():,} centres, "
            f"{Organisation.objects.filter(centre__slug=LARGE).count():,} in the large centre and "
            f"{Organisation.objects.filter(centre__slug=SMALL).count():,} in the small one; "
            f"{Booking.objects.count():,} bookings"
        )
    lines = [
        "# Pages under load (bench/load.py)",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `scripts/bench.sh` (`bench/load.py --clients "
        f"{args.clients} --rounds {args.rounds} --slot {args.slot}`) on PostgreSQL {version}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPU cores shared with the client; gunicorn "
        f"`config/gunicorn.py`, {workers} sync workers, production settings (`config.settings.bench`).",
        f"Data: {sizes}.",
        "",
        "One interleaved run: each round gives every page (shuffled) a window in which all clients request only "
        "it. req/s is over all its windows; the ratio is its req/s over the floor's (a view returning `ok` "
        "behind the same middleware). Goal: every page ≥ 0.50.",
        "",
        "| page | URL | req/s | ratio to floor | p50 ms | p95 ms | p99 ms | failed | first request ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    missing = []
    for page in measured:
        rps = len(page.latencies) / page.seconds if page.seconds else 0
        ms = sorted(x * 1000 for x in page.latencies) or [0.0]
        ratio = rps / floor_rps
        if ratio < 0.5:
            missing.append(page.label)
        lines.append(
            f"| {page.label} | `{page.host}{page.path}` | {rps:.0f} | {ratio:.2f} | {percentile(ms, 50):.1f} | "
            f"{percentile(ms, 95):.1f} | {percentile(ms, 99):.1f} | {page.failures} | {first[page.label]:.0f} |"
        )
    lines += [
        "",
        f"Below 0.50: {', '.join(missing) or 'none'}.",
        "",
        f"Server start-up to the first answer (preload and warm-up in the master): {start_up:.1f} s.",
        "",
        "| process | RSS | PSS (shared pages divided) |",
        "|---|---:|---:|",
        *memory_rows,
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
