"""Scheduled work of surveys (autodiscovered by `centrum.core`): a draft opens when its opening date comes,
an open survey closes when its closing date passes."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import surveys_close_due, surveys_open_due


@scheduled_per_centre("surveys.open_and_close", every=timedelta(minutes=15))
def open_and_close(centre):
    return f"opened {surveys_open_due(centre=centre)}, closed {surveys_close_due(centre=centre)}"
