"""The ICS invitation sent with an advice appointment's confirmation."""

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .choices import Mode


def appointment_ics(appointment, *, host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Centrum//Doradztwo//PL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"advice-{appointment.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", appointment.starts_at)
    event.add("dtend", appointment.ends_at)
    event.add("summary", _("Porada: %(topic)s") % {"topic": appointment.topic})
    centre = appointment.centre
    if appointment.mode == Mode.ONLINE:
        location = appointment.place or _("online")
    else:
        location = ", ".join(p for p in (appointment.place, centre.street, centre.city) if p)
    event.add("location", location)
    event.add("description", _("Doradca: %(adviser)s") % {"adviser": appointment.adviser.name})
    event.add("status", "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()
