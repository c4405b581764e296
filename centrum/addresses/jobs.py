"""Scheduled work of the address service (autodiscovered by `centrum.core`): each job calls one service."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import agreements_check_krs, agreements_end, agreements_remind, mail_remind_uncollected


@scheduled_per_centre("addresses.agreement_reminders", every=timedelta(hours=6))
def remind_ending_agreements(centre):
    return f"reminded {agreements_remind(centre=centre)}"


@scheduled_per_centre("addresses.agreements_end", every=timedelta(hours=1))
def end_agreements(centre):
    return f"ended {agreements_end(centre=centre)}"


@scheduled_per_centre("addresses.krs_after_end", every=timedelta(days=1))
def check_krs_after_end(centre):
    counts = agreements_check_krs(centre=centre)
    return (
        f"checked {counts['checked']}, still at the centre {counts['still_here']}, failed {counts['failed']}"
    )


@scheduled_per_centre("addresses.uncollected_mail", every=timedelta(hours=12))
def remind_uncollected_mail(centre):
    return f"reminded {mail_remind_uncollected(centre=centre)}"
