"""Scheduled work of rooms and equipment: offers that expire, reminders, overdue loans (per centre)."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import bookings_remind, loans_overdue_notify, offers_expire


@scheduled_per_centre("spaces.waiting_offers_expire", every=timedelta(minutes=5))
def expire_waiting_offers(centre):
    return f"expired {offers_expire(centre=centre)}"


@scheduled_per_centre("spaces.booking_reminders", every=timedelta(minutes=30))
def send_booking_reminders(centre):
    return f"sent {bookings_remind(centre=centre)}"


@scheduled_per_centre("spaces.loans_overdue", every=timedelta(hours=6))
def remind_overdue_loans(centre):
    return f"sent {loans_overdue_notify(centre=centre)}"
