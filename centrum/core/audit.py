"""The audit log: every state change records actor, object, old → new state and reason."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Model
from django.db.models.fields.files import FieldFile

from .bulk import bulk_insert
from .models import AuditEntry, Centre


class AuditAction(models.TextChoices):
    """Base of each app's audit action codes: value = code ("booking.approve"), label = what a person reads.

    An app declares its codes in `audit_labels.py` (autodiscovered in CoreConfig.ready) as a subclass
    decorated with `@audit_actions`, so every code has a label by construction.
    """


# code -> label of every declared code, across apps (the history tables read labels from here).
ACTION_LABELS: dict[str, Any] = {}
ACTION_ENUMS: list[type[AuditAction]] = []


def audit_actions(enum: type[AuditAction]) -> type[AuditAction]:
    """Declare an app's audit action codes; a code declared twice with another label is a mistake."""
    for member in enum:
        if member.value in ACTION_LABELS and ACTION_LABELS[member.value] != member.label:
            raise ValueError(f"Audit action code {member.value!r} is declared twice.")
        ACTION_LABELS[member.value] = member.label
    if enum not in ACTION_ENUMS:
        ACTION_ENUMS.append(enum)
    return enum


def action_label(code: str) -> str:
    """The readable label of an action code in the active language; the code itself if none is declared."""
    label = ACTION_LABELS.get(code)
    return str(label) if label is not None else code


class UndeclaredAuditAction(ValueError):
    pass


def _check_declared(action: str) -> None:
    # In development and tests an undeclared code fails loudly; in production the entry is still written
    # (losing the record of a state change would be worse than showing its raw code).
    if str(action) not in ACTION_LABELS and getattr(
        settings, "AUDIT_REFUSE_UNDECLARED_ACTIONS", settings.DEBUG
    ):
        raise UndeclaredAuditAction(
            f"Audit action {action!r} is not declared; add it to the app's AuditAction enum in audit_labels.py."
        )


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
    _check_declared(action)
    if centre is None:
        centre = getattr(obj, "centre", None)
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    entry = _entry(actor, centre, content_type, action, obj, old, new, reason)
    entry.save(force_insert=True)
    return entry


def _entry(actor, centre, content_type, action, obj, old, new, reason) -> AuditEntry:
    real_actor = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry(
        centre=centre,
        actor=real_actor,
        actor_label=(real_actor.email if real_actor else "system")[:254],
        content_type=content_type,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=str(action),
        old_state=_jsonable(old),
        new_state=_jsonable(new),
        reason=reason or "",
    )


def audit_log_many(
    *,
    actor,
    centre: Centre,
    action: str,
    entries: list[tuple[Model, dict[str, Any] | None, dict[str, Any] | None, str]],
) -> None:
    """`audit_log` for many objects of one model at once: entries are (obj, old, new, reason)."""
    if not entries:
        _check_declared(action)
        return
    audit_log_rows(
        actor=actor,
        centre=centre,
        action=action,
        model=type(entries[0][0]),
        entries=[(obj.pk, str(obj), old, new, reason) for obj, old, new, reason in entries],
    )


def audit_log_rows(
    *,
    actor,
    centre: Centre,
    action: str,
    model: type[Model],
    entries: list[tuple[Any, str, dict[str, Any] | None, dict[str, Any] | None, str]],
) -> None:
    """`audit_log` for many rows of `model` known by their values, not instances (a bulk import): entries
    are (pk, the object's text, old, new, reason); the same entries `audit_log` writes, in one insert."""
    _check_declared(action)
    if not entries:
        return
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    real_actor = actor if getattr(actor, "is_authenticated", False) else None
    common = {
        "centre_id": centre.pk if centre is not None else None,
        "actor_id": real_actor.pk if real_actor else None,
        "actor_label": (real_actor.email if real_actor else "system")[:254],
        "content_type_id": content_type.pk,
        "action": str(action),
    }
    bulk_insert(
        AuditEntry,
        (
            {
                **common,
                "object_id": str(pk),
                "object_repr": text[:300],
                "old_state": _jsonable(old),
                "new_state": _jsonable(new),
                "reason": reason or "",
            }
            for pk, text, old, new, reason in entries
        ),
    )


def snapshot(obj: Model, fields: list[str]) -> dict[str, Any]:
    """The values of `fields` on `obj`, in a form the audit log can store."""
    return {name: _value(getattr(obj, name)) for name in fields}


def snapshot_values(values: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """`snapshot` of a row known by its values (a bulk import) rather than an instance."""
    return {name: _value(values[name]) for name in fields}


def changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the keys whose values differ, as (old, new)."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def _value(value):
    if type(value) in _PLAIN_TYPES:  # nearly every value: a bulk import converts 20 per row
        return value
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
