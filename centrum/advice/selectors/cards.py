"""Small reads for other pages: the staff dashboard card and the organisation's support history block."""

from datetime import datetime, time, timedelta

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.models import Centre

from ..choices import AppointmentStatus
from ..models import AdviceEntry, Appointment, Assignment


def staff_dashboard_counts(*, centre) -> dict:
    """Today's booked appointments and the follow-ups due, in one query."""
    today = warsaw_today()
    since = datetime.combine(today, time.min, tzinfo=WARSAW)
    booked = Appointment.objects.filter(
        centre=centre_ref(),
        status=AppointmentStatus.BOOKED,
        starts_at__gte=since,
        starts_at__lt=since + timedelta(days=1),
    )
    due = AdviceEntry.objects.filter(centre=centre_ref(), follow_up_on__isnull=False, follow_up_on__lte=today)
    row = (
        Centre.objects.filter(pk=centre.pk)
        .annotate(today=_count(booked), follow_ups=_count(due))
        .values("today", "follow_ups")
        .first()
    )
    return row or {"today": 0, "follow_ups": 0}


def centre_ref():
    return OuterRef("pk")


def _count(queryset):
    return Coalesce(Subquery(queryset.order_by().values("centre").annotate(n=Count("id")).values("n")[:1]), 0)


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
