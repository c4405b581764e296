"""Booking.__str__ (kept in the audit log as the object's name): Warsaw time and the room's name."""

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from centrum.core.calendar import WARSAW
from centrum.core.models import AuditEntry
from centrum.spaces.models import Booking
from centrum.spaces.services import booking_approve

from .factories import BookingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.mark.parametrize(("month", "hour"), [(1, 17), (7, 17)])
def test_str_uses_warsaw_time_and_the_loaded_room(room, organisation, month, hour):
    start = datetime(2030, month, 8, hour, 30, tzinfo=WARSAW)
    booking = BookingFactory(room=room, organisation=organisation, title="Warsztaty", starts_at=start)
    assert str(booking) == f"Warsztaty – {room.name} – 2030-{month:02d}-08 17:30"


def test_str_does_not_query_for_the_room(room, organisation):
    BookingFactory(room=room, organisation=organisation, title="Warsztaty")
    booking = Booking.objects.get()
    with CaptureQueriesContext(connection) as ctx:
        text = str(booking)
    assert len(ctx.captured_queries) == 0
    assert text.startswith(f"Warsztaty – {room.pk} – ")


def test_booking_history_shows_labels(staff_client, staff_user, room, organisation):
    booking = BookingFactory(room=room, organisation=organisation, status="pending")
    booking_approve(booking=booking, actor=staff_user)
    assert AuditEntry.objects.get(action="booking.approve").object_repr.startswith(
        f"{booking.title} – {room.name}"
    )
    html = staff_client.get(reverse("spaces:booking_detail", args=[booking.pk])).content.decode()
    assert "<td>Zatwierdzono rezerwację</td>" in html
    assert "booking.approve" not in html
