"""Scheduled work: consultations open on their first day and close after their last; reminders of reports."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import consultations_close_due, consultations_open_due, reports_remind


@scheduled_per_centre("consultations.open_and_close", every=timedelta(hours=1))
def open_and_close(centre):
    return f"opened {consultations_open_due(centre=centre)}, closed {consultations_close_due(centre=centre)}"


@scheduled_per_centre("consultations.reports_remind", every=timedelta(hours=6))
def remind_reports(centre):
    return f"reminded {reports_remind(centre=centre)}"
