"""ICS feeds: per room (taken time only, no personal data) and per organisation (behind a secret URL)."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .choices import BookingKind, BookingStatus


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Centrum//Sale i sprzęt//PL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Warsaw")
    return calendar


def _event(booking, *, host: str, summary: str, location: str, description: str = "") -> Event:
    event = Event()
    event.add("uid", f"booking-{booking.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("last-modified", booking.updated_at)
    event.add("dtstart", booking.starts_at)
    event.add("dtend", booking.ends_at)
    event.add("summary", summary)
    event.add("location", location)
    event.add("transp", "OPAQUE")
    event.add("status", "CONFIRMED" if booking.status == BookingStatus.APPROVED else "TENTATIVE")
    if description:
        event.add("description", description)
    return event


def room_calendar(*, room, bookings, host: str) -> Calendar:
    calendar = _calendar(f"{room.name} – {room.centre.short_name or room.centre.name}")
    for booking in bookings:
        summary = (
            _("Sala niedostępna") if booking.kind in (BookingKind.BLOCK, BookingKind.LET) else _("Zajęte")
        )
        calendar.add_component(_event(booking, host=host, summary=summary, location=room.name))
    return calendar


def organisation_calendar(*, organisation, bookings, host: str) -> Calendar:
    calendar = _calendar(_("Rezerwacje sal: %(organisation)s") % {"organisation": organisation.name})
    for booking in bookings:
        status = booking.get_status_display()
        calendar.add_component(
            _event(
                booking,
                host=host,
                summary=f"{booking.title} ({booking.room.name})",
                location=f"{booking.room.name}, {organisation.centre.street}, {organisation.centre.city}".strip(
                    ", "
                ),
                description=_("Status: %(status)s") % {"status": status},
            )
        )
    return calendar


def ics_response(calendar: Calendar, *, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response
