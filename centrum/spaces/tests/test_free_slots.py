"""The free-slot search page: filters, room rules, links that pre-fill the booking form, a constant query count."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.models import CentreClosedDay
from centrum.spaces.choices import BookingPolicy, BookingStatus
from centrum.spaces.selectors import free_slot_search

from .factories import BookingFactory, RoomFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

URL = reverse("spaces:free_slots")


def search(client, **params):
    day = params.pop("day", None) or next_open_day()
    query = {"first": day.isoformat(), "last": day.isoformat(), "minutes": "60", **params}
    return client.get(URL, query)


def test_default_search_is_public_and_lists_each_room(anon, room):
    response = anon.get(URL)
    assert response.status_code == 200
    results = response.context["results"]
    assert [r.room for r in results] == [room]


def test_busy_time_is_left_out_and_the_link_prefills_the_booking(anon, room, organisation):
    day = next_open_day()
    BookingFactory(
        room=room, organisation=organisation, starts_at=slot(day, 10, 12)[0], ends_at=slot(day, 10, 12)[1]
    )
    response = search(anon, day=day, minutes="120")
    [result] = response.context["results"]
    [(found_day, slots)] = result.days
    assert found_day == day
    assert [(s.starts_at, s.ends_at) for s in slots] == [slot(day, 8, 10), slot(day, 12, 21)]
    body = response.content.decode()
    link = f"/sale/rezerwuj/?sala={room.pk}&amp;dzien={day.isoformat()}&amp;od=12:00&amp;do=14:00"
    assert link in body
    assert organisation.name not in body and "Spotkanie" not in body


def test_capacity_features_and_policy_filter_rooms(anon, staff_client, centre):
    small = RoomFactory(centre=centre, name="Pokój mały", capacity=6, features=["wifi"])
    big = RoomFactory(centre=centre, name="Sala duża", capacity=40, features=["projector", "wheelchair"])
    council = RoomFactory(
        centre=centre,
        name="Sala rady",
        capacity=40,
        features=["projector"],
        booking_policy=BookingPolicy.STAFF_ONLY,
    )
    rooms = lambda response: [r.room for r in response.context["results"]]  # noqa: E731
    assert rooms(search(anon, capacity="10")) == [big]
    assert rooms(search(anon, features=["projector", "wheelchair"])) == [big]
    assert rooms(search(anon, features=["wifi"])) == [small]
    assert council not in rooms(search(anon))
    assert council in rooms(search(staff_client))


def test_room_rules_apply_to_members_but_not_to_staff(centre, settings):
    room = RoomFactory(centre=centre, max_length_minutes=60, min_notice_hours=0)
    day = next_open_day()
    kwargs = {"centre": centre, "first": day, "last": day, "minutes": 120}
    assert free_slot_search(**kwargs) == []
    assert [r.room for r in free_slot_search(**kwargs, for_staff=True)] == [room]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2026-05-12T10:00:00", "2026-05-12T10:00:00"),
        ("2026-05-12T10:00:01", "2026-05-12T10:15:00"),
        ("2026-05-12T10:15:30", "2026-05-12T10:30:00"),
        ("2026-05-12T10:59:00", "2026-05-12T11:00:00"),
        ("2026-05-12T23:50:00", "2026-05-13T00:00:00"),
    ],
)
def test_offered_times_start_on_the_next_quarter_hour(moment, expected):
    from datetime import datetime

    from centrum.core.calendar import WARSAW
    from centrum.spaces.selectors import _round_up

    aware = datetime.fromisoformat(moment).replace(tzinfo=WARSAW)
    assert _round_up(aware) == datetime.fromisoformat(expected).replace(tzinfo=WARSAW)


def test_past_time_and_minimum_notice_are_never_offered(centre):
    room = RoomFactory(
        centre=centre, min_notice_hours=48, hours=[(d, time(0), time(23, 59)) for d in range(7)]
    )
    today = warsaw_today()
    results = free_slot_search(centre=centre, first=today, last=today + timedelta(days=3), minutes=60)
    from django.utils import timezone

    earliest = timezone.now() + timedelta(hours=48)
    for result in results:
        assert result.room == room
        for _day, slots in result.days:
            assert all(s.starts_at >= earliest and s.starts_at.minute % 15 == 0 for s in slots)


def test_closed_days_have_no_slots(anon, centre, room):
    day = next_open_day()
    CentreClosedDay.objects.create(centre=centre, date=day, reason="Remont")
    assert search(anon, day=day).context["results"] == []
    assert "żadna sala" in search(anon, day=day).content.decode()


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"first": "2020-01-01", "last": "2020-01-02"}, "first", "już minął"),
        ({"first": "jutro", "last": "x"}, "first", "Wpisz poprawną datę"),
        ({"last_offset": -1}, "last", "przed pierwszym"),
        ({"last_offset": 40}, "last", "najwyżej 31 dni"),
        ({"minutes": "7"}, "minutes", "Wybierz poprawną wartość"),
        ({"capacity": "-3"}, "capacity", "Upewnij się"),
        ({"features": ["sauna"]}, "features", "Wybierz poprawną wartość"),
    ],
)
def test_bad_input_is_a_clear_message_next_to_the_field(anon, room, params, field, message):
    day = next_open_day()
    query = {"first": day.isoformat(), "last": day.isoformat(), "minutes": "60"}
    offset = params.pop("last_offset", None)
    if offset is not None:
        query["last"] = (day + timedelta(days=offset)).isoformat()
    query.update(params)
    response = anon.get(URL, query)
    assert response.status_code == 200
    assert response.context["results"] is None
    assert field in response.context["form"].errors
    body = response.content.decode()
    assert message in body and f'id="id_{field}_error"' in body


def test_another_centres_rooms_never_appear(anon, room, other_room):
    rooms = [r.room for r in search(anon).context["results"]]
    assert rooms == [room] and other_room.name not in search(anon).content.decode()


def test_the_booking_form_is_prefilled_from_the_link(client_for, centre, org_member, room):
    day = next_open_day()
    response = client_for(centre, org_member).get(
        reverse("spaces:booking_create"),
        {"sala": room.pk, "dzien": day.isoformat(), "od": "12:00", "do": "14:00"},
    )
    form = response.context["form"]
    assert (
        form.initial["day"] == day
        and form.initial["start_time"] == time(12)
        and form.initial["end_time"] == time(14)
    )
    body = response.content.decode()
    assert f'value="{day.isoformat()}"' in body and 'value="12:00"' in body
    garbage = client_for(centre, org_member).get(
        reverse("spaces:booking_create"), {"sala": room.pk, "dzien": "x" * 500, "od": "25:99", "do": ""}
    )
    assert garbage.status_code == 200 and "day" not in garbage.context["form"].initial


def test_anonymous_book_link_asks_to_sign_in_and_comes_back(anon, room):
    response = anon.get(reverse("spaces:booking_create"), {"sala": room.pk, "dzien": "2030-01-01"})
    assert response.status_code == 302 and "/konto/login" in response["Location"]
    assert "dzien%3D2030-01-01" in response["Location"]


def test_query_count_does_not_grow_with_rooms_or_bookings(anon, centre, organisation):
    day = next_open_day()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert search(anon, day=day, last=(day + timedelta(days=6)).isoformat()).status_code == 200
        return len(queries)

    RoomFactory(centre=centre)
    count()  # the first request of a session warms per-process caches
    few = count()
    for n in range(6):
        room = RoomFactory(centre=centre, name=f"Sala dodatkowa {n}")
        for week_day in range(3):
            start, end = slot(day + timedelta(days=week_day), 9 + n, 10 + n)
            BookingFactory(
                room=room,
                organisation=organisation,
                starts_at=start,
                ends_at=end,
                status=BookingStatus.APPROVED,
            )
    assert count() == few
    assert few <= 8


def test_page_in_english(anon, room):
    body = anon.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Free room slots" in body and "Search free slots" in body
