"""Scheduled work of the grants app (autodiscovered by `centrum.core`): each job calls one service."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services.evaluation import corrections_lapse


# evaluation
@scheduled_per_centre("grants.corrections_lapse", every=timedelta(hours=1))
def reject_uncorrected_offers(centre):
    """Offers whose correction window lapsed without a corrected offer are rejected for formal defects."""
    return f"rejected {corrections_lapse(centre=centre)}"
