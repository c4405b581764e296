"""The advice API: free slots (no personal data) and booking; a taken slot, a past slot, another centre's
adviser and garbage are refused, nothing stored."""

import json
from datetime import timedelta

import pytest

from centrum.core.models import OutboxMessage

from ..models import Appointment
from .factories import AdviserFactory, AppointmentFactory, monday_slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _post(client, payload):
    return client.post(
        "/api/v1/advice/appointments", data=json.dumps(payload, default=str), content_type="application/json"
    )


def _payload(adviser, start, **extra):
    return {
        "adviser_id": adviser.pk,
        "starts_at": start.isoformat(),
        "topic": "Zakładanie fundacji",
        "question": "Jaki kapitał założycielski?",
        "name": "Tomasz Fundator",
        "email": "tomasz@example.org",
        "founding": True,
        **extra,
    }


def test_free_slots_are_public_without_personal_data(anon, adviser):
    taken = AppointmentFactory(adviser=adviser, name="Ewa Tajna")
    response = anon.get("/api/v1/advice/slots")
    assert response.status_code == 200
    slots = response.json()
    assert slots and all(s["adviser_id"] == adviser.pk for s in slots)
    assert taken.starts_at.isoformat() not in {s["starts_at"] for s in slots}
    assert "Ewa Tajna" not in response.content.decode()


def test_anyone_books_through_the_api(anon, adviser):
    start, _end = monday_slot(13)
    response = _post(anon, _payload(adviser, start))
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "booked"
    assert Appointment.objects.get().starts_at == start
    assert OutboxMessage.objects.filter(to=["tomasz@example.org"]).exists()


def test_a_taken_or_past_slot_is_refused(anon, adviser):
    start, _end = monday_slot(13)
    AppointmentFactory(adviser=adviser, starts_at=start)
    response = _post(anon, _payload(adviser, start))
    assert response.status_code == 400 and "zajął" in response.json()["detail"]
    past = start - timedelta(weeks=3)
    response = _post(anon, _payload(adviser, past))
    assert response.status_code == 400 and "minął" in response.json()["detail"]
    assert Appointment.objects.count() == 1


def test_another_centres_adviser_is_404(anon, other_centre):
    theirs = AdviserFactory(centre=other_centre)
    start, _end = monday_slot(13)
    assert _post(anon, _payload(theirs, start)).status_code == 404
    assert not Appointment.objects.exists()


def test_garbage_is_a_422(anon, adviser):
    response = _post(anon, {"adviser_id": "x", "starts_at": "jutro"})
    assert response.status_code == 422
    assert not Appointment.objects.exists()
