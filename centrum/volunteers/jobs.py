"""Scheduled work of the volunteer centre (autodiscovered by `centrum.core`): offers whose last day has passed
are closed, so they leave the public list and the newsletter."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import offers_close_ended


@scheduled_per_centre("volunteers.offers_close_ended", every=timedelta(hours=6))
def close_ended_offers(centre):
    return f"closed {offers_close_ended(centre=centre)}"
