from datetime import timedelta

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format

from centrum.core.links import centre_url

from ..availability import local

register = template.Library()


@register.filter
def slot_text(starts_at, ends_at) -> str:
    """`wt., 12 maja 2026, 17:00–19:00` in Warsaw time and the active language."""
    if not starts_at or not ends_at:
        return ""
    start, end = local(starts_at), local(ends_at)
    return f"{date_format(start.date(), 'D, j E Y')}, {start:%H:%M}–{end:%H:%M}"


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
