"""The booking form says what the server will demand: an organisation's attendee count and statutory
purpose are marked required (attribute and the form layer's marker), and a missing purpose is
reported at the first step (the check), next to its field, not only when the request is sent."""

import re

from django.urls import reverse

from ..models import Booking
from .factories import next_open_day


def _input(html: str, name: str) -> str:
    match = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html)
    assert match, name
    return match.group(0)


def _label(html: str, field_id: str) -> str:
    match = re.search(rf'<label for="{field_id}">(.*?)</label>', html, re.S)
    assert match, field_id
    return match.group(1)


def test_member_form_marks_attendees_and_purpose_required(client_for, centre, org_member, organisation, room):
    html = client_for(centre, org_member).get(reverse("spaces:booking_create")).content.decode()
    for name in ("attendees", "purpose"):
        assert " required" in _input(html, name), name
        assert "wymagane" in _label(html, f"id_{name}"), name


def _check_step(organisation, room, **changes) -> dict:
    """The form's first step (action "check") for a weekday evening, with `changes` (None drops a field)."""
    data = {
        "organisation": organisation.pk,
        "room": room.pk,
        "day": next_open_day().isoformat(),
        "start_time": "17:00",
        "end_time": "19:00",
        "recurrence": "once",
        "title": "Warsztaty",
        "attendees": "12",
        "action": "check",
        **changes,
    }
    return {key: value for key, value in data.items() if value is not None}


def test_missing_purpose_is_reported_at_the_check_step(client_for, centre, org_member, organisation, room):
    response = client_for(centre, org_member).post(
        reverse("spaces:booking_create"), _check_step(organisation, room, purpose="   ")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_purpose_error"' in html
    assert 'aria-invalid="true"' in _input(html, "purpose")
    assert not Booking.objects.exists()


def test_staff_organisation_booking_without_purpose_is_refused_at_the_check(staff_client, organisation, room):
    response = staff_client.post(
        reverse("spaces:booking_create"), _check_step(organisation, room, kind="organisation")
    )
    assert response.status_code == 200
    assert 'id="id_purpose_error"' in response.content.decode()
