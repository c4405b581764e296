"""What the centre gave one organisation, for its staff view: recent bookings, loans and walk-in uses."""

from centrum.core.models import Centre

from ..models import Booking, Loan
from .uses import equipment_uses_for_organisation

SHOWN = 10


def organisation_support_history(*, centre: Centre, organisation, limit: int = SHOWN) -> dict:
    bookings = (
        Booking.objects.filter(centre=centre, organisation=organisation)
        .select_related("room")
        .order_by("-starts_at")[:limit]
    )
    loans = Loan.objects.filter(centre=centre, organisation=organisation).order_by("-starts_on", "-id")[
        :limit
    ]
    return {
        "bookings": list(bookings),
        "loans": list(loans),
        "uses": equipment_uses_for_organisation(centre=centre, organisation=organisation, limit=limit),
    }
