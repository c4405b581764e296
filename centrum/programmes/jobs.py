"""Scheduled work of the programmes app (autodiscovered by `centrum.core`)."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import proposals_remind


@scheduled_per_centre("programmes.proposals_remind", every=timedelta(hours=6))
def remind_proposals(centre):
    return f"reminded {proposals_remind(centre=centre)}"
