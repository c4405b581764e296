"""Rooms free at the same hours every open day: the one-query answer agrees with the per-slot booking check."""

import random
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from centrum.core.calendar import is_public_holiday, warsaw_today
from centrum.core.models import CentreClosedDay
from centrum.spaces.availability import check_slots, make_slot
from centrum.spaces.choices import BLOCKING_STATUSES, BookingPolicy, BookingStatus
from centrum.spaces.models import Room
from centrum.spaces.selectors.free_rooms import free_rooms

from .factories import BookingFactory, RoomFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def open_week() -> date:
    """The Monday of the first week from next week on whose Monday to Friday are all working days
    (around Christmas, New Year and Epiphany a week's Wednesday can be a public holiday)."""
    monday = next_open_day(weekday=0)
    while any(is_public_holiday(monday + timedelta(days=n)) for n in range(5)):
        monday += timedelta(weeks=1)
    return monday


def reference(centre, rooms, first: date, last: date, starts: time, ends: time) -> list:
    """The slow answer: the booking form's own check of every room on every open day (as staff)."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    closed = {d.date for d in CentreClosedDay.objects.filter(centre=centre)}
    open_days = [d for d in days if not is_public_holiday(d) and d not in closed]
    if not open_days:
        return []
    free = []
    for room in rooms:
        checks = check_slots(
            room=room, slots=[make_slot(d, starts, ends) for d in open_days], enforce_booking_rules=False
        )
        if all(check.ok for check in checks):
            free.append(room)
    return free


def test_agrees_with_the_booking_check_on_random_weeks(centre):
    rng = random.Random(2026)
    rooms = []
    for n in range(8):
        weekdays = sorted(rng.sample(range(7), rng.randint(3, 7)))
        opens, closes = time(rng.choice([7, 8, 9, 10])), time(rng.choice([15, 18, 20, 21]))
        rooms.append(
            RoomFactory(centre=centre, name=f"Sala {n}", hours=[(d, opens, closes) for d in weekdays])
        )
    start = warsaw_today() + timedelta(days=1)
    for _ in range(120):
        room = rng.choice(rooms)
        day = start + timedelta(days=rng.randint(0, 40))
        hour = rng.randint(7, 19)
        starts_at = slot(day, hour, hour + 1)[0]
        ends_at = starts_at + timedelta(minutes=rng.choice([30, 60, 90, 150]))
        status = rng.choice(list(BookingStatus))
        if (
            status in BLOCKING_STATUSES
            and check_slots(room=room, slots=[(starts_at, ends_at)], enforce_booking_rules=False)[0].conflict
        ):
            status = BookingStatus.CANCELLED  # PostgreSQL refuses overlapping blocking bookings, as it should
        BookingFactory(room=room, starts_at=starts_at, ends_at=ends_at, status=status)
    CentreClosedDay.objects.create(centre=centre, date=start + timedelta(days=9), reason="Remont")
    sizes = set()
    for _ in range(60):
        first = start + timedelta(days=rng.randint(0, 35))
        last = first + timedelta(days=rng.randint(0, 6))
        hour = rng.randint(7, 18)
        starts, ends = time(hour), time(min(hour + rng.randint(1, 3), 23))
        answer = free_rooms(centre=centre, first=first, last=last, starts=starts, ends=ends, for_staff=True)
        expected = reference(centre, rooms, first, last, starts, ends)
        assert sorted(r.pk for r in answer.rooms) == sorted(r.pk for r in expected), (first, last, starts)
        sizes.add(len(expected))
    assert len(sizes) >= 4, sizes  # the weeks asked about gave answers of many sizes, not all empty or full


def test_a_booking_on_one_day_takes_the_room_out_of_the_week(centre, room):
    other = RoomFactory(centre=centre, name="Sala druga")
    monday = open_week()
    friday = monday + timedelta(days=4)
    wednesday = monday + timedelta(days=2)
    BookingFactory(room=room, starts_at=slot(wednesday, 11, 12)[0], ends_at=slot(wednesday, 11, 12)[1])
    answer = free_rooms(centre=centre, first=monday, last=friday, starts=time(10), ends=time(12))
    assert answer.rooms == [other]
    later = free_rooms(centre=centre, first=monday, last=friday, starts=time(12), ends=time(14))
    assert {r.pk for r in later.rooms} == {room.pk, other.pk}


def test_cancelled_and_rejected_bookings_do_not_count(centre, room):
    day = next_open_day()
    for status in (BookingStatus.CANCELLED, BookingStatus.REJECTED):
        BookingFactory(room=room, starts_at=slot(day, 10, 12)[0], ends_at=slot(day, 10, 12)[1], status=status)
    assert free_rooms(centre=centre, first=day, last=day, starts=time(10), ends=time(12)).rooms == [room]


def test_closed_days_are_skipped_and_reported(centre, room):
    day = open_week() + timedelta(days=1)  # a Tuesday with an open Wednesday after it
    CentreClosedDay.objects.create(centre=centre, date=day, reason="Inwentaryzacja")
    answer = free_rooms(
        centre=centre, first=day, last=day + timedelta(days=1), starts=time(10), ends=time(12)
    )
    assert day in answer.closed and day not in answer.days
    assert answer.rooms == [room]
    only_closed = free_rooms(centre=centre, first=day, last=day, starts=time(10), ends=time(12))
    assert only_closed.days == [] and only_closed.rooms == []


def test_opening_hours_must_cover_the_window_on_every_weekday(centre):
    short_friday = RoomFactory(
        centre=centre,
        name="Sala piątkowa",
        hours=[(d, time(8), time(21)) for d in range(4)] + [(4, time(8), time(11))],
    )
    monday = open_week()
    week = free_rooms(
        centre=centre, first=monday, last=monday + timedelta(days=4), starts=time(10), ends=time(12)
    )
    assert short_friday not in week.rooms
    mon_to_thu = free_rooms(
        centre=centre,
        first=monday,
        last=monday + timedelta(days=4),
        starts=time(10),
        ends=time(12),
        weekdays={0, 1, 2, 3},
    )
    assert short_friday in mon_to_thu.rooms


def test_policy_and_rules_apply_to_members_not_to_staff(centre, room):
    council = RoomFactory(centre=centre, name="Sala rady", booking_policy=BookingPolicy.STAFF_ONLY)
    short = RoomFactory(centre=centre, name="Pokój krótki", max_length_minutes=60)
    day = next_open_day()
    public = free_rooms(centre=centre, first=day, last=day, starts=time(10), ends=time(12))
    assert public.rooms == [room]
    staff = free_rooms(centre=centre, first=day, last=day, starts=time(10), ends=time(12), for_staff=True)
    assert {r.pk for r in staff.rooms} == {room.pk, council.pk, short.pk}


def test_past_window_and_capacity(centre, room):
    RoomFactory(centre=centre, name="Pokój mały", capacity=4)
    today = warsaw_today()
    yesterday = today - timedelta(days=1)
    assert free_rooms(centre=centre, first=yesterday, last=today, starts=time(10), ends=time(12)).rooms == []
    day = next_open_day()
    big = free_rooms(centre=centre, first=day, last=day, starts=time(10), ends=time(12), min_capacity=10)
    assert big.rooms == [room]


def test_other_centres_rooms_and_bookings_never_count(centre, room, other_room):
    day = next_open_day()
    BookingFactory(room=other_room, starts_at=slot(day, 10, 12)[0], ends_at=slot(day, 10, 12)[1])
    answer = free_rooms(centre=centre, first=day, last=day, starts=time(10), ends=time(12))
    assert answer.rooms == [room]


def test_query_count_does_not_grow_with_rooms_or_days(centre, django_assert_max_num_queries):
    for n in range(12):
        RoomFactory(centre=centre, name=f"Sala {n}")
    monday = open_week()
    with CaptureQueriesContext(connection) as queries:
        free_rooms(
            centre=centre, first=monday, last=monday + timedelta(days=27), starts=time(9), ends=time(11)
        )
    assert len(queries) <= 4, [q["sql"] for q in queries]


# --- The API ---------------------------------------------------------------------------------------


def test_api_answers_which_rooms_are_free_every_day(anon, centre, room, other_room):
    busy = RoomFactory(centre=centre, name="Sala zajęta")
    monday = open_week()
    BookingFactory(room=busy, starts_at=slot(monday, 10, 11)[0], ends_at=slot(monday, 10, 11)[1])
    BookingFactory(room=other_room, starts_at=slot(monday, 10, 11)[0], ends_at=slot(monday, 10, 11)[1])
    response = anon.get(
        "/api/v1/rooms/free",
        {"first": monday, "last": monday + timedelta(days=4), "starts": "10:00", "ends": "12:00"},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert [r["name"] for r in body["rooms"]] == [room.name]
    assert body["starts"] == "10:00" and len(body["days"]) + len(body["closed"]) == 5


@pytest.mark.parametrize(
    "params",
    [
        {"starts": "12:00", "ends": "10:00"},
        {"first": "2000-01-01"},
        {"last_offset": 40},
        {"last_offset": -1},
        {"weekdays": 7},
        {"capacity": 0},
        {"features": "jacuzzi"},
        {"starts": "25:00"},
    ],
)
def test_api_free_rooms_refuses_what_the_page_refuses(anon, room, params):
    day = next_open_day()
    query = {"first": day.isoformat(), "last": day.isoformat(), "starts": "10:00", "ends": "12:00"}
    offset = params.pop("last_offset", None)
    if offset is not None:
        query["last"] = (day + timedelta(days=offset)).isoformat()
    query.update(params)
    response = anon.get("/api/v1/rooms/free", query)
    assert response.status_code == 422, response.content
    assert response.json()["detail"]


def test_api_free_slots_match_the_search_page(anon, room):
    day = next_open_day()
    BookingFactory(room=room, starts_at=slot(day, 10, 12)[0], ends_at=slot(day, 10, 12)[1])
    response = anon.get("/api/v1/rooms/free-slots", {"first": day, "last": day, "minutes": 120})
    assert response.status_code == 200, response.content
    [result] = response.json()
    assert result["room_id"] == room.pk
    [found] = result["days"]
    assert [(s["starts_at"][11:16], s["ends_at"][11:16]) for s in found["slots"]] == [
        ("08:00", "10:00"),
        ("12:00", "21:00"),
    ]
    assert anon.get("/api/v1/rooms/free-slots", {"first": day, "last": day, "minutes": 7}).status_code == 422


def test_api_staff_only_rooms_are_offered_to_staff_only(anon, staff_client, centre, room):
    council = RoomFactory(centre=centre, name="Sala rady", booking_policy=BookingPolicy.STAFF_ONLY)
    day = next_open_day()
    query = {"first": day, "last": day, "starts": "10:00", "ends": "12:00"}
    public = {r["id"] for r in anon.get("/api/v1/rooms/free", query).json()["rooms"]}
    staff = {r["id"] for r in staff_client.get("/api/v1/rooms/free", query).json()["rooms"]}
    assert public == {room.pk} and staff == {room.pk, council.pk}


def test_api_free_time_query_counts_do_not_grow_with_rooms(anon, centre):
    day = next_open_day(weekday=0)
    query = {"first": day, "last": day + timedelta(days=13), "starts": "10:00", "ends": "12:00"}
    anon.get("/api/v1/rooms/free", query)  # the first request also fills the centre's settings cache
    counts = []
    for size in (2, 12):
        while Room.objects.filter(centre=centre).count() < size:
            RoomFactory(centre=centre)
        with CaptureQueriesContext(connection) as free:
            assert anon.get("/api/v1/rooms/free", query).status_code == 200
        with CaptureQueriesContext(connection) as slots:
            assert anon.get("/api/v1/rooms/free-slots", {**query, "minutes": 60}).status_code == 200
        counts.append((len(free), len(slots)))
    assert counts[0] == counts[1], counts


def test_the_api_offers_the_durations_the_page_offers():
    from centrum.spaces.dates import SEARCH_DURATIONS
    from centrum.spaces.forms import DURATION_CHOICES

    assert [value for value, _label in DURATION_CHOICES] == SEARCH_DURATIONS


def test_public_week_puts_each_booking_on_the_days_it_touches(centre, room):
    """One pass over the bookings gives what checking every booking against every day gave."""
    from centrum.spaces.choices import BookingKind
    from centrum.spaces.selectors import room_public_week
    from centrum.spaces.selectors.rooms import day_bounds

    rng = random.Random(7)
    first = warsaw_today() + timedelta(days=3)
    bookings = []
    start = slot(first - timedelta(days=3), 8, 9)[0]
    for n in range(40):  # one after another (no overlap: PostgreSQL's exclusion constraint), some for days
        start += timedelta(minutes=rng.choice([0, 15, 240, 600, 1440]))
        length = timedelta(days=rng.randint(1, 3)) if n % 10 == 0 else timedelta(minutes=rng.choice([30, 90]))
        kind = BookingKind.BLOCK if n % 10 == 0 else BookingKind.ORGANISATION
        bookings.append(BookingFactory(room=room, starts_at=start, ends_at=start + length, kind=kind))
        start += length
    week = room_public_week(room=room, first=first, days=28)
    for day in week:
        day_start, day_end = day_bounds(day.day, 1)
        expected = sorted(
            (max(b.starts_at, day_start), min(b.ends_at, day_end))
            for b in bookings
            if b.starts_at < day_end and b.ends_at > day_start
        )
        assert [(s.starts_at, s.ends_at) for s in day.busy] == expected, day.day


# --- The search page -------------------------------------------------------------------------------


def test_page_lists_rooms_free_at_the_same_hours_every_day(anon, centre, room):
    busy = RoomFactory(centre=centre, name="Sala zajęta we środę")
    monday = open_week()
    wednesday = monday + timedelta(days=2)
    BookingFactory(room=busy, starts_at=slot(wednesday, 11, 12)[0], ends_at=slot(wednesday, 11, 12)[1])
    query = {
        "first": monday.isoformat(),
        "last": (monday + timedelta(days=4)).isoformat(),
        "minutes": "60",
        "starts": "10:00",
        "ends": "12:00",
    }
    response = anon.get("/sale/wolne-terminy/", query)
    assert response.status_code == 200
    assert [r.pk for r in response.context["every_day"].rooms] == [room.pk]
    body = response.content.decode()
    assert "10:00–12:00" in body and busy.name not in body
    assert f"sala={room.pk}&amp;dzien={monday.isoformat()}&amp;od=10:00&amp;do=12:00" in body


@pytest.mark.parametrize(
    "hours", [{"starts": "10:00"}, {"ends": "12:00"}, {"starts": "12:00", "ends": "10:00"}]
)
def test_page_refuses_half_or_reversed_hours(anon, room, hours):
    day = next_open_day()
    query = {"first": day.isoformat(), "last": day.isoformat(), "minutes": "60", **hours}
    response = anon.get("/sale/wolne-terminy/", query)
    assert response.status_code == 200
    assert response.context["every_day"] is None and response.context["results"] is None
    assert response.context["form"].errors
