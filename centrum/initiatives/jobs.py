"""Scheduled work of local initiatives (autodiscovered by `centrum.core`)."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import completion_remind


@scheduled_per_centre("initiatives.completion_remind", every=timedelta(hours=6))
def remind_completion(centre):
    return f"reminded {completion_remind(centre=centre)}"
