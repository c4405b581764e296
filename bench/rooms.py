"""The four room questions at 3 and 50 rooms, sparse and busy, against the peer's single-query answers.

    CENTRUM_DATABASE_URL=postgres://… uv run python bench/rooms.py [--rounds 30]

Questions (the ones a centre's desk and the Indico comparison of issue 9 ask):
  1. which rooms are free 10–12 on one day;
  2. which rooms are free 10–12 on every day of a week (Monday–Friday);
  3. one room's availability over 4 weeks (opening hours, closed days, taken intervals);
  4. the free-slot search page's answer for all rooms over 4 weeks (no peer figure: the peer has none);
  5. one room's free slots over a year, for the room with ~10,000 bookings a year (goal: p50 ≤ 50 ms);
  6. create a booking with its conflict check (rolled back, so the data stays the same).

Centres (generated once, reused; fixed slugs `bench-rooms-<rooms>-<load>`): 3 and 50 rooms, sparse (~130
bookings per room per year) and busy (~1,500 per room per year); the busy 50-room centre also has one room
with ~10,000 bookings a year (short slots all day, every day). Opening hours Mon–Sat 08–21.

For each question three answers are timed, interleaved within every round (the order rotates each round):
  - `centrum`: what the product runs today (spaces.selectors.free_rooms for 1–2, room_public_week for 3,
    spaces.services.booking_request for 4, each the whole call with its Django ORM objects);
  - `walk`: the previous answer to 1–2, walking rooms × days in Python over the free slots
    (spaces.selectors.free_slots and a filter), kept here to show what the anti-join replaced;
  - `peer-sql`: the SQL a peer issues for the same question, run raw through the same connection. It
    reproduces Indico 3.2.9's `Room.filter_available` (one NOT EXISTS over overlapping occurrences of the
    candidate intervals, plus its bookable-hours filter) — the query only, without Indico's ORM and Python,
    so it is a floor under the peer's real time, not the peer. Indico itself is not installed here.
Reported: p50 and p95 wall time, CPU time per call, and ratios within this one run. Results go to
bench/results/rooms.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from centrum.core.calendar import WARSAW, is_public_holiday, warsaw_today  # noqa: E402
from centrum.core.models import Centre, CentreHost  # noqa: E402
from centrum.core.scopes import platform_scope  # noqa: E402
from centrum.spaces.availability import local  # noqa: E402
from centrum.spaces.choices import BLOCKING_STATUSES, BookingKind  # noqa: E402
from centrum.spaces.models import Booking, Room, RoomOpeningHours  # noqa: E402
from centrum.spaces.selectors import free_rooms, free_slot_search, free_slots, room_public_week  # noqa: E402

RESULT = ROOT / "bench" / "results" / "rooms.md"
PREFIX = "bench-rooms-"
VARIANTS = [(3, "sparse", 130), (3, "busy", 1500), (50, "sparse", 130), (50, "busy", 1500)]
HOT_ROOM_PER_YEAR = 10_000
OPEN, CLOSE = 8, 21
STATUSES = ["approved"] * 17 + ["pending", "pending", "cancelled"]


def _copy_bookings(rows: list[str]) -> None:
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(
            "COPY spaces_booking (centre_id, room_id, kind, booker_kind, group_name, group_responsible, group_contact, title, purpose, contact_name, contact_phone,"
            " contact_email, starts_at, ends_at, status, decision_reason, attendance, created_at, updated_at)"
            " FROM STDIN"
        ) as copy,
    ):
        copy.write("".join(rows))


def _bookings_for_room(rng, centre_id, room_id, per_year, first_day, now_text, *, minutes=(60, 120, 180)):
    """~per_year bookings over a year from first_day: non-overlapping, inside the opening hours."""
    days = [first_day + timedelta(days=n) for n in range(365)]
    open_days = [d for d in days if d.weekday() < 6]
    per_day, extra = divmod(per_year, len(open_days))
    rows = []
    for day in open_days:
        count = per_day + (1 if rng.random() < extra / len(open_days) else 0)
        cursor = datetime.combine(day, clock(OPEN), tzinfo=WARSAW)
        closes = datetime.combine(day, clock(CLOSE), tzinfo=WARSAW)
        free = (closes - cursor).total_seconds() / 60
        for _ in range(count):
            length = rng.choice(minutes)
            gap = rng.randint(0, max(0, int(free / max(count, 1)) - length))
            start = cursor + timedelta(minutes=gap - gap % 15)
            end = start + timedelta(minutes=length)
            if end > closes:
                break
            status = rng.choice(STATUSES)
            rows.append(
                f"{centre_id}\t{room_id}\torganisation\torganisation\t\t\t\tSpotkanie\t\t\t\t\t{start.isoformat()}\t"
                f"{end.isoformat()}\t{status}\t\tunknown\t{now_text}\t{now_text}\n"
            )
            cursor = end
    return rows


def load(rng: random.Random) -> None:
    slugs = [f"{PREFIX}{rooms}-{kind}" for rooms, kind, _n in VARIANTS]
    if Centre.objects.filter(slug__in=slugs).count() == len(slugs):
        print("room data already loaded")
        return
    started = time.monotonic()
    first_day = warsaw_today() - timedelta(days=120)
    now_text = datetime.now(UTC).isoformat()
    total = 0
    for rooms_count, kind, per_year in VARIANTS:
        centre = Centre.objects.create(
            slug=f"{PREFIX}{rooms_count}-{kind}",
            name=f"Centrum {rooms_count} sal ({kind})",
            municipality="Gmina",
        )
        CentreHost.objects.create(centre=centre, host=f"{centre.slug}.localhost", is_primary=True)
        rooms = Room.objects.bulk_create(
            [
                Room(
                    centre=centre, name=f"Sala {n + 1:02d}", capacity=rng.choice([12, 20, 30, 40]), position=n
                )
                for n in range(rooms_count)
            ]
        )
        RoomOpeningHours.objects.bulk_create(
            [
                RoomOpeningHours(centre=centre, room=r, weekday=d, opens=clock(OPEN), closes=clock(CLOSE))
                for r in rooms
                for d in range(6)
            ]
        )
        for index, room in enumerate(rooms):
            hot = kind == "busy" and rooms_count == 50 and index == 0
            rows = _bookings_for_room(
                rng,
                centre.pk,
                room.pk,
                HOT_ROOM_PER_YEAR if hot else per_year,
                first_day,
                now_text,
                minutes=(30, 45, 60) if hot else (60, 120, 180),
            )
            _copy_bookings(rows)
            total += len(rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"loaded {total:,} bookings in {time.monotonic() - started:.0f} s")


# --- The answers ------------------------------------------------------------------------------------


def _windows(days: list[date], starts: clock, ends: clock) -> list[tuple[datetime, datetime]]:
    return [
        (datetime.combine(d, starts, tzinfo=WARSAW), datetime.combine(d, ends, tzinfo=WARSAW)) for d in days
    ]


def centrum_free(centre, days, starts, ends):
    return [
        r.pk
        for r in free_rooms(
            centre=centre, first=days[0], last=days[-1], starts=starts, ends=ends, for_staff=True
        ).rooms
    ]


def walk_free(centre, days, starts, ends):
    """The rooms × days walk: every free slot of the period, then the rooms that have the hours every day."""
    wanted = _windows(days, starts, ends)
    slots: dict[int, list] = {}
    for s in free_slots(
        centre=centre,
        first=days[0],
        last=days[-1],
        min_minutes=int((wanted[0][1] - wanted[0][0]).total_seconds() // 60),
    ):
        slots.setdefault(s.room_id, []).append(s)
    return sorted(
        room_id
        for room_id, found in slots.items()
        if all(any(s.starts_at <= a and s.ends_at >= b for s in found) for a, b in wanted)
    )


def peer_free(centre, days, starts, ends):
    """Indico's filter_available as one SQL statement: NOT EXISTS an overlapping occurrence of any window."""
    wanted = _windows(days, starts, ends)
    overlap = " OR ".join(["(b.starts_at < %s AND b.ends_at > %s)"] * len(wanted))
    params: list = [centre.pk, list(BLOCKING_STATUSES)]
    for a, b in wanted:
        params += [b, a]
    params += [starts, ends]
    sql = f"""
        SELECT r.id, r.name FROM spaces_room r
        WHERE r.centre_id = %s AND r.is_active
          AND NOT EXISTS (SELECT 1 FROM spaces_booking b
                          WHERE b.room_id = r.id AND b.status = ANY(%s) AND ({overlap}))
          AND EXISTS (SELECT 1 FROM spaces_roomopeninghours h
                      WHERE h.room_id = r.id AND h.opens <= %s AND h.closes >= %s)
        ORDER BY r.position, r.name"""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def centrum_search(centre, first, days):
    """The free-slot search page: free time of ≥ 60 min in every room, day by day."""
    found = free_slot_search(
        centre=centre, first=first, last=first + timedelta(days=days - 1), minutes=60, for_staff=True
    )
    return sum(len(slots) for result in found for _day, slots in result.days)


def centrum_room_year(room, first):
    """Every free interval of one room over a year (the busy room: ~10,000 bookings a year)."""
    rooms = list(Room.objects.filter(pk=room.pk).prefetch_related("opening_hours"))
    return len(free_slots(centre=room.centre, first=first, last=first + timedelta(days=364), rooms=rooms))


def centrum_week(room, first):
    return sum(len(day.busy) for day in room_public_week(room=room, first=first, days=28))


def peer_week(room, first):
    start = datetime.combine(first, clock(0), tzinfo=WARSAW)
    end = start + timedelta(days=28)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT starts_at, ends_at, kind FROM spaces_booking WHERE room_id = %s AND status = ANY(%s)"
            " AND starts_at < %s AND ends_at > %s ORDER BY starts_at",
            [room.pk, list(BLOCKING_STATUSES), end, start],
        )
        rows = cursor.fetchall()
        cursor.execute(
            "SELECT weekday, opens, closes FROM spaces_roomopeninghours WHERE room_id = %s", [room.pk]
        )
        cursor.fetchall()
    return len(rows)


def centrum_create(room, actor, starts):
    from centrum.spaces.services import booking_request

    with transaction.atomic():
        booking_request(
            room=room,
            actor=actor,
            organisation=None,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=30),
            title="Pomiar",
            attendees=10,
            kind=BookingKind.CENTRE,
        )
        transaction.set_rollback(True)


def peer_create(room, actor, starts):
    ends = starts + timedelta(minutes=30)
    now = datetime.now(UTC)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT id FROM spaces_room WHERE id = %s FOR UPDATE", [room.pk])
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM spaces_booking WHERE room_id = %s AND status = ANY(%s)"
            " AND starts_at < %s AND ends_at > %s)",
            [room.pk, list(BLOCKING_STATUSES), ends, starts],
        )
        cursor.fetchone()
        cursor.execute(
            "INSERT INTO spaces_booking (centre_id, room_id, kind, booker_kind, group_name, group_responsible, group_contact, title, purpose, contact_name, contact_phone,"
            " contact_email, starts_at, ends_at, status, decision_reason, attendance, created_at, updated_at)"
            " VALUES (%s, %s, 'centre', 'organisation', '', '', '', 'Pomiar', '', '', '', '', %s, %s, 'approved', '', 'unknown', %s, %s)",
            [room.centre_id, room.pk, starts, ends, now, now],
        )
        transaction.set_rollback(True)


# --- Measuring ---------------------------------------------------------------------------------------


def timed(fn, *args) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    if isinstance(result, Measured):  # the peer times itself, in its own process
        return result.wall, result.cpu
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


# --- The peer: Indico 3.2.9 in its own interpreter (bench/peer_indico.py), when it is installed -----------


class Measured:
    def __init__(self, reply: dict):
        self.wall, self.cpu, self.answer = reply["wall"], reply["cpu"], reply["answer"]


class Indico:
    def __init__(self, python: str):
        self.process = subprocess.Popen(
            [python, str(ROOT / "bench" / "peer_indico.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        )

    def send(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request, default=str) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit("the Indico peer stopped; see its output above")
        return json.loads(line)

    def load(self) -> None:
        """Copy every benchmark centre's rooms and bookings into Indico, in Warsaw wall-clock time."""
        data = {}
        for rooms_count, kind, _n in VARIANTS:
            centre = Centre.objects.get(slug=f"{PREFIX}{rooms_count}-{kind}")
            rooms = list(Room.objects.filter(centre=centre).order_by("position"))
            index = {room.pk: n for n, room in enumerate(rooms)}
            bookings = [
                [
                    index[room_id],
                    local(s).replace(tzinfo=None).isoformat(),
                    local(e).replace(tzinfo=None).isoformat(),
                    status,
                ]
                for room_id, s, e, status in Booking.objects.filter(centre=centre).values_list(
                    "room_id", "starts_at", "ends_at", "status"
                )
            ]
            data[centre.slug] = {
                "rooms": [[room.name, room.capacity] for room in rooms],
                "bookings": bookings,
            }
        self.send({"load": data})

    def ask(self, *question) -> Measured:
        return Measured(self.send({"ask": list(question)}))

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def next_week(today: date) -> list[date]:
    monday = today + timedelta(days=7 - today.weekday())
    while any(is_public_holiday(monday + timedelta(days=n)) for n in range(5)):
        monday += timedelta(days=7)
    return [monday + timedelta(days=n) for n in range(5)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("run against PostgreSQL: set CENTRUM_DATABASE_URL")
    from django.contrib.auth import get_user_model

    with platform_scope("benchmark data and measurements"):
        load(random.Random(2026))
        actor, _created = get_user_model().objects.get_or_create(
            email="bench-rooms@example.org", defaults={"full_name": "Pomiar", "is_superuser": True}
        )
        week = next_week(warsaw_today())
        starts, ends = clock(10), clock(12)
        indico = Indico(os.environ["BENCH_INDICO_PYTHON"]) if os.environ.get("BENCH_INDICO_PYTHON") else None
        if indico:
            indico.load()
        cases = []  # (label, question, {answer: (fn, args)})
        for rooms_count, kind, _per_year in VARIANTS:
            centre = Centre.objects.get(slug=f"{PREFIX}{rooms_count}-{kind}")
            room = Room.objects.filter(centre=centre).order_by("position").select_related("centre").first()
            room_rooms = list(Room.objects.filter(pk=room.pk).prefetch_related("opening_hours"))
            gap = free_slots(centre=centre, first=week[2], last=week[2], min_minutes=30, rooms=room_rooms)[0]
            label = f"{rooms_count} rooms, {kind}"
            cases.append(
                (
                    label,
                    "1. free 10–12 on one day",
                    {
                        "centrum": (centrum_free, (centre, week[:1], starts, ends)),
                        "walk": (walk_free, (centre, week[:1], starts, ends)),
                        "peer-sql": (peer_free, (centre, week[:1], starts, ends)),
                        **_peer(
                            indico, "free", centre.slug, [d.isoformat() for d in week[:1]], "10:00", "12:00"
                        ),
                    },
                )
            )
            cases.append(
                (
                    label,
                    "2. free 10–12 every day Mon–Fri",
                    {
                        "centrum": (centrum_free, (centre, week, starts, ends)),
                        "walk": (walk_free, (centre, week, starts, ends)),
                        "peer-sql": (peer_free, (centre, week, starts, ends)),
                        **_peer(indico, "free", centre.slug, [d.isoformat() for d in week], "10:00", "12:00"),
                    },
                )
            )
            cases.append(
                (
                    label,
                    "3. one room, 4 weeks",
                    {
                        "centrum": (centrum_week, (room, week[0])),
                        "peer-sql": (peer_week, (room, week[0])),
                        **_peer(indico, "availability", centre.slug, week[0].isoformat(), 28),
                    },
                )
            )
            cases.append(
                (label, "4. free-slot search, 4 weeks", {"centrum": (centrum_search, (centre, week[0], 28))})
            )
            if kind == "busy" and rooms_count == 50:
                cases.append(
                    (
                        label + " (its 10,000-a-year room)",
                        "5. one room's free slots, a year",
                        {"centrum": (centrum_room_year, (room, week[0]))},
                    )
                )
            cases.append(
                (
                    label,
                    "6. create with conflict check",
                    {
                        "centrum": (centrum_create, (room, actor, gap.starts_at)),
                        "peer-sql": (peer_create, (room, actor, gap.starts_at)),
                        **_peer(indico, "create", centre.slug, local(gap.starts_at).isoformat(), 30),
                    },
                )
            )
        # Same answers, or the comparison means nothing.
        for label, question, answers in cases:
            if question.startswith(("1.", "2.")):
                results = {name: _room_names(fn(*a)) for name, (fn, a) in answers.items()}
                if len({tuple(sorted(v)) for v in results.values()}) != 1:
                    raise SystemExit(f"answers differ for {label} / {question}: {results}")
        for _label, _question, answers in cases:  # warm up
            for fn, a in answers.values():
                fn(*a)
        samples: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
        for round_no in range(args.rounds):
            for label, question, answers in cases:
                names = list(answers)
                shift = round_no % len(names)
                for name in names[shift:] + names[:shift]:
                    fn, a = answers[name]
                    samples.setdefault((label, question, name), []).append(timed(fn, *a))
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
            cursor.execute(
                "SELECT c.slug, count(*) FROM spaces_booking b JOIN core_centre c ON c.id = b.centre_id"
                " WHERE c.slug LIKE %s GROUP BY c.slug ORDER BY c.slug",
                [PREFIX + "%"],
            )
            sizes = cursor.fetchall()
    if indico:
        indico.close()
    write(samples, cases, version, sizes, args.rounds)


def _peer(indico, *question) -> dict:
    return {"indico": (indico.ask, question)} if indico else {}


def _room_names(answer) -> list[str]:
    if isinstance(answer, Measured):
        return sorted(answer.answer)
    return sorted(Room.objects.filter(pk__in=answer).values_list("name", flat=True))


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def write(samples, cases, version, sizes, rounds) -> None:
    lines = [
        "# Rooms: the room questions at 3 and 50 rooms, sparse and busy, beside the peer",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `uv run python bench/rooms.py --rounds {rounds}` "
        f"on PostgreSQL {version}, in-process, one run: every answer of a question is timed in every round, "
        "the order rotating, so the ratios compare like with like.",
        "",
        "Data: "
        + ", ".join(f"`{slug}` {count:,} bookings" for slug, count in sizes)
        + " (a year around today; "
        "the busy 50-room centre's first room has ~10,000 a year).",
        "",
        "`centrum` is the product's call; `walk` the rooms × days walk it replaced; `indico` Indico 3.2.9's own "
        "functions (`search_for_rooms`, `get_room_details_availability`, `Reservation.create_from_data`) on a copy "
        "of the same rooms and bookings, timed inside its own process (bench/peer_indico.py; present only when "
        "`BENCH_INDICO_PYTHON` points at an Indico installation); `peer-sql` Indico's `Room.filter_available` query "
        "alone, raw — a floor under any ORM's time.",
        "",
        "| centre | question | answer | p50 ms | p95 ms | CPU ms (p50) | p50 / indico | p50 / peer-sql |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]

    def ratio(walls, reference):
        return f"{statistics.median(walls) / reference:.2f}×" if reference else "–"

    for label, question, answers in cases:
        medians = {}
        for peer in ("indico", "peer-sql"):
            peer_samples = samples.get((label, question, peer))
            medians[peer] = statistics.median(w for w, _c in peer_samples) if peer_samples else None
        for name in answers:
            walls = [w for w, _c in samples[(label, question, name)]]
            cpus = [c for _w, c in samples[(label, question, name)]]
            lines.append(
                f"| {label} | {question} | {name} | {statistics.median(walls):.2f} | {p(walls, 0.95):.2f} | "
                f"{statistics.median(cpus):.2f} | {ratio(walls, medians['indico'])} | "
                f"{ratio(walls, medians['peer-sql'])} |"
            )
    lines.append("")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
