from django import template
from django.utils.dates import WEEKDAYS

register = template.Library()


@register.filter
def weekday_name(value) -> str:
    """0 = Monday … 6 = Sunday, in the active language."""
    try:
        return str(WEEKDAYS[int(value)])
    except (KeyError, TypeError, ValueError):
        return ""
