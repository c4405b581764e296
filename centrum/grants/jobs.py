"""Scheduled work of the grants app (autodiscovered by `centrum.core`): each job calls one service."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import competitions_close_due, reasons_requests_remind
from .services.evaluation import corrections_lapse


# competitions
@scheduled_per_centre("grants.competitions_close", every=timedelta(minutes=5))
def close_competitions_after_deadline(centre):
    return f"closed {competitions_close_due(centre=centre)}"


@scheduled_per_centre("grants.reasons_reminders", every=timedelta(hours=6))
def remind_reasons_requests(centre):
    return f"reminded {reasons_requests_remind(centre=centre)}"


# evaluation
@scheduled_per_centre("grants.corrections_lapse", every=timedelta(hours=1))
def reject_uncorrected_offers(centre):
    """Offers whose correction window lapsed without a corrected offer are rejected for formal defects."""
    return f"rejected {corrections_lapse(centre=centre)}"


# offers


@scheduled_per_centre("grants.offer_confirmations", every=timedelta(minutes=1))
def offer_confirmations(centre):
    """The confirmation mail with the PDF of each new filing (see `services.offers.after_filing`)."""
    from .services.offers import send_pending_confirmations

    return send_pending_confirmations(centre=centre)


# reports ---
@scheduled_per_centre("grants.deadline_reminders", every=timedelta(hours=6))
def remind_deadlines(centre):
    """Reports, returns and recommendations: a reminder before the deadline and one after it (once each)."""
    from .services.reports import deadline_reminders_send

    return f"reminded {deadline_reminders_send(centre=centre)}"


# small_grants ---
@scheduled_per_centre("grants.small_grants_publication", every=timedelta(hours=6))
def remind_small_grant_publication(centre):
    """Officials are reminded of art. 19a offers to publish within the working-day deadline."""
    from .services.small_grants import small_grants_publication_remind

    return small_grants_publication_remind(centre=centre)
