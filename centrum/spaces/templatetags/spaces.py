from django import template
from django.utils.formats import date_format

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
