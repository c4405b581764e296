"""The rooms API: anonymous, a forbidden role, another centre's id; members book through it."""

import json
from datetime import time, timedelta

import pytest

from centrum.accounts.services import api_token_create
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.spaces.choices import BookingStatus, Recurrence
from centrum.spaces.models import Booking, BookingSeries

from .factories import BookingFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _post(client, url, payload):
    return client.post(url, data=json.dumps(payload, default=str), content_type="application/json")


def _payload(room, organisation, **extra):
    start, end = slot(next_open_day(), 17, 19)
    payload = {
        "room_id": room.pk,
        "organisation_id": organisation.pk,
        "starts_at": start.isoformat(),
        "ends_at": end.isoformat(),
        "title": "Warsztaty",
        "purpose": "Działalność statutowa",
        "attendees": 10,
    }
    payload.update(extra)
    return payload


def test_rooms_and_availability_are_public_without_personal_data(anon, room, organisation):
    BookingFactory(
        room=room, organisation=organisation, title="Zebranie zarządu", contact_name="Jan Kowalski"
    )
    rooms = anon.get("/api/v1/rooms").json()
    assert [r["name"] for r in rooms] == [room.name]
    start = next_open_day().isoformat()
    days = anon.get(f"/api/v1/rooms/{room.pk}/availability?start={start}&days=1").json()
    assert days[0]["busy"] and "Kowalski" not in json.dumps(days) and "Zebranie" not in json.dumps(days)


def test_another_centres_room_is_404(anon, client_for, centre, org_member, organisation, other_room):
    assert anon.get(f"/api/v1/rooms/{other_room.pk}").status_code == 404
    assert anon.get(f"/api/v1/rooms/{other_room.pk}/availability").status_code == 404
    response = _post(
        client_for(centre, org_member), "/api/v1/rooms/bookings", _payload(other_room, organisation)
    )
    assert response.status_code == 404
    assert not Booking.objects.exists()


def test_anonymous_cannot_book(anon, room, organisation):
    assert _post(anon, "/api/v1/rooms/bookings", _payload(room, organisation)).status_code == 401
    assert anon.get("/api/v1/rooms/bookings").status_code == 401


def test_member_books_and_cancels_through_the_api(client_for, centre, org_member, organisation, room):
    client = client_for(centre, org_member)
    client.cookies["csrftoken"] = "x" * 32
    client.defaults["HTTP_X_CSRFTOKEN"] = "x" * 32
    response = _post(
        client, "/api/v1/rooms/bookings", _payload(room, organisation, recurrence="weekly", count=2)
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert len(created) == 2 and created[0]["status"] == BookingStatus.PENDING
    assert [b["id"] for b in client.get("/api/v1/rooms/bookings").json()] == [b["id"] for b in created]
    response = _post(client, f"/api/v1/rooms/bookings/{created[0]['id']}/cancel", {"scope": "following"})
    assert response.status_code == 200 and {b["status"] for b in response.json()} == {BookingStatus.CANCELLED}


def test_bad_input_is_a_clear_400_and_nothing_stored(client_for, centre, org_member, organisation, room):
    client = client_for(centre, org_member)
    client.cookies["csrftoken"] = "x" * 32
    client.defaults["HTTP_X_CSRFTOKEN"] = "x" * 32
    response = _post(client, "/api/v1/rooms/bookings", _payload(room, organisation, attendees=99))
    assert response.status_code == 400 and "mieści najwyżej" in response.json()["detail"]
    response = _post(
        client, "/api/v1/rooms/bookings", _payload(room, organisation, recurrence="weekly", count=500)
    )
    assert response.status_code in (400, 422)
    assert not Booking.objects.exists()


def test_dry_run_lists_conflicts(client_for, centre, org_member, organisation, room):
    day = next_open_day()
    BookingFactory(room=room, starts_at=slot(day, 17, 19)[0], ends_at=slot(day, 17, 19)[1])
    client = client_for(centre, org_member)
    client.cookies["csrftoken"] = "x" * 32
    client.defaults["HTTP_X_CSRFTOKEN"] = "x" * 32
    response = _post(
        client,
        "/api/v1/rooms/bookings",
        _payload(room, organisation, recurrence="weekly", count=3, dry_run=True),
    )
    assert response.status_code == 200
    assert [o["conflict"] for o in response.json()["occurrences"]] == [True, False, False]
    assert Booking.objects.count() == 1


def test_stranger_cannot_see_or_cancel_a_booking(client_for, centre, plain_user, room, organisation):
    booking = BookingFactory(room=room, organisation=organisation)
    client = client_for(centre, plain_user)
    assert client.get(f"/api/v1/rooms/bookings/{booking.pk}").status_code == 404
    client.cookies["csrftoken"] = "x" * 32
    client.defaults["HTTP_X_CSRFTOKEN"] = "x" * 32
    assert _post(client, f"/api/v1/rooms/bookings/{booking.pk}/cancel", {}).status_code == 404


# --- Staff decisions ---------------------------------------------------------------------------------


def _csrf(client):
    client.cookies["csrftoken"] = "x" * 32
    client.defaults["HTTP_X_CSRFTOKEN"] = "x" * 32
    return client


@pytest.fixture
def pending_series(room, organisation, org_member):
    day = next_open_day()
    series = BookingSeries.objects.create(
        centre=room.centre,
        room=room,
        organisation=organisation,
        requested_by=org_member,
        title="Warsztaty",
        recurrence=Recurrence.WEEKLY,
        first_date=day,
        count=3,
        start_time=time(17),
        end_time=time(19),
    )
    return [
        BookingFactory(
            room=room,
            organisation=organisation,
            requested_by=org_member,
            status=BookingStatus.PENDING,
            starts_at=slot(day + timedelta(weeks=week), 17, 19)[0],
            ends_at=slot(day + timedelta(weeks=week), 17, 19)[1],
            series=series,
        )
        for week in range(3)
    ]


def test_staff_list_pending_and_approve_a_series(client_for, centre, staff_user, pending_series):
    client = _csrf(client_for(centre, staff_user))
    listed = client.get("/api/v1/rooms/bookings/pending").json()
    assert [b["id"] for b in listed] == [b.pk for b in pending_series]
    response = _post(
        client,
        f"/api/v1/rooms/bookings/{pending_series[1].pk}/approve",
        {"scope": "following", "reason": "Klucze w sekretariacie"},
    )
    assert response.status_code == 200, response.content
    assert [b["id"] for b in response.json()] == [b.pk for b in pending_series[1:]]
    statuses = [b.status for b in Booking.objects.order_by("starts_at")]
    assert statuses == [BookingStatus.PENDING, BookingStatus.APPROVED, BookingStatus.APPROVED]
    assert OutboxMessage.objects.filter(event="approved_to_organisation").count() == 1
    assert AuditEntry.objects.filter(action="booking.approve").count() == 2


def test_staff_reject_needs_a_reason_and_mails_it(client_for, centre, staff_user, pending_series):
    client = _csrf(client_for(centre, staff_user))
    url = f"/api/v1/rooms/bookings/{pending_series[0].pk}/reject"
    response = _post(client, url, {"reason": "   "})
    assert response.status_code == 422 and response.json()["detail"]
    response = _post(client, url, {"scope": "everything", "reason": "Remont"})
    assert response.status_code == 422
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.PENDING}
    response = _post(client, url, {"scope": "series", "reason": "Remont sali"})
    assert response.status_code == 200
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.REJECTED}
    assert "Remont sali" in OutboxMessage.objects.get(event="rejected_to_organisation").body
    response = _post(client, url, {"reason": "Jeszcze raz"})
    assert response.status_code == 409 and "odrzucona" in response.json()["detail"]


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_member_of_the_organisation_is_403(client_for, centre, org_member, pending_series, action):
    client = _csrf(client_for(centre, org_member))
    response = _post(client, f"/api/v1/rooms/bookings/{pending_series[0].pk}/{action}", {"reason": "x"})
    assert response.status_code == 403
    assert client.get("/api/v1/rooms/bookings/pending").status_code == 403
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.PENDING}


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_another_centres_booking_is_404(client_for, centre, staff_user, other_room, action):
    other = BookingFactory(room=other_room, status=BookingStatus.PENDING)
    client = _csrf(client_for(centre, staff_user))
    response = _post(client, f"/api/v1/rooms/bookings/{other.pk}/{action}", {"reason": "x"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == BookingStatus.PENDING


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_anonymous_decision_is_401(anon, pending_series, action):
    response = _post(anon, f"/api/v1/rooms/bookings/{pending_series[0].pk}/{action}", {"reason": "x"})
    assert response.status_code == 401
    assert anon.get("/api/v1/rooms/bookings/pending").status_code == 401


def test_a_centre_event_is_not_decided_here(client_for, centre, staff_user, room):
    event = BookingFactory(room=room, kind="centre", organisation=None, status=BookingStatus.APPROVED)
    client = _csrf(client_for(centre, staff_user))
    response = _post(client, f"/api/v1/rooms/bookings/{event.pk}/approve", {})
    assert response.status_code == 400 and "organizacji" in response.json()["detail"]


def test_staff_with_a_token_decide_without_csrf(client_for, centre, staff_user, pending_series):
    _token, key = api_token_create(user=staff_user, centre=centre, name="skrypt")
    client = client_for(centre)
    response = client.post(
        f"/api/v1/rooms/bookings/{pending_series[0].pk}/approve",
        data="{}",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 200, response.content


def test_decisions_are_in_the_openapi_document(anon):
    paths = anon.get("/api/v1/openapi.json").json()["paths"]
    assert "post" in paths["/api/v1/rooms/bookings/{booking_id}/approve"]
    assert "post" in paths["/api/v1/rooms/bookings/{booking_id}/reject"]
    assert "get" in paths["/api/v1/rooms/bookings/pending"]
    reject = paths["/api/v1/rooms/bookings/{booking_id}/reject"]["post"]
    assert {"200", "400", "401", "403", "404", "422"} <= set(reject["responses"])
