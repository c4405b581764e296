"""ICS: a training's sessions (attached to e-mails, downloadable) and the centre's public calendar feed."""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from centrum.core.links import centre_url

from .choices import PlaceKind, TrainingStatus


def _calendar(name: str, *, method: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Centrum//Szkolenia i wydarzenia//PL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Warsaw")
    return calendar


def session_location(session, centre) -> str:
    if session.place_kind == PlaceKind.ROOM and session.room_id:
        return ", ".join(p for p in (session.room.name, centre.street, centre.city) if p)
    if session.place_kind == PlaceKind.ONLINE:
        return session.online_url
    return session.address


def _event(training, session, *, site: str, centre, cancelled: bool = False) -> Event:
    """`site`: the centre's address (`https://host`), computed once per calendar."""
    event = Event()
    event.add("uid", f"training-session-{session.pk}@{site.split('://', 1)[-1]}")
    event.add("dtstamp", timezone.now())
    event.add("last-modified", session.updated_at)
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", training.title)
    event.add("location", session_location(session, centre))
    event.add("url", site + training.get_absolute_url())
    cancelled = cancelled or training.status == TrainingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if training.trainer:
        event.add("description", training.trainer)
    return event


def training_calendar(training, sessions, *, method: str = "PUBLISH", cancelled: bool = False) -> Calendar:
    calendar = _calendar(training.title, method=method)
    site = centre_url(training.centre, "")
    for session in sessions:
        calendar.add_component(
            _event(training, session, site=site, centre=training.centre, cancelled=cancelled)
        )
    return calendar


def centre_calendar(centre, sessions) -> Calendar:
    """Every session of the centre's public trainings; `sessions` come with their training selected."""
    calendar = _calendar(f"{centre.short_name or centre.name}: szkolenia i wydarzenia")
    site = centre_url(centre, "")
    for session in sessions:
        calendar.add_component(_event(session.training, session, site=site, centre=centre))
    return calendar


def ics_bytes(calendar: Calendar) -> bytes:
    return calendar.to_ical()


def ics_response(calendar: Calendar, *, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response
