"""Scheduled work: consultations open on their first day and close after their last."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import consultations_close_due, consultations_open_due


@scheduled_per_centre("consultations.open_and_close", every=timedelta(hours=1))
def open_and_close(centre):
    return f"opened {consultations_open_due(centre=centre)}, closed {consultations_close_due(centre=centre)}"
