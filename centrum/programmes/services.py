"""Writes: keyword-only, atomic, permission checked again, validated, audited."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import workflow_apply

from .audit_labels import ProgrammesAudit as Audit
from .choices import CommentOutcome, ProgrammeStatus, ProposalStatus
from .models import (
    PART_FIELDS,
    CooperationProgramme,
    OwnInitiativeProposal,
    PlannedGrants,
    ProgrammeComment,
    ProgrammeTask,
)
from .permissions import can_comment_for, can_file_proposal_for, can_manage_programmes
from .workflows import PROGRAMME_STATUS

EDITABLE = (
    "title",
    "first_year",
    "last_year",
    "consultation_starts_on",
    "consultation_ends_on",
    "council_opinion",
    *PART_FIELDS,
)
OPEN_STATUSES = (ProgrammeStatus.DRAFT, ProgrammeStatus.CONSULTATION)


def _officials_only(actor, centre) -> None:
    if not can_manage_programmes(actor, centre):
        raise ApplicationError(_("Program współpracy prowadzą urzędnicy."))


def _check_years(first_year: int, last_year: int) -> None:
    if last_year < first_year:
        raise ApplicationError(_("Ostatni rok nie może być wcześniejszy niż pierwszy."), field="last_year")
    if last_year - first_year > 9:
        raise ApplicationError(_("Program wieloletni obejmuje najwyżej 10 lat."), field="last_year")


@transaction.atomic
def programme_save(*, centre: Centre, actor, data: dict, programme: CooperationProgramme | None = None):
    _officials_only(actor, centre)
    if programme is not None:
        programme = CooperationProgramme.objects.select_for_update().get(pk=programme.pk, centre=centre)
        if programme.status not in OPEN_STATUSES:
            raise ApplicationError(_("Uchwalonego programu nie zmienia się w Centrum – zmianę uchwala rada."))
        before = snapshot(programme, EDITABLE)
    else:
        programme = CooperationProgramme(centre=centre, created_by=actor)
        before = None
    for field in EDITABLE:
        if field in data:
            value = data[field]
            setattr(programme, field, value.strip() if isinstance(value, str) else value)
    _check_years(programme.first_year, programme.last_year)
    full_clean_or_raise(programme)
    programme.save()
    if before is None:
        audit_log(
            actor=actor,
            obj=programme,
            action=Audit.CREATED,
            new=snapshot(programme, ("title", "first_year", "last_year")),
        )
    else:
        old, new = changes(before, snapshot(programme, EDITABLE))
        if new:
            audit_log(actor=actor, obj=programme, action=Audit.UPDATED, old=old, new=new)
    return programme


@transaction.atomic
def task_add(
    *, programme: CooperationProgramme, actor, title: str, planned_amount: Decimal, sphere=None, year=None
):
    _officials_only(actor, programme.centre)
    programme = CooperationProgramme.objects.select_for_update().get(pk=programme.pk, centre=programme.centre)
    if programme.status not in OPEN_STATUSES:
        raise ApplicationError(_("Zadania dodaje się do projektu programu."))
    if year is not None and year not in programme.years:
        raise ApplicationError(
            _("Rok musi mieścić się w okresie programu (%(first)s–%(last)s).")
            % {"first": programme.first_year, "last": programme.last_year},
            field="year",
        )
    if programme.first_year != programme.last_year and year is None:
        raise ApplicationError(
            _("W programie wieloletnim podaj rok, na który planujesz środki."), field="year"
        )
    position = (programme.tasks.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    task = ProgrammeTask(
        centre=programme.centre,
        programme=programme,
        title=title.strip(),
        planned_amount=planned_amount,
        sphere=sphere,
        year=year,
        position=position,
    )
    full_clean_or_raise(task)
    task.save()
    audit_log(
        actor=actor,
        obj=programme,
        action=Audit.TASK_ADDED,
        new={"task": task.title, "amount": str(planned_amount), "year": year},
    )
    return task


@transaction.atomic
def task_remove(*, task: ProgrammeTask, actor) -> None:
    _officials_only(actor, task.centre)
    programme = CooperationProgramme.objects.select_for_update().get(pk=task.programme_id, centre=task.centre)
    if programme.status not in OPEN_STATUSES:
        raise ApplicationError(_("Zadania usuwa się z projektu programu."))
    if task.competitions.exists():
        raise ApplicationError(_("Do tego zadania ogłoszono już konkurs – nie można go usunąć."))
    audit_log(
        actor=actor,
        obj=programme,
        action=Audit.TASK_REMOVED,
        old={"task": task.title, "amount": str(task.planned_amount)},
    )
    task.delete()


def consultation_open(*, programme: CooperationProgramme, actor, starts_on: date, ends_on: date):
    return workflow_apply(
        obj=programme,
        action="open_consultation",
        actor=actor,
        workflow=PROGRAMME_STATUS,
        values={"consultation_starts_on": starts_on, "consultation_ends_on": ends_on},
    )


def programme_adopt(
    *, programme: CooperationProgramme, actor, resolution_number: str, adopted_on: date, late_reason: str = ""
):
    return workflow_apply(
        obj=programme,
        action="adopt",
        actor=actor,
        workflow=PROGRAMME_STATUS,
        values={
            "resolution_number": resolution_number.strip(),
            "adopted_on": adopted_on,
            "adopted_late_reason": late_reason.strip(),
        },
    )


def consultation_is_open(programme: CooperationProgramme, day: date | None = None) -> bool:
    day = day or warsaw_today()
    return (
        programme.status == ProgrammeStatus.CONSULTATION
        and programme.consultation_starts_on is not None
        and programme.consultation_starts_on <= day <= programme.consultation_ends_on
    )


@transaction.atomic
def comment_add(
    *,
    programme: CooperationProgramme,
    actor,
    proposal: str,
    justification: str = "",
    part: str = "",
    organisation=None,
):
    """A comment on the draft while the consultation runs (checked on the server, Warsaw's day)."""
    if not getattr(actor, "is_authenticated", False):
        raise ApplicationError(_("Zaloguj się, aby zgłosić uwagę."))
    locked = CooperationProgramme.objects.select_for_update().get(pk=programme.pk, centre=programme.centre)
    if not consultation_is_open(locked):
        raise ApplicationError(_("Konsultacje tego projektu nie trwają – uwag nie można teraz zgłaszać."))
    if organisation is not None and (
        organisation.centre_id != programme.centre_id or not can_comment_for(actor, organisation)
    ):
        raise ApplicationError(_("Uwagę w imieniu organizacji zgłasza jej członek."), field="organisation")
    if part and part not in PART_FIELDS:
        raise ApplicationError(_("Wybierz część programu z listy."), field="part")
    if not proposal.strip():
        raise ApplicationError(_("Wpisz treść uwagi."), field="proposal")
    comment = ProgrammeComment(
        centre=programme.centre,
        programme=locked,
        part=part,
        author=actor,
        organisation=organisation,
        proposal=proposal.strip(),
        justification=justification.strip(),
    )
    full_clean_or_raise(comment)
    comment.save()
    audit_log(actor=actor, obj=locked, action=Audit.COMMENT_ADDED, new={"comment": comment.pk, "part": part})
    return comment


@transaction.atomic
def comment_answer(*, comment: ProgrammeComment, actor, outcome: str, answer: str):
    _officials_only(actor, comment.centre)
    if outcome not in (CommentOutcome.ACCEPTED, CommentOutcome.PARTLY, CommentOutcome.REJECTED):
        raise ApplicationError(_("Wybierz rozstrzygnięcie uwagi."), field="outcome")
    if not answer.strip():
        raise ApplicationError(
            _("Uzasadnij rozstrzygnięcie – trafi do raportu z konsultacji."), field="answer"
        )
    locked = ProgrammeComment.objects.select_for_update().get(pk=comment.pk, centre=comment.centre)
    old = {"outcome": locked.outcome, "answer": locked.answer}
    locked.outcome, locked.answer = outcome, answer.strip()
    locked.answered_by, locked.answered_at = actor, timezone.now()
    locked.save()
    audit_log(
        actor=actor,
        obj=locked.programme,
        action=Audit.COMMENT_ANSWERED,
        old=old,
        new={"outcome": outcome, "answer": locked.answer},
    )
    return locked


@transaction.atomic
def planned_grants_add(
    *, centre: Centre, actor, year: int, amount: Decimal, valid_from: date, resolution: str
):
    """A new figure of a year's planned NGO grants from a day on (the history is kept, never overwritten)."""
    _officials_only(actor, centre)
    if amount is None or amount < 0:
        raise ApplicationError(_("Kwota nie może być ujemna."), field="amount")
    figure = PlannedGrants(
        centre=centre,
        year=year,
        amount=amount,
        valid_from=valid_from,
        resolution=resolution.strip(),
        recorded_by=actor,
    )
    full_clean_or_raise(figure, validate_constraints=False)
    try:
        with transaction.atomic():
            figure.save()
    except IntegrityError:
        raise ApplicationError(
            _("Kwota na rok %(year)s obowiązująca od %(day)s jest już zapisana – podaj inną datę zmiany.")
            % {"year": year, "day": valid_from.strftime("%d.%m.%Y")},
            field="valid_from",
        ) from None
    audit_log(
        actor=actor,
        obj=figure,
        action=Audit.PLANNED_GRANTS,
        new={
            "year": year,
            "amount": str(amount),
            "valid_from": valid_from.isoformat(),
            "resolution": figure.resolution,
        },
    )
    return figure


def _add_months(day: date, months: int) -> date:
    import calendar

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@transaction.atomic
def proposal_file(
    *,
    organisation,
    actor,
    title: str,
    description: str,
    expected_results: str = "",
    estimated_cost=None,
    sphere=None,
):
    if not can_file_proposal_for(actor, organisation):
        raise ApplicationError(
            _("Ofertę z własnej inicjatywy składa administrator organizacji."), field="organisation"
        )
    received = warsaw_today()
    proposal = OwnInitiativeProposal(
        centre=organisation.centre,
        organisation=organisation,
        submitted_by=actor,
        title=title.strip(),
        description=description.strip(),
        expected_results=expected_results.strip(),
        estimated_cost=estimated_cost,
        sphere=sphere,
        answer_due_on=_add_months(
            received, centre_setting(organisation.centre, "programmes.proposal_answer_months")
        ),
    )
    full_clean_or_raise(proposal)
    proposal.save()
    audit_log(
        actor=actor,
        obj=proposal,
        action=Audit.PROPOSAL_FILED,
        new={"title": proposal.title, "answer_due_on": proposal.answer_due_on.isoformat()},
    )
    return proposal


def proposals_remind(*, centre: Centre) -> int:
    """Officials are reminded once of proposals whose answer is due within the set days (or overdue)."""
    from centrum.core.roles import OFFICIAL, role_backend

    horizon = warsaw_today() + timedelta(days=centre_setting(centre, "programmes.proposal_reminder_days"))
    due = list(
        OwnInitiativeProposal.objects.filter(
            centre=centre,
            status=ProposalStatus.SUBMITTED,
            reminded_at__isnull=True,
            answer_due_on__lte=horizon,
        ).select_related("organisation")
    )
    if not due:
        return 0
    officials = sorted({r.user.email for r in role_backend().holders(centre, OFFICIAL) if r.user.email})
    with transaction.atomic():
        if officials:
            outbox_enqueue(
                centre=centre,
                to=officials,
                template="programmes/emails/proposals_due_to_officials",
                context={"proposals": due},
            )
        OwnInitiativeProposal.objects.filter(pk__in=[p.pk for p in due]).update(reminded_at=timezone.now())
    return len(due)
