"""The spaces app's hard indicator of the cooperation-quality index (`centrum.core.indicators`): hours of
approved room bookings organisations held in a calendar year (the centre's own events and blocks excluded)."""

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DurationField, ExpressionWrapper, F, Sum

from ..choices import BookingKind, BookingStatus
from ..models import Booking


def organisation_room_hours(centre, year: int) -> Decimal:
    total = (
        Booking.objects.filter(
            centre=centre, status=BookingStatus.APPROVED, organisation__isnull=False, starts_at__year=year
        )
        .exclude(kind__in=(BookingKind.CENTRE, BookingKind.BLOCK))
        .aggregate(total=Sum(ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())))
    )["total"] or timedelta()
    return (Decimal(total.total_seconds()) / 3600).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
