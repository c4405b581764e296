"""Reminders the day before (or as many days as the centre sets) of an approved booking."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import CentreSettings
from centrum.core.models import Centre

from ..availability import local
from ..choices import BookingKind, BookingStatus
from ..models import Booking
from . import notify


def bookings_remind(*, centre: Centre | None = None, now: datetime | None = None) -> int:
    """Reminders due now; the scheduled job runs it per active centre, without `centre` every centre."""
    now = now or timezone.now()
    today = warsaw_today(now)
    settings_by_centre: dict[int, CentreSettings] = {}
    sent = 0
    candidates = (
        Booking.objects.filter(
            kind=BookingKind.ORGANISATION,
            status=BookingStatus.APPROVED,
            reminder_sent_at__isnull=True,
            starts_at__gt=now,
            starts_at__lt=now + timedelta(days=15),
        )
        .select_related("centre", "room", "organisation", "requested_by")
        .order_by("starts_at")
    )
    if centre is not None:
        candidates = candidates.filter(centre=centre)
    for booking in candidates:
        settings = settings_by_centre.setdefault(booking.centre_id, CentreSettings(booking.centre))
        days = settings["spaces.reminder_days_before"]
        if not days or local(booking.starts_at).date() > today + timedelta(days=days):
            continue
        with transaction.atomic():
            updated = Booking.objects.filter(pk=booking.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if updated:
                notify.send(
                    centre=booking.centre,
                    to=notify.booking_recipients(booking),
                    event="reminder_to_organisation",
                    context={"booking": booking, "room": booking.room, "organisation": booking.organisation},
                )
                sent += 1
    return sent
