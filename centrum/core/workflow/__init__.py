"""One workflow engine for every status field: transitions declared as data, applied by one service.

An app declares, in its `workflows.py` (autodiscovered in CoreConfig.ready), a `Workflow` per status field:
a list of `Transition`s (from which states, the action, to which state, who may, whether a reason is
required, which `<x>_at`/`<x>_by` fields to stamp, the audit code, an optional guard and an optional
after-hook for side effects and notifications). `workflow_apply()` is the only writer of those fields:
it locks the row (scoped to its centre), re-checks the state and the permission on the locked row, runs
the guard, sets the state and the stamps, validates, saves, writes the audit entry and runs the after-hook
(which enqueues mail through the outbox) in one transaction. `available_actions()` lists what a person
may do now, for the views and the API.

Plain data and one function, no generated methods (STYLE: avoid Hypha's metaclass magic).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..audit import audit_log
from ..exceptions import ApplicationError, full_clean_or_raise

# Where a stamped field takes its value from.
NOW, ACTOR, REASON = "now", "actor", "reason"


@dataclass
class Step:
    """One transition being applied: what guards and after-hooks see (and may adjust)."""

    workflow: "Workflow"
    transition: "Transition"
    obj: Any  # the locked row
    actor: Any
    reason: str
    old_state: str
    target: str
    extra: dict[str, Any]
    # Guards may add other fields they changed, for the audit entry.
    audit_old: dict[str, Any] = field(default_factory=dict)
    audit_new: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    # None: the row stays in its state (e.g. new hours of an approved booking); the step is still audited.
    target: str | None
    label: Any
    audit: str
    # `(user, obj) -> bool` from the app's permissions.py; None for actions only the system takes.
    permission: Callable[[Any, Any], bool] | None = None
    # May the system (a job, another service acting on nobody's behalf: actor=None) take this action?
    system: bool = False
    reason_required: bool = False
    reason_message: Any = gettext_lazy("Podaj uzasadnienie.")
    denied_message: Any = gettext_lazy("Nie możesz wykonać tej czynności.")
    # field -> NOW | ACTOR | REASON
    stamps: Mapping[str, str] = field(default_factory=dict)
    # `(step) -> None`, raises ApplicationError: rules that need the locked row (quota, stock, dates).
    guard: Callable[[Step], None] | None = None
    # `(step) -> None`: side effects and notifications, in the same transaction, after the audit entry.
    after: Callable[[Step], None] | None = None
    # Offered as a button by the shared actions partial; False for actions with their own form.
    in_ui: bool = True
    danger: bool = False
    done_message: Any = ""

    def allowed_from(self, state: str) -> bool:
        return state in self.sources


@dataclass(frozen=True)
class Workflow:
    key: str  # "<app>.<entity>", also the registry key
    model: type[models.Model]
    transitions: tuple[Transition, ...]
    field: str = "status"
    changed_at: str | None = "status_changed_at"
    # "%(status)s" is the current state's label.
    refused_message: Any = gettext_lazy("Nie można teraz wykonać tej czynności (stan: „%(status)s”).")
    select_related: tuple[str, ...] = ()

    def __post_init__(self):
        states = {value for value, _label in self.model._meta.get_field(self.field).choices}
        seen = set()
        for t in self.transitions:
            unknown = (set(t.sources) | ({t.target} if t.target else set())) - states
            if unknown:
                raise ValueError(f"{self.key}.{t.action}: unknown states {sorted(unknown)}")
            if t.action in seen:
                raise ValueError(f"{self.key}: action {t.action!r} declared twice")
            seen.add(t.action)

    @property
    def states(self) -> list[str]:
        return [value for value, _label in self.model._meta.get_field(self.field).choices]

    def transition(self, action: str) -> Transition | None:
        return next((t for t in self.transitions if t.action == action), None)

    def allows(self, state: str, action: str) -> bool:
        t = self.transition(action)
        return t is not None and t.allowed_from(state)

    def state_of(self, obj) -> str:
        return getattr(obj, self.field)


WORKFLOWS: dict[str, Workflow] = {}


def register(workflow: Workflow) -> Workflow:
    existing = WORKFLOWS.get(workflow.key)
    if existing is not None and existing is not workflow:
        raise ValueError(f"Workflow {workflow.key!r} is declared twice.")
    WORKFLOWS[workflow.key] = workflow
    return workflow


def workflow_for(model_or_obj, field: str = "status") -> Workflow:
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    for wf in WORKFLOWS.values():
        if wf.model is model and wf.field == field:
            return wf
    raise LookupError(f"No workflow is declared for {model.__name__}.{field}.")


class TransitionRefused(ApplicationError):
    """The row is not (or no longer) in a state the action starts from: someone decided meanwhile, or a
    double click. Pages show it as any refusal; the API answers 409 Conflict."""


def stale_message(status: str | None = None) -> str:
    if status is None:
        return _(
            "Ktoś właśnie zmienił ten stan. Odśwież stronę i sprawdź, czy ta czynność jest nadal potrzebna."
        )
    return _(
        "Ktoś właśnie zmienił ten stan – teraz: „%(status)s”. Odśwież stronę i sprawdź, czy ta czynność "
        "jest nadal potrzebna."
    ) % {"status": status}


def refuse_if_stale(wf: "Workflow", seen, locked) -> None:
    """`seen` is the copy a person decided on, `locked` the row as it is now: refuse if its state moved."""
    if wf.state_of(seen) != wf.state_of(locked):
        raise TransitionRefused(stale_message(state_label(wf, locked)))


def _is_person(actor) -> bool:
    return actor is not None and getattr(actor, "is_authenticated", False)


def may_take(transition: Transition, actor, obj) -> bool:
    """Permission alone (not the state): may `actor` take `transition` on `obj`?"""
    if actor is None:
        return transition.system
    if transition.permission is None or not getattr(actor, "is_authenticated", False):
        return False
    return bool(transition.permission(actor, obj))


def available_actions(
    obj, user, *, workflow: Workflow | None = None, ui_only: bool = True
) -> list[Transition]:
    """The transitions `user` may take on `obj` now, in declaration order."""
    wf = workflow or workflow_for(obj)
    state = wf.state_of(obj)
    return [
        t
        for t in wf.transitions
        if t.allowed_from(state) and (t.in_ui or not ui_only) and may_take(t, user, obj)
    ]


def _stamp(step: Step, source: str):
    if source == NOW:
        return timezone.now()
    if source == ACTOR:
        return step.actor if _is_person(step.actor) else None
    if source == REASON:
        return step.reason
    raise ValueError(source)


def workflow_apply(
    *,
    obj: models.Model | None = None,
    row: models.Model | None = None,
    model: type[models.Model] | None = None,
    pk: Any = None,
    centre=None,
    action: str,
    actor,
    reason: str = "",
    workflow: Workflow | None = None,
    values: Mapping[str, Any] | None = None,
    **extra,
):
    """Apply `action` to the row (`obj`; `row`; or `model` + `pk` + `centre`); returns the saved, locked row.

    `row` only names the row (the system acting on the current state, whatever its copy shows); `obj` is
    what a person saw, see below: a service acting for a person passes `obj`. Either way the state is
    read again on the locked row inside the transaction, and an action it no longer allows (someone
    decided meanwhile, a double click) is refused with `TransitionRefused`, never applied twice.

    `values` are other fields the step sets (new hours, who received the equipment); they are validated,
    saved and audited with the state. When `obj` is given, the state it shows is the state its reader
    saw: if the locked row is in another state, someone decided meanwhile and the action is refused.
    After success `obj` carries the saved values too.
    """
    if row is not None:
        model, pk, centre = type(row), row.pk, getattr(row, "centre_id", None)
    wf = workflow or workflow_for(obj if obj is not None else model)
    transition = wf.transition(action)
    if transition is None:
        raise ApplicationError(_("Nieznana czynność."))
    if obj is not None:
        pk, centre_id = obj.pk, getattr(obj, "centre_id", None)
    else:
        centre_id = getattr(centre, "pk", centre)
    with transaction.atomic():
        rows = wf.model._default_manager.select_for_update(of=("self",)).filter(pk=pk)
        if centre_id is not None:
            rows = rows.filter(centre_id=centre_id)
        elif any(f.name == "centre" for f in wf.model._meta.fields):
            raise ValueError(f"{wf.key}: a row of a centre is loaded with its centre.")
        locked = rows.select_related(*wf.select_related).first()
        if locked is None:
            raise ApplicationError(_("Nie ma takiego wpisu."))
        state = wf.state_of(locked)
        if obj is not None:
            refuse_if_stale(wf, obj, locked)
        if not may_take(transition, actor, locked):
            raise ApplicationError(str(transition.denied_message))
        if not transition.allowed_from(state):
            raise TransitionRefused(str(wf.refused_message) % {"status": state_label(wf, locked)})
        reason = (reason or "").strip()
        if "\x00" in reason:
            raise ApplicationError(_("Uzasadnienie zawiera niedozwolone znaki."), field="reason")
        if transition.reason_required and not reason:
            raise ApplicationError(str(transition.reason_message), field="reason")
        step = Step(
            workflow=wf,
            transition=transition,
            obj=locked,
            actor=actor,
            reason=reason,
            old_state=state,
            target=transition.target or state,
            extra=extra,
        )
        for name, value in (values or {}).items():
            step.audit_old[name] = getattr(locked, name)
            step.audit_new[name] = value
            setattr(locked, name, value)
        if transition.guard is not None:
            transition.guard(step)
        setattr(locked, wf.field, step.target)
        if wf.changed_at and step.target != state:
            setattr(locked, wf.changed_at, timezone.now())
        for name, source in transition.stamps.items():
            setattr(locked, name, _stamp(step, source))
        # Validate what this step sets (older rows may hold values today's field rules would refuse);
        # the model's clean() runs whole.
        changed = {wf.field, wf.changed_at, *transition.stamps, *(values or {}), *step.audit_new}
        untouched = [f.name for f in wf.model._meta.concrete_fields if f.name not in changed]
        full_clean_or_raise(locked, exclude=untouched, validate_constraints=False, validate_unique=False)
        locked.save()
        audit_log(
            actor=actor,
            obj=locked,
            action=transition.audit,
            old={wf.field: state, **step.audit_old},
            new={wf.field: step.target, **step.audit_new},
            reason=reason,
        )
        if transition.after is not None:
            transition.after(step)
    if obj is not None and obj is not locked:
        for f in wf.model._meta.concrete_fields:
            setattr(obj, f.attname, getattr(locked, f.attname))
    return locked


def state_label(wf: Workflow, obj) -> str:
    return str(getattr(obj, f"get_{wf.field}_display")())
