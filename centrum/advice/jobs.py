"""Scheduled work of the advice service (autodiscovered by `centrum.core`)."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import appointment_reminders_send


@scheduled_per_centre("advice.appointment_reminders", every=timedelta(hours=1))
def send_appointment_reminders(centre):
    return f"reminded {appointment_reminders_send(centre=centre)}"
