from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from django import template
from django.conf import settings
from django.db.models import Model
from django.urls import reverse

from centrum.core.links import centre_url

from ..availability import local
from ..services.booking_checks import format_slot, organisation_no_show_counts

register = template.Library()


@register.filter
def slot_text(starts_at, ends_at) -> str:
    """`wt., 12 maja 2026, 17:00–19:00` in Warsaw time and the active language."""
    if not starts_at or not ends_at:
        return ""
    return format_slot(starts_at, ends_at)


@register.filter
def local_time(moment) -> str:
    return f"{local(moment):%H:%M}" if moment else ""


@register.simple_tag(takes_context=True)
def centre_link(context, name: str, *args) -> str:
    """`{% centre_link "spaces:booking_detail" booking.pk %}`: the page's absolute address on the centre's host.

    For e-mails and feeds, which have no request: the centre comes from the template context. Centre
    pages live in the main URLconf whatever host renders the mail (a job, a platform page).
    """
    centre = context.get("centre")
    if centre is None:
        request = context.get("request")
        centre = getattr(request, "centre", None)
    path = reverse(name, args=args, urlconf=settings.ROOT_URLCONF)
    return centre_url(centre, path) if centre is not None else path


@register.filter
def plus_minutes(moment, minutes):
    """`slot.starts_at|plus_minutes:90`: the end of a booking of that length."""
    if not moment:
        return moment
    try:
        return moment + timedelta(minutes=int(minutes))
    except (TypeError, ValueError):
        return moment


@dataclass
class NoShows:
    counts: dict[int, int] = field(default_factory=dict)
    threshold: int = 0
    days: int = 0


def _organisation_id(obj) -> int | None:
    if isinstance(obj, Mapping):
        obj = obj.get("organisation")
    if obj is None:
        return None
    if hasattr(obj, "organisation_id"):
        return obj.organisation_id
    return obj.pk


@register.simple_tag(takes_context=True)
def no_shows(context, objects) -> NoShows:
    """`{% no_shows bookings as no_shows %}`: the no-shows of their organisations (a booking, bookings,
    organisations or quota rows), the blocking threshold and the counting window, in one aggregate query."""
    request = context.get("request")
    settings = getattr(request, "centre_settings", None)
    if settings is None:
        return NoShows()
    if isinstance(objects, (Model, Mapping)):
        objects = [objects]
    counts = organisation_no_show_counts(
        organisation_ids=[_organisation_id(o) for o in objects or ()], settings=settings
    )
    return NoShows(
        counts=counts,
        threshold=settings["spaces.no_show_block_threshold"],
        days=settings["spaces.no_show_window_days"],
    )


@register.filter
def no_show_count(no_shows: NoShows, organisation_id) -> int:
    """`{{ no_shows|no_show_count:booking.organisation_id }}`."""
    if not isinstance(no_shows, NoShows):
        return 0
    return no_shows.counts.get(organisation_id, 0)
