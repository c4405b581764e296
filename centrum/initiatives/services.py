"""Writes: keyword-only, atomic, permission checked again, validated, audited."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import workflow_apply

from . import rules
from .audit_labels import InitiativesAudit as Audit
from .catalogue import STATUTORY_AREAS
from .choices import ApplicantKind, CostPayer, InitiativeStatus
from .models import (
    Area,
    Contribution,
    CostItem,
    Criterion,
    GroupMember,
    Initiative,
    InitiativeRules,
    IntakeCall,
    ScheduleItem,
    Score,
)
from .permissions import can_assess, can_edit_agreement, can_edit_application, can_manage_initiatives
from .workflows import INITIATIVE_STATUS, applicant_addresses

RULES_FIELDS = ("resolution_number", "resolution_date", "resolution_url", "intake_mode", "notes")
APPLICATION_FIELDS = (
    "applicant_kind",
    "group_name",
    "organisation",
    "leader_name",
    "leader_address",
    "leader_phone",
    "residents_declared",
    "area",
    "title",
    "description",
    "needs",
    "place",
    "starts_on",
    "ends_on",
    "requested_support",
    "requested_amount",
)
SUPPORT_FIELDS = ("budget_line", "municipality_in_kind", "municipality_in_kind_value")


def _officials_only(actor, centre) -> None:
    if not can_manage_initiatives(actor, centre):
        raise ApplicationError(_("Zasady inicjatywy lokalnej i ocenę wniosków prowadzą urzędnicy."))


def _clean_text(value):
    return value.strip() if isinstance(value, str) else value


# --- the resolution --------------------------------------------------------------------------------------
def catalogue_ensure(*, centre: Centre) -> int:
    """The seven points of art. 19b ust. 1 as the centre's areas, if it has none yet."""
    if Area.objects.filter(centre=centre).exists():
        return 0
    Area.objects.bulk_create(
        [Area(centre=centre, code=code, name=name, description=text) for code, name, text in STATUTORY_AREAS]
    )
    return len(STATUTORY_AREAS)


@transaction.atomic
def rules_save(*, centre: Centre, actor, data: dict) -> InitiativeRules:
    _officials_only(actor, centre)
    policy = InitiativeRules.objects.select_for_update().filter(centre=centre).first()
    before = snapshot(policy, RULES_FIELDS) if policy else {}
    policy = policy or InitiativeRules(centre=centre)
    for name in RULES_FIELDS:
        if name in data:
            setattr(policy, name, _clean_text(data[name]))
    if policy.resolution_date and policy.resolution_date > warsaw_today():
        raise ApplicationError(_("Data uchwały nie może być w przyszłości."), field="resolution_date")
    full_clean_or_raise(policy, validate_constraints=False)
    policy.save()
    catalogue_ensure(centre=centre)
    old, new = changes(before, snapshot(policy, RULES_FIELDS))
    if new:
        audit_log(actor=actor, obj=policy, action=Audit.RULES_SAVED, old=old, new=new)
    return policy


def _rules(centre: Centre) -> InitiativeRules:
    policy = InitiativeRules.objects.select_for_update().filter(centre=centre).first()
    if policy is None:
        raise ApplicationError(_("Najpierw zapisz uchwałę rady (numer i datę)."))
    return policy


@transaction.atomic
def call_add(*, centre: Centre, actor, title: str, opens_on: date, closes_on: date) -> IntakeCall:
    _officials_only(actor, centre)
    policy = _rules(centre)
    if closes_on < opens_on:
        raise ApplicationError(_("Nabór nie może skończyć się przed początkiem."), field="closes_on")
    overlapping = IntakeCall.objects.filter(
        centre=centre, opens_on__lte=closes_on, closes_on__gte=opens_on
    ).first()
    if overlapping is not None:
        raise ApplicationError(
            _("Ten termin nakłada się na nabór „%(title)s”.") % {"title": overlapping.title}, field="opens_on"
        )
    call = IntakeCall(
        centre=centre, rules=policy, title=title.strip(), opens_on=opens_on, closes_on=closes_on
    )
    full_clean_or_raise(call)
    call.save()
    audit_log(
        actor=actor,
        obj=policy,
        action=Audit.CALL_ADDED,
        new={"title": call.title, "opens_on": opens_on.isoformat(), "closes_on": closes_on.isoformat()},
    )
    return call


def _delete_protected(obj, message: str) -> None:
    try:
        with transaction.atomic():
            obj.delete()
    except (ProtectedError, IntegrityError):
        raise ApplicationError(message) from None


@transaction.atomic
def call_remove(*, call: IntakeCall, actor) -> None:
    _officials_only(actor, call.centre)
    policy = _rules(call.centre)
    title = call.title
    _delete_protected(call, _("Do tego naboru złożono już wnioski – nie można go usunąć."))
    audit_log(actor=actor, obj=policy, action=Audit.CALL_REMOVED, old={"title": title})


@transaction.atomic
def criterion_add(
    *, centre: Centre, actor, name: str, weight: int, max_points: int = 10, social_work: bool = False
) -> Criterion:
    _officials_only(actor, centre)
    policy = _rules(centre)
    existing = list(Criterion.objects.filter(centre=centre))
    rules.check_weights([(c.name, c.weight, c.social_work) for c in existing] + [(name, weight, social_work)])
    position = max((c.position for c in existing), default=0) + 1
    criterion = Criterion(
        centre=centre,
        rules=policy,
        name=name.strip(),
        weight=weight,
        max_points=max_points,
        social_work=social_work,
        position=position,
    )
    full_clean_or_raise(criterion)
    criterion.save()
    audit_log(
        actor=actor,
        obj=policy,
        action=Audit.CRITERION_ADDED,
        new={"name": criterion.name, "weight": weight, "max_points": max_points, "social_work": social_work},
    )
    return criterion


@transaction.atomic
def criterion_remove(*, criterion: Criterion, actor) -> None:
    _officials_only(actor, criterion.centre)
    policy = _rules(criterion.centre)
    rest = Criterion.objects.filter(centre=criterion.centre).exclude(pk=criterion.pk)
    rules.check_weights([(c.name, c.weight, c.social_work) for c in rest])
    old = {"name": criterion.name, "weight": criterion.weight}
    _delete_protected(criterion, _("Według tego kryterium oceniono już wnioski – nie można go usunąć."))
    audit_log(actor=actor, obj=policy, action=Audit.CRITERION_REMOVED, old=old)


@transaction.atomic
def area_save(*, centre: Centre, actor, data: dict, area: Area | None = None) -> Area:
    _officials_only(actor, centre)
    fields = ("code", "name", "description", "active")
    before = snapshot(area, fields) if area else {}
    area = area or Area(centre=centre)
    for name in fields:
        if name in data:
            setattr(area, name, _clean_text(data[name]))
    full_clean_or_raise(area, validate_constraints=False)
    if Area.objects.filter(centre=centre, code=area.code).exclude(pk=area.pk).exists():
        raise ApplicationError(_("Obszar o tym punkcie już jest w katalogu."), field="code")
    area.save()
    old, new = changes(before, snapshot(area, fields))
    if new:
        audit_log(actor=actor, obj=area, action=Audit.AREA_SAVED, old=old, new=new)
    return area


# --- the application -------------------------------------------------------------------------------------
def _check_application(centre: Centre, actor, initiative: Initiative) -> None:
    if initiative.area_id and initiative.area.centre_id != centre.pk:
        raise ApplicationError(_("Wybierz obszar z katalogu."), field="area")
    if initiative.area_id and not initiative.area.active:
        raise ApplicationError(_("Wybierz obszar z katalogu – ten nie przyjmuje wniosków."), field="area")
    if initiative.starts_on and initiative.ends_on and initiative.ends_on < initiative.starts_on:
        raise ApplicationError(_("Koniec realizacji nie może być przed początkiem."), field="ends_on")
    if initiative.applicant_kind == ApplicantKind.ORGANISATION:
        from centrum.organisations.permissions import is_organisation_member

        organisation = initiative.organisation
        if organisation is None:
            raise ApplicationError(
                _("Wybierz organizację, przez którą składasz wniosek."), field="organisation"
            )
        if organisation.centre_id != centre.pk or not is_organisation_member(actor, organisation):
            raise ApplicationError(_("Wniosek przez organizację składa jej członek."), field="organisation")
    else:
        initiative.organisation = None
    if initiative.requested_amount is None or initiative.requested_amount < 0:
        raise ApplicationError(_("Kwota nie może być ujemna."), field="requested_amount")


@transaction.atomic
def initiative_create(*, centre: Centre, actor, data: dict) -> Initiative:
    if not getattr(actor, "is_authenticated", False):
        raise ApplicationError(_("Zaloguj się, aby złożyć wniosek."))
    initiative = Initiative(centre=centre, leader=actor)
    for name in APPLICATION_FIELDS:
        if name in data:
            setattr(initiative, name, _clean_text(data[name]))
    if initiative.requested_amount is None:
        initiative.requested_amount = Decimal("0")
    _check_application(centre, actor, initiative)
    full_clean_or_raise(initiative)
    initiative.save()
    audit_log(actor=actor, obj=initiative, action=Audit.CREATED, new={"title": initiative.title})
    return initiative


def _locked(initiative: Initiative) -> Initiative:
    return (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("area", "organisation", "leader")
        .get(pk=initiative.pk, centre_id=initiative.centre_id)
    )


def _editable_application(initiative: Initiative, actor) -> Initiative:
    locked = _locked(initiative)
    if not can_edit_application(actor, locked):
        raise ApplicationError(_("Wniosek zmienia jego autor, dopóki go nie złoży."))
    return locked


def _editable_agreement(initiative: Initiative, actor, refusal: str) -> Initiative:
    locked = _locked(initiative)
    if not can_edit_agreement(actor, locked):
        raise ApplicationError(refusal)
    return locked


@transaction.atomic
def initiative_update(*, initiative: Initiative, actor, data: dict) -> Initiative:
    locked = _editable_application(initiative, actor)
    before = snapshot(locked, APPLICATION_FIELDS)
    for name in APPLICATION_FIELDS:
        if name in data:
            setattr(locked, name, _clean_text(data[name]))
    _check_application(locked.centre, actor, locked)
    full_clean_or_raise(locked)
    locked.save()
    old, new = changes(before, snapshot(locked, APPLICATION_FIELDS))
    if new:
        audit_log(actor=actor, obj=locked, action=Audit.UPDATED, old=old, new=new)
    return locked


@transaction.atomic
def member_add(*, initiative: Initiative, actor, full_name: str, address: str) -> GroupMember:
    locked = _editable_application(initiative, actor)
    if locked.applicant_kind != ApplicantKind.GROUP:
        raise ApplicationError(_("Członków dopisuje się do wniosku grupy mieszkańców."))
    member = GroupMember(
        centre=locked.centre, initiative=locked, full_name=full_name.strip(), address=address.strip()
    )
    full_clean_or_raise(member)
    member.save()
    audit_log(actor=actor, obj=locked, action=Audit.LINE_ADDED, new={"member": member.full_name})
    return member


@transaction.atomic
def contribution_add(
    *, initiative: Initiative, actor, kind: str, description: str, hours=None, value=None
) -> Contribution:
    locked = _editable_application(initiative, actor)
    hours, hour_value, value = rules.contribution_value(
        kind=kind,
        hours=hours,
        hour_value=centre_setting(locked.centre, "initiatives.work_hour_value"),
        value=value,
        max_hours=centre_setting(locked.centre, "initiatives.max_hours_per_line"),
    )
    if not description.strip():
        raise ApplicationError(_("Opisz wkład."), field="description")
    line = Contribution(
        centre=locked.centre,
        initiative=locked,
        kind=kind,
        description=description.strip(),
        hours=hours,
        hour_value=hour_value,
        value=value,
    )
    full_clean_or_raise(line)
    line.save()
    audit_log(
        actor=actor,
        obj=locked,
        action=Audit.LINE_ADDED,
        new={"contribution": line.description, "kind": kind, "hours": hours, "value": str(value)},
    )
    return line


@transaction.atomic
def schedule_add(
    *, initiative: Initiative, actor, action: str, starts_on: date, ends_on: date, responsible: str = ""
):
    locked = _editable_agreement(
        initiative, actor, _("Harmonogram uzgadnia urzędnik z wnioskodawcą przed podpisaniem umowy.")
    )
    if ends_on < starts_on:
        raise ApplicationError(_("Działanie nie może skończyć się przed początkiem."), field="ends_on")
    item = ScheduleItem(
        centre=locked.centre,
        initiative=locked,
        action=action.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        responsible=responsible.strip(),
    )
    full_clean_or_raise(item)
    item.save()
    audit_log(actor=actor, obj=locked, action=Audit.LINE_ADDED, new={"schedule": item.action})
    return item


@transaction.atomic
def cost_add(*, initiative: Initiative, actor, item: str, amount: Decimal, payer: str) -> CostItem:
    locked = _editable_agreement(
        initiative, actor, _("Kosztorys uzgadnia urzędnik z wnioskodawcą przed podpisaniem umowy.")
    )
    if payer not in CostPayer.values:
        raise ApplicationError(_("Wybierz, kto pokrywa koszt."), field="payer")
    if amount is None or amount <= 0:
        raise ApplicationError(_("Podaj kwotę większą od zera."), field="amount")
    line = CostItem(
        centre=locked.centre, initiative=locked, item=item.strip(), amount=rules.money(amount), payer=payer
    )
    full_clean_or_raise(line)
    line.save()
    audit_log(
        actor=actor,
        obj=locked,
        action=Audit.LINE_ADDED,
        new={"cost": line.item, "amount": str(line.amount), "payer": payer},
    )
    return line


# kind of line -> (model, who may remove it)
LINE_KINDS = {
    "czlonek": (GroupMember, "application"),
    "wklad": (Contribution, "application"),
    "harmonogram": (ScheduleItem, "agreement"),
    "kosztorys": (CostItem, "agreement"),
}


@transaction.atomic
def line_remove(*, initiative: Initiative, actor, kind: str, pk: int) -> None:
    if kind not in LINE_KINDS:
        raise ApplicationError(_("Nie ma takiej pozycji."))
    model, part = LINE_KINDS[kind]
    if part == "application":
        locked = _editable_application(initiative, actor)
    else:
        locked = _editable_agreement(initiative, actor, _("Umowę zmienia urzędnik przed jej podpisaniem."))
    line = model.objects.filter(centre_id=locked.centre_id, initiative=locked, pk=pk).first()
    if line is None:
        raise ApplicationError(_("Nie ma takiej pozycji."))
    audit_log(actor=actor, obj=locked, action=Audit.LINE_REMOVED, old={kind: str(line)})
    line.delete()


@transaction.atomic
def support_save(*, initiative: Initiative, actor, data: dict) -> Initiative:
    """The municipality's side of the agreement: its budget line and in-kind support."""
    locked = _editable_agreement(initiative, actor, _("Wkład gminy ustala urzędnik przed podpisaniem umowy."))
    before = snapshot(locked, SUPPORT_FIELDS)
    for name in SUPPORT_FIELDS:
        if name in data:
            setattr(locked, name, _clean_text(data[name]))
    if locked.municipality_in_kind_value is None or locked.municipality_in_kind_value < 0:
        raise ApplicationError(_("Wartość nie może być ujemna."), field="municipality_in_kind_value")
    full_clean_or_raise(locked)
    locked.save()
    old, new = changes(before, snapshot(locked, SUPPORT_FIELDS))
    if new:
        audit_log(actor=actor, obj=locked, action=Audit.SUPPORT_SAVED, old=old, new=new)
    return locked


# --- the assessment --------------------------------------------------------------------------------------
@transaction.atomic
def assessment_save(*, initiative: Initiative, actor, scores: dict[int, tuple[int, str]]) -> Decimal | None:
    """`scores`: criterion id -> (points, reason). Every criterion of the resolution, each with its reasons."""
    locked = _locked(initiative)
    if not can_assess(actor, locked):
        raise ApplicationError(_("Wnioski oceniają urzędnicy."))
    if locked.status != InitiativeStatus.SUBMITTED:
        raise ApplicationError(_("Ocenia się wniosek złożony, przed rozstrzygnięciem."))
    criteria = list(Criterion.objects.filter(centre_id=locked.centre_id))
    if not criteria:
        raise ApplicationError(_("Uchwała w Centrum nie ma jeszcze kryteriów – dodaj je w zasadach."))
    for criterion in criteria:
        points, reason = scores.get(criterion.pk, (None, ""))
        field = f"points_{criterion.pk}"
        if points is None or not 0 <= points <= criterion.max_points:
            raise ApplicationError(
                _("Przyznaj od 0 do %(max)s punktów.") % {"max": criterion.max_points}, field=field
            )
        if not (reason or "").strip():
            raise ApplicationError(_("Uzasadnij ocenę tego kryterium."), field=f"reason_{criterion.pk}")
    for criterion in criteria:
        points, reason = scores[criterion.pk]
        Score.objects.update_or_create(
            centre=locked.centre,
            initiative=locked,
            criterion=criterion,
            defaults={"points": points, "reason": reason.strip(), "scored_by": actor},
        )
    stored = list(Score.objects.filter(initiative=locked))
    total = rules.weighted_score(stored, criteria)
    audit_log(
        actor=actor,
        obj=locked,
        action=Audit.SCORED,
        new={"scores": {c.name: scores[c.pk][0] for c in criteria}, "total": str(total)},
    )
    return total


# --- transitions that take more than a reason ------------------------------------------------------------
def initiative_submit(*, initiative: Initiative, actor) -> Initiative:
    return workflow_apply(obj=initiative, action="submit", actor=actor, workflow=INITIATIVE_STATUS)


def agreement_sign(
    *, initiative: Initiative, actor, signed_on: date, signed_for_municipality: str, signed_for_applicant: str
) -> Initiative:
    return workflow_apply(
        obj=initiative,
        action="sign",
        actor=actor,
        workflow=INITIATIVE_STATUS,
        values={
            "signed_on": signed_on,
            "signed_for_municipality": (signed_for_municipality or "").strip(),
            "signed_for_applicant": (signed_for_applicant or "").strip(),
        },
    )


def initiative_complete(
    *,
    initiative: Initiative,
    actor,
    completed_on: date,
    completion_report: str,
    actual_work_hours=None,
    actual_money=None,
    actual_in_kind=None,
    photo=None,
) -> Initiative:
    values = {
        "completed_on": completed_on,
        "completion_report": (completion_report or "").strip(),
        "actual_work_hours": actual_work_hours,
        "actual_money": actual_money,
        "actual_in_kind": actual_in_kind,
    }
    if photo:
        values["completion_photo"] = photo
    return workflow_apply(
        obj=initiative, action="complete", actor=actor, workflow=INITIATIVE_STATUS, values=values
    )


def completion_remind(*, centre: Centre) -> int:
    """The applicant is reminded once, by e-mail, to file the completion record after the end date."""
    from .selectors import completion_due

    today = warsaw_today()
    due = list(
        completion_due(
            centre=centre,
            today=today,
            after_days=centre_setting(centre, "initiatives.completion_reminder_days"),
        )
    )
    days = centre_setting(centre, "initiatives.completion_due_days")
    for initiative in due:
        with transaction.atomic():
            addresses = applicant_addresses(initiative)
            if addresses:
                outbox_enqueue(
                    centre=centre,
                    to=addresses,
                    template="initiatives/emails/completion_due_to_applicant",
                    context={"initiative": initiative, "due_on": initiative.ends_on + timedelta(days=days)},
                )
            Initiative.objects.filter(pk=initiative.pk).update(reminded_at=timezone.now())
    return len(due)
