"""Scheduled work of the grants app (autodiscovered by `centrum.core`): each job calls one service."""

# offers
from datetime import timedelta  # noqa: E402

from centrum.core.jobs import scheduled_per_centre  # noqa: E402


@scheduled_per_centre("grants.offer_confirmations", every=timedelta(minutes=1))
def offer_confirmations(centre):
    """The confirmation mail with the PDF of each new filing (see `services.offers.after_filing`)."""
    from .services.offers import send_pending_confirmations

    return send_pending_confirmations(centre=centre)
