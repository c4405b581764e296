"""Writes of ongoing work for organisations: assignments (a service over a period, or a caretaker) with
their log, and the centre's reach targets."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre

from ..audit_labels import AdviceAudit as Audit
from ..choices import AssignmentKind
from ..models import AdviceDomain, AdviceEntry, Adviser, Assignment, ReachTarget
from ..permissions import can_log_assignment, can_manage_advice, can_see_confidential
from ..rules import date_validate, period_validate
from .appointments import _entry_audit, _entry_validate
from .common import require


@transaction.atomic
def assignment_create(
    *,
    centre: Centre,
    actor,
    adviser: Adviser,
    organisation,
    kind: str,
    starts_on: date,
    ends_on: date | None = None,
    domain: AdviceDomain | None = None,
    note: str = "",
) -> Assignment:
    require(can_manage_advice(actor, centre))
    date_validate(starts_on, field="starts_on")
    date_validate(ends_on, field="ends_on")
    if ends_on is not None and ends_on < starts_on:
        raise ApplicationError(_("Koniec przydziału musi być po jego początku."), field="ends_on")
    if kind == AssignmentKind.CARETAKER:
        running = Assignment.objects.filter(
            centre=centre, organisation=organisation, kind=AssignmentKind.CARETAKER, adviser=adviser
        ).exclude(ends_on__lt=starts_on)
        if running.exists():
            raise ApplicationError(_("Ten doradca już opiekuje się tą organizacją."), field="adviser")
    assignment = Assignment(
        centre=centre,
        adviser=adviser,
        organisation=organisation,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        domain=domain,
        note=(note or "").strip(),
        created_by=actor,
    )
    full_clean_or_raise(assignment)
    assignment.save()
    audit_log(
        actor=actor,
        obj=assignment,
        action=Audit.ASSIGNMENT_CREATED,
        new={
            "kind": kind,
            "adviser": adviser.pk,
            "organisation": organisation.pk,
            "from": starts_on.isoformat(),
        },
    )
    return assignment


@transaction.atomic
def assignment_end(*, assignment: Assignment, actor, ends_on: date | None = None) -> Assignment:
    require(can_manage_advice(actor, assignment.centre))
    ends_on = ends_on or warsaw_today()
    if ends_on < assignment.starts_on:
        raise ApplicationError(_("Koniec przydziału musi być po jego początku."), field="ends_on")
    old = assignment.ends_on
    assignment.ends_on = ends_on
    full_clean_or_raise(assignment)
    assignment.save(update_fields=["ends_on", "updated_at"])
    audit_log(
        actor=actor,
        obj=assignment,
        action=Audit.ASSIGNMENT_ENDED,
        old={"ends_on": old.isoformat() if old else ""},
        new={"ends_on": ends_on.isoformat()},
    )
    return assignment


@transaction.atomic
def assignment_entry_create(
    *,
    assignment: Assignment,
    actor,
    held_on: date,
    domain: AdviceDomain,
    duration_minutes: int,
    topic: str,
    outcome: str = "",
    follow_up_on: date | None = None,
    confidential_notes: str = "",
) -> AdviceEntry:
    require(can_log_assignment(actor, assignment))
    if confidential_notes.strip() and not can_see_confidential(actor, assignment.centre):
        raise ApplicationError(_("Notatki poufne zapisują tylko doradcy."), field="confidential_notes")
    date_validate(held_on, field="held_on")
    date_validate(follow_up_on, field="follow_up_on")
    if held_on > warsaw_today():
        raise ApplicationError(
            _("Wpis dotyczy pracy już wykonanej: data nie może być z przyszłości."), field="held_on"
        )
    if held_on < assignment.starts_on or (assignment.ends_on and held_on > assignment.ends_on):
        raise ApplicationError(_("Data musi mieścić się w okresie przydziału."), field="held_on")
    entry = AdviceEntry(
        centre=assignment.centre,
        adviser=assignment.adviser,
        assignment=assignment,
        organisation=assignment.organisation,
        held_on=held_on,
        domain=domain,
        duration_minutes=duration_minutes,
        topic=(topic or "").strip(),
        outcome=(outcome or "").strip(),
        follow_up_on=follow_up_on,
        confidential_notes=(confidential_notes or "").strip(),
        recorded_by=actor,
    )
    _entry_validate(entry)
    entry.save()
    audit_log(actor=actor, obj=assignment, action=Audit.ENTRY_CREATED, new=_entry_audit(entry))
    return entry


@transaction.atomic
def reach_target_create(
    *, centre: Centre, actor, label: str, starts_on: date, ends_on: date, people: int, organisations: int
) -> ReachTarget:
    require(can_manage_advice(actor, centre))
    period_validate(starts_on, ends_on, start_field="starts_on", end_field="ends_on")
    target = ReachTarget(
        centre=centre,
        label=label.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        people=people,
        organisations=organisations,
    )
    full_clean_or_raise(target)
    target.save()
    audit_log(
        actor=actor,
        obj=target,
        action=Audit.TARGET_CREATED,
        new={"label": target.label, "people": people, "organisations": organisations},
    )
    return target
