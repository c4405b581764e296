from django import template
from django.utils.dates import WEEKDAYS

from ..audit import action_label as _action_label

register = template.Library()


@register.filter
def weekday_name(value) -> str:
    """0 = Monday … 6 = Sunday, in the active language."""
    try:
        return str(WEEKDAYS[int(value)])
    except (KeyError, TypeError, ValueError):
        return ""


@register.filter
def audit_changes(entry) -> list[tuple[str, object, object]]:
    """(field, before, after) rows of an audit entry, in the order the fields were recorded."""
    old, new = entry.old_state or {}, entry.new_state or {}
    keys = list(new) + [k for k in old if k not in new]
    return [(key, old.get(key), new.get(key)) for key in keys]


@register.filter
def action_label(code) -> str:
    """`{{ entry.action|action_label }}`: "loan.requested" → "Złożono wniosek o wypożyczenie"."""
    return _action_label(str(code or ""))
