"""Who the rooms and equipment reached, and what they owe soon: the spaces app's support sources.

Registered in `features.py` with `organisations.sections.register_support_source`, so the centre's
statistics count unique people and organisations across every service, and a caretaker sees loan returns.
"""

from datetime import datetime, time

from django.urls import reverse
from django.utils.translation import gettext as _

from centrum.core.calendar import WARSAW
from centrum.organisations.sections import SupportDeadline, person_key_for

from ..choices import BookingKind, BookingStatus, LoanStatus
from ..models import Booking, Loan


def _bounds(start, end):
    return datetime.combine(start, time.min, tzinfo=WARSAW), datetime.combine(end, time.max, tzinfo=WARSAW)


def booking_reach(centre, start, end):
    """People and organisations whose approved booking took place in [start, end] (centre events excluded)."""
    since, until = _bounds(start, end)
    rows = (
        Booking.objects.filter(
            centre=centre, status=BookingStatus.APPROVED, starts_at__gte=since, starts_at__lte=until
        )
        .exclude(kind__in=(BookingKind.CENTRE, BookingKind.BLOCK))
        .values_list("requested_by_id", "organisation_id")
        .distinct()
    )
    return [(person_key_for(user_id=user_id), organisation_id) for user_id, organisation_id in rows]


def loan_reach(centre, start, end):
    """People and organisations who received equipment in [start, end]."""
    rows = (
        Loan.objects.filter(
            centre=centre,
            status__in=(LoanStatus.HANDED_OVER, LoanStatus.RETURNED),
            starts_on__gte=start,
            starts_on__lte=end,
        )
        .values_list("requested_by_id", "organisation_id")
        .distinct()
    )
    return [(person_key_for(user_id=user_id), organisation_id) for user_id, organisation_id in rows]


def loan_deadlines(centre, organisation_ids, start, end):
    """Returns due in [start, end] of equipment the organisations hold."""
    rows = Loan.objects.filter(
        centre=centre,
        organisation_id__in=organisation_ids,
        status=LoanStatus.HANDED_OVER,
        due_on__gte=start,
        due_on__lte=end,
    ).values_list("pk", "organisation_id", "due_on", "number")
    return [
        SupportDeadline(
            organisation_id=organisation_id,
            due_on=due_on,
            label=_("Zwrot sprzętu (użyczenie nr %(number)s)") % {"number": number},
            url=reverse("spaces:loan_detail", args=[pk]),
        )
        for pk, organisation_id, due_on, number in rows
    ]
