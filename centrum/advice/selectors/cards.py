"""Small reads for other pages: the staff dashboard card and the organisation's support history block."""

from datetime import datetime, time, timedelta

from centrum.core.calendar import WARSAW, warsaw_today

from ..choices import AppointmentStatus
from ..models import AdviceEntry, Appointment, Assignment


def staff_dashboard_counts(*, centre) -> dict:
    today = warsaw_today()
    since = datetime.combine(today, time.min, tzinfo=WARSAW)
    return {
        "today": Appointment.objects.filter(
            centre=centre,
            status=AppointmentStatus.BOOKED,
            starts_at__gte=since,
            starts_at__lt=since + timedelta(days=1),
        ).count(),
        "follow_ups": AdviceEntry.objects.filter(
            centre=centre, follow_up_on__isnull=False, follow_up_on__lte=today
        ).count(),
    }


def organisation_advice_history(*, centre, organisation, limit: int = 10) -> dict:
    """Advice given to the organisation and the advisers working for it: no confidential notes."""
    return {
        "entries": list(
            AdviceEntry.objects.filter(centre=centre, organisation=organisation)
            .select_related("domain", "adviser__user")
            .defer("confidential_notes")[:limit]
        ),
        "assignments": list(
            Assignment.objects.filter(centre=centre, organisation=organisation).select_related(
                "adviser__user", "domain"
            )
        ),
        "organisation_id": organisation.pk,
    }
