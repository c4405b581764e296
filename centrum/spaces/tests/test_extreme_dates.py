"""Dates at the ends of the calendar (9999-12-31, 0001-01-01): a clear message, never a 500, nothing stored."""

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.spaces.choices import Recurrence
from centrum.spaces.dates import allowed_range
from centrum.spaces.models import Booking, RoomLet
from centrum.spaces.recurrence import occurrence_dates

from .factories import next_open_day

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

EXTREMES = ["9999-12-31", "0001-01-01"]
MESSAGE = "Podaj datę od"


def _api_client(client_for, centre, user):
    client = client_for(centre, user)
    client.cookies["csrftoken"] = "x" * 32
    client.defaults["HTTP_X_CSRFTOKEN"] = "x" * 32
    return client


def _booking_data(room, organisation, day: str, **extra):
    return {
        "organisation": organisation.pk,
        "room": room.pk,
        "day": day,
        "start_time": "17:00",
        "end_time": "19:00",
        "recurrence": "weekly",
        "count": "3",
        "title": "Warsztaty",
        "action": "check",
        **extra,
    }


@pytest.mark.parametrize("day", EXTREMES)
@pytest.mark.parametrize("action", ["check", "submit", "wait"])
def test_booking_form_refuses_extreme_day(client_for, centre, org_member, organisation, room, day, action):
    response = client_for(centre, org_member).post(
        reverse("spaces:booking_create"), _booking_data(room, organisation, day, action=action)
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Booking.objects.exists()


@pytest.mark.parametrize("until", EXTREMES)
def test_booking_form_refuses_extreme_until(client_for, centre, org_member, organisation, room, until):
    data = _booking_data(room, organisation, next_open_day().isoformat(), count="", until=until)
    response = client_for(centre, org_member).post(reverse("spaces:booking_create"), data)
    assert response.status_code == 200 and MESSAGE in response.content.decode()


@pytest.mark.parametrize("day", EXTREMES)
def test_api_booking_refuses_extreme_datetimes(client_for, centre, org_member, organisation, room, day):
    payload = {
        "room_id": room.pk,
        "organisation_id": organisation.pk,
        "starts_at": f"{day}T10:00:00+01:00",
        "ends_at": f"{day}T12:00:00+01:00",
        "title": "Warsztaty",
        "recurrence": "weekly",
        "count": 3,
    }
    client = _api_client(client_for, centre, org_member)
    for extra in ({}, {"dry_run": True}):
        response = client.post(
            "/api/v1/rooms/bookings", data=json.dumps({**payload, **extra}), content_type="application/json"
        )
        assert response.status_code == 422, response.content
        assert MESSAGE in response.json()["detail"] and response.json()["field"] == "starts_at"
    assert not Booking.objects.exists()


@pytest.mark.parametrize("field", ["until", "skip_dates"])
def test_api_booking_refuses_extreme_until_and_skip_dates(
    client_for, centre, org_member, organisation, room, field
):
    start = next_open_day()
    payload = {
        "room_id": room.pk,
        "organisation_id": organisation.pk,
        "starts_at": f"{start.isoformat()}T10:00:00+01:00",
        "ends_at": f"{start.isoformat()}T12:00:00+01:00",
        "title": "Warsztaty",
        "recurrence": "weekly",
        "until": "9999-12-31" if field == "until" else None,
        "count": None if field == "until" else 2,
        "skip_dates": ["9999-12-31"] if field == "skip_dates" else [],
    }
    response = _api_client(client_for, centre, org_member).post(
        "/api/v1/rooms/bookings", data=json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 422 and MESSAGE in response.json()["detail"]
    assert not Booking.objects.exists()


@pytest.mark.parametrize("day", EXTREMES)
def test_public_availability_api_refuses_extreme_start(anon, room, day):
    response = anon.get(f"/api/v1/rooms/{room.pk}/availability?start={day}&days=62")
    assert response.status_code == 422 and MESSAGE in response.json()["detail"]


def test_public_availability_api_at_the_last_allowed_day(anon, room):
    last = allowed_range()[1]
    response = anon.get(f"/api/v1/rooms/{room.pk}/availability?start={last.isoformat()}&days=62")
    assert response.status_code == 200 and len(response.json()) == 62


@pytest.mark.parametrize("day", EXTREMES)
def test_public_room_week_falls_back_to_this_week(anon, room, day):
    response = anon.get(reverse("spaces:room_detail", args=[room.pk]), {"tydzien": day})
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert response.context["first"] == warsaw_today() - timedelta(days=warsaw_today().weekday())


@pytest.mark.parametrize("day", EXTREMES)
@pytest.mark.parametrize("view", ["day", "week"])
def test_planner_falls_back_to_today(staff_client, room, day, view):
    response = staff_client.get(reverse("spaces:planner"), {"day": day, "view": view})
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    today = warsaw_today()
    assert response.context["first"] == (today - timedelta(days=today.weekday()) if view == "week" else today)


@pytest.mark.parametrize("field", ["starts_on", "ends_on"])
@pytest.mark.parametrize("day", EXTREMES)
def test_let_form_refuses_extreme_dates(staff_client, room, organisation, field, day):
    data = {
        "room": room.pk,
        "organisation": organisation.pk,
        "starts_on": warsaw_today().isoformat(),
        "ends_on": (warsaw_today() + timedelta(days=30)).isoformat(),
        field: day,
    }
    response = staff_client.post(reverse("spaces:lets"), data)
    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert not RoomLet.objects.exists()


@pytest.mark.parametrize("day", EXTREMES)
def test_reschedule_form_refuses_extreme_day(client_for, centre, org_member, organisation, room, day):
    from .factories import BookingFactory

    booking = BookingFactory(room=room, organisation=organisation, requested_by=org_member)
    before = booking.starts_at
    response = client_for(centre, org_member).post(
        reverse("spaces:booking_reschedule", args=[booking.pk]),
        {
            "reschedule-scope": "one",
            "reschedule-day": day,
            "reschedule-start_time": "10:00",
            "reschedule-end_time": "12:00",
        },
    )
    assert response.status_code == 200 and MESSAGE in response.content.decode()
    booking.refresh_from_db()
    assert booking.starts_at == before


@pytest.mark.parametrize(
    "recurrence",
    [Recurrence.WEEKLY, Recurrence.BIWEEKLY, Recurrence.MONTHLY_DATE, Recurrence.MONTHLY_WEEKDAY],
)
def test_series_past_year_9999_is_an_application_error(recurrence):
    with pytest.raises(ApplicationError, match="zakres dat"):
        occurrence_dates(recurrence=recurrence, first=date(9999, 12, 31), count=3, cap=100)
