from django import template
from django.utils.dates import WEEKDAYS

from ..audit import action_label as _action_label
from ..audit_display import audit_rows as _audit_rows
from ..richtext import render as _richtext

register = template.Library()


@register.filter
def weekday_name(value) -> str:
    """0 = Monday … 6 = Sunday, in the active language."""
    try:
        return str(WEEKDAYS[int(value)])
    except (KeyError, TypeError, ValueError):
        return ""


@register.filter
def audit_rows(entries) -> list:
    """`{% for entry, rows in entries|audit_rows %}`: each entry with its (label, before, after) rows as people
    read them (`centrum.core.audit_display`), related objects loaded once for the whole list."""
    return _audit_rows(entries)


@register.filter
def action_label(code) -> str:
    """`{{ entry.action|action_label }}`: "loan.requested" → "Złożono wniosek o wypożyczenie"."""
    return _action_label(str(code or ""))


@register.filter(name="richtext")
def richtext_filter(value):
    """Rich text as cleaned HTML (`centrum.core.richtext`): safe to print whatever the row holds."""
    return _richtext(value or "")
