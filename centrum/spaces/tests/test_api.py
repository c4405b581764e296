"""The rooms API: anonymous, a forbidden role, another centre's id; members book through it."""

import json

import pytest

from centrum.spaces.choices import BookingStatus
from centrum.spaces.models import Booking

from .factories import BookingFactory, next_open_day, slot

pytestmark = pytest.mark.django_db


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
    assert client.get(f"/api/v1/rooms/bookings/{booking.pk}").status_code == 403
    client.cookies["csrftoken"] = "x" * 32
    client.defaults["HTTP_X_CSRFTOKEN"] = "x" * 32
    assert _post(client, f"/api/v1/rooms/bookings/{booking.pk}/cancel", {}).status_code == 403
