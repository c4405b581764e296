"""Scheduled work of councils: silence past the deadline recorded as a waiver, reminders before deadlines."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import opinions_remind, opinions_waive_overdue, requests_remind


@scheduled_per_centre("councils.opinions_waive", every=timedelta(hours=6))
def waive_overdue_opinions(centre):
    return f"waived {opinions_waive_overdue(centre=centre)}"


@scheduled_per_centre("councils.opinions_remind", every=timedelta(hours=6))
def remind_opinions(centre):
    return f"reminded {opinions_remind(centre=centre)}"


@scheduled_per_centre("councils.requests_remind", every=timedelta(hours=12))
def remind_requests(centre):
    return f"reminded {requests_remind(centre=centre)}"
