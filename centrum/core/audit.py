"""The audit log: every state change records actor, object, old → new state and reason."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.db.models.fields.files import FieldFile

from .models import AuditEntry, Centre

# Readable labels of action codes for the history tables: each app fills them from its `audit_labels.py`
# (autodiscovered in CoreConfig.ready) with `register_action_labels({"booking.approve": _("…"), …})`.
ACTION_LABELS: dict[str, Any] = {}


def register_action_labels(labels: dict[str, Any]) -> None:
    ACTION_LABELS.update(labels)


def action_label(code: str) -> str:
    """The readable label of an action code in the active language; the code itself if none is registered."""
    label = ACTION_LABELS.get(code)
    return str(label) if label is not None else code


def audit_log(
    *,
    actor,
    obj: Model,
    action: str,
    centre: Centre | None = None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEntry:
    if centre is None:
        centre = getattr(obj, "centre", None)
    real_actor = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        centre=centre,
        actor=real_actor,
        actor_label=(real_actor.email if real_actor else "system")[:254],
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        old_state=_jsonable(old),
        new_state=_jsonable(new),
        reason=reason or "",
    )


def snapshot(obj: Model, fields: list[str]) -> dict[str, Any]:
    """The values of `fields` on `obj`, in a form the audit log can store."""
    return {name: _value(getattr(obj, name)) for name in fields}


def changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the keys whose values differ, as (old, new)."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


def _value(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _jsonable(state):
    if state is None:
        return None
    return {k: _value(v) for k, v in state.items()}
