"""How the audit log reads to people: field labels instead of names, values as pages show them.

One formatter for every history display (an organisation's history, a booking's, the audit log page): the
model class, the field name and the stored JSON value in, text out. Booleans read "tak"/"nie", dates use the
active language's `DATE_FORMAT`, moments are shown in local time to the minute, choices by their label,
foreign keys by the related object's `str`, lists of field names by the fields' labels.

A model may name keys that are not its fields (a refresh's "changed", "as_of") in a class attribute
`audit_labels = {"key": gettext_lazy("…")}`.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

EMPTY = "—"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")


def display_date(value: date) -> str:
    """A date as pages show it: the active language's `DATE_FORMAT` ("17 czerwca 2026", "17 June 2026").

    Error messages that name a date use this too, so a date reads the same in a message and on the page.
    """
    return formats.date_format(value, "DATE_FORMAT")


def display_moment(value: datetime) -> str:
    """A moment in local time (Europe/Warsaw) to the minute, in the active language's short format."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    text = formats.date_format(value.replace(second=0, microsecond=0), "SHORT_DATETIME_FORMAT")
    return " ".join(text.split())  # Polish writes two spaces before the time


def field_label(model: type[models.Model] | None, name: str) -> str:
    """The field's verbose name ("Status OPP"); a key the model labels itself; else the key as stored."""
    if model is not None:
        extra = getattr(model, "audit_labels", {})
        if name in extra:
            return capfirst(str(extra[name]))
        field = _field(model, name)
        if field is not None and hasattr(field, "verbose_name"):
            return capfirst(str(field.verbose_name))
    return name


def format_value(
    model: type[models.Model] | None,
    name: str,
    value: Any,
    *,
    related: dict[tuple[type, str], str] | None = None,
) -> str:
    """A stored value as people read it. `related` maps (model, str(pk)) to the object's str (preloaded)."""
    if value is None or value == "":
        return EMPTY
    field = _field(model, name) if model is not None else None
    if isinstance(value, list):
        if value and model is not None and all(isinstance(v, str) and _field(model, v) for v in value):
            return ", ".join(field_label(model, v) for v in value)
        return ", ".join(format_value(model, name, v, related=related) for v in value) or EMPTY
    if field is not None:
        if field.is_relation and field.related_model is not None:
            if related is not None and (field.related_model, str(value)) in related:
                return related[(field.related_model, str(value))]
            return str(value)
        if getattr(field, "flatchoices", None):
            return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("tak") if value else _("nie")
    if isinstance(value, datetime):
        return display_moment(value)
    if isinstance(value, date):
        return display_date(value)
    if isinstance(value, str):
        return _format_text(value)
    return str(value)


def _format_text(value: str) -> str:
    """ISO dates and moments (how `audit.snapshot` stores them) as pages show them; other text unchanged."""
    try:
        if _ISO_DATE.match(value):
            return display_date(date.fromisoformat(value))
        if _ISO_MOMENT.match(value):
            return display_moment(datetime.fromisoformat(value))
    except ValueError:
        pass
    return value


def _field(model: type[models.Model], name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def entry_model(entry) -> type[models.Model] | None:
    """The model class of an audit entry's object (content types are cached, no query)."""
    return ContentType.objects.get_for_id(entry.content_type_id).model_class()


def entry_keys(entry) -> list[str]:
    old, new = entry.old_state or {}, entry.new_state or {}
    return list(new) + [k for k in old if k not in new]


def audit_rows(entries: Iterable) -> list[tuple[Any, list[tuple[str, str, str]]]]:
    """[(entry, [(label, before, after)])] for a list of audit entries, ready to show.

    Related objects named by id in the states are loaded with one query per related model for the whole list.
    """
    entries = list(entries)
    models_of = {e.pk: entry_model(e) for e in entries}
    related = _related_labels(entries, models_of)
    result = []
    for entry in entries:
        model = models_of[entry.pk]
        old, new = entry.old_state or {}, entry.new_state or {}
        rows = [
            (
                field_label(model, key),
                format_value(model, key, old.get(key), related=related),
                format_value(model, key, new.get(key), related=related),
            )
            for key in entry_keys(entry)
        ]
        result.append((entry, rows))
    return result


def _related_labels(entries: list, models_of: dict) -> dict[tuple[type, str], str]:
    wanted: dict[type, set] = defaultdict(set)
    for entry in entries:
        model = models_of[entry.pk]
        if model is None:
            continue
        for state in (entry.old_state or {}, entry.new_state or {}):
            for key, value in state.items():
                field = _field(model, key)
                if field is None or not field.is_relation or field.related_model is None:
                    continue
                natural_key = getattr(field.related_model, "audit_natural_key", None)
                for pk in value if isinstance(value, list) else [value]:
                    if (natural_key and isinstance(pk, str)) or (
                        not natural_key and isinstance(pk, int) and not isinstance(pk, bool)
                    ):
                        wanted[field.related_model].add(pk)
    labels = {}
    for related_model, keys in wanted.items():
        # A model whose history stores a natural key (e.g. an activity area's code) names it in `audit_natural_key`.
        natural_key = getattr(related_model, "audit_natural_key", None) or "pk"
        for obj in related_model._default_manager.filter(**{f"{natural_key}__in": keys}):
            labels[(related_model, str(getattr(obj, natural_key)))] = str(obj)
    return labels
