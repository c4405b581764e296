"""Scheduled work of rooms and equipment: offers that expire, reminders, overdue loans."""

from datetime import timedelta

from centrum.core.jobs import scheduled

from .services import bookings_remind, loans_overdue_notify, offers_expire


@scheduled("spaces.waiting_offers_expire", every=timedelta(minutes=5))
def expire_waiting_offers():
    return f"expired {offers_expire()}"


@scheduled("spaces.booking_reminders", every=timedelta(minutes=30))
def send_booking_reminders():
    return f"sent {bookings_remind()}"


@scheduled("spaces.loans_overdue", every=timedelta(hours=6))
def remind_overdue_loans():
    return f"sent {loans_overdue_notify()}"
