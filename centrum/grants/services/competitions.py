"""Writes of competitions: the announcement with its requirements and criteria, the publication channels,
closing after the deadline (the job), and the requests for reasons after the results."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.links import centre_url
from centrum.core.outbox import outbox_enqueue
from centrum.core.roles import OFFICIAL, role_backend
from centrum.core.workflow import TransitionRefused, workflow_apply

from ..audit_labels import CompetitionAudit, ReasonsRequestAudit
from ..choices import Channel, CompetitionKind, CompetitionStatus, OfferStatus, PublicationPurpose
from ..models import (
    Competition,
    CompetitionPublication,
    FormalRequirement,
    Offer,
    ReasonsRequest,
    ScoringCriterion,
)
from ..permissions import is_grants_official
from ..rules import check_announcement
from ..workflows.competitions import COMPETITION_STATUS

COMPETITION_FIELDS = [
    "number",
    "title",
    "organ",
    "task_kind",
    "sphere",
    "programme_task",
    "kind",
    "budget_year",
    "funds_total",
    "award_rules",
    "implementation_terms",
    "offers_deadline",
    "selection_procedure",
    "selection_date",
    "previous_funding",
    "task_start",
    "task_end",
    "max_grant",
    "min_own_contribution_percent",
    "own_contribution_basis",
    "own_contribution_type",
    "admin_costs_cap_percent",
    "results_table_required",
    "multi_year",
    "confirmation_days",
    "correction_days",
]

# The six points of art. 15 ust. 1 offered as the announcement's criteria (point 4 only for "wspieranie").
STATUTORY_CRITERIA = (
    (1, gettext_lazy("Możliwość realizacji zadania publicznego przez oferenta"), Decimal("10")),
    (
        2,
        gettext_lazy("Kalkulacja kosztów realizacji zadania, w tym w odniesieniu do zakresu rzeczowego"),
        Decimal("10"),
    ),
    (3, gettext_lazy("Jakość wykonania zadania i kwalifikacje osób realizujących zadanie"), Decimal("10")),
    (
        4,
        gettext_lazy("Udział środków finansowych własnych lub z innych źródeł (przy wspieraniu)"),
        Decimal("5"),
    ),
    (
        5,
        gettext_lazy("Wkład rzeczowy i osobowy, w tym świadczenia wolontariuszy i praca społeczna członków"),
        Decimal("5"),
    ),
    (
        6,
        gettext_lazy("Rzetelność i terminowość realizacji oraz rozliczenia wcześniejszych zadań"),
        Decimal("5"),
    ),
)


def default_criteria(kind: str) -> list[dict]:
    return [
        {"statutory_point": point, "name": str(name), "max_points": points, "weight": Decimal("1")}
        for point, name, points in STATUTORY_CRITERIA
        if point != 4 or kind == CompetitionKind.SUPPORT
    ]


def _require_official(actor, centre) -> None:
    if not is_grants_official(actor, centre):
        raise ApplicationError(_("Tylko urzędnik prowadzący konkursy może to zrobić."))


def _check_rows(kind: str, criteria: list[dict]) -> None:
    if kind != CompetitionKind.SUPPORT and any(c.get("statutory_point") == 4 for c in criteria):
        raise ApplicationError(
            _("Kryterium z art. 15 ust. 1 pkt 4 (udział środków własnych) dotyczy tylko wspierania zadania."),
            field="criteria",
        )
    for criterion in criteria:
        if criterion["max_points"] is None or criterion["max_points"] <= 0:
            raise ApplicationError(_("Każde kryterium musi mieć dodatnią liczbę punktów."), field="criteria")
        if criterion.get("weight") is not None and criterion["weight"] < 0:
            raise ApplicationError(_("Waga kryterium nie może być ujemna."), field="criteria")


def _store_rows(competition: Competition, requirements: list[dict], criteria: list[dict]) -> None:
    centre = competition.centre
    FormalRequirement.objects.filter(competition=competition).delete()
    ScoringCriterion.objects.filter(competition=competition).delete()
    for position, row in enumerate(requirements, start=1):
        requirement = FormalRequirement(
            centre=centre,
            competition=competition,
            position=position,
            text=row["text"],
            fixable=row["fixable"],
        )
        full_clean_or_raise(requirement)
        requirement.save()
    for position, row in enumerate(criteria, start=1):
        criterion = ScoringCriterion(
            centre=centre,
            competition=competition,
            position=position,
            name=row["name"],
            statutory_point=row.get("statutory_point"),
            max_points=row["max_points"],
            weight=row.get("weight") if row.get("weight") is not None else Decimal("1"),
        )
        full_clean_or_raise(criterion)
        criterion.save()


def _check(competition: Competition) -> None:
    check_announcement(
        kind=competition.kind,
        task_start=competition.task_start,
        task_end=competition.task_end,
        min_own_contribution_percent=competition.min_own_contribution_percent,
        funds_total=competition.funds_total,
        max_grant=competition.max_grant,
        admin_costs_cap_percent=competition.admin_costs_cap_percent,
    )


@transaction.atomic
def competition_create(
    *, centre, actor, data: dict, requirements: list[dict], criteria: list[dict] | None = None
) -> Competition:
    """A draft announcement; without criteria it gets the statutory ones of art. 15 ust. 1."""
    _require_official(actor, centre)
    competition = Competition(centre=centre, created_by=actor, status=CompetitionStatus.DRAFT)
    for name in COMPETITION_FIELDS:
        if name in data:
            setattr(competition, name, data[name])
    criteria = criteria if criteria else default_criteria(competition.kind)
    _check(competition)
    _check_rows(competition.kind, criteria)
    full_clean_or_raise(competition)
    competition.save()
    _store_rows(competition, requirements, criteria)
    audit_log(
        actor=actor,
        obj=competition,
        action=CompetitionAudit.CREATED,
        new=snapshot(competition, COMPETITION_FIELDS),
    )
    return competition


@transaction.atomic
def competition_update(
    *, competition: Competition, actor, data: dict, requirements: list[dict], criteria: list[dict]
) -> Competition:
    """Only a draft is edited: once announced, the announcement is what the offerors relied on."""
    _require_official(actor, competition.centre)
    locked = Competition.objects.select_for_update().get(pk=competition.pk, centre=competition.centre)
    if locked.status != CompetitionStatus.DRAFT:
        raise TransitionRefused(_("Ogłoszony konkurs nie może już być zmieniany."))
    old = snapshot(locked, COMPETITION_FIELDS)
    for name in COMPETITION_FIELDS:
        if name in data:
            setattr(locked, name, data[name])
    if not criteria:
        raise ApplicationError(_("Dodaj co najmniej jedno kryterium oceny."), field="criteria")
    _check(locked)
    _check_rows(locked.kind, criteria)
    full_clean_or_raise(locked)
    locked.save()
    _store_rows(locked, requirements, criteria)
    before, after = changes(old, snapshot(locked, COMPETITION_FIELDS))
    audit_log(actor=actor, obj=locked, action=CompetitionAudit.UPDATED, old=before, new=after)
    return locked


# Which publication may be recorded in which state of the competition.
PUBLICATION_STATES = {
    PublicationPurpose.ANNOUNCEMENT: (CompetitionStatus.DRAFT,),
    PublicationPurpose.RESULTS: (CompetitionStatus.EVALUATION, CompetitionStatus.DECIDED),
    PublicationPurpose.VOIDING: (CompetitionStatus.PUBLISHED, CompetitionStatus.EVALUATION),
    # the call for NGO nominees to the commission (art. 15 ust. 2a), with or after the announcement
    PublicationPurpose.NOMINEES_CALL: (CompetitionStatus.DRAFT, CompetitionStatus.PUBLISHED),
}


@transaction.atomic
def publication_record(
    *, competition: Competition, actor, purpose: str, channel: str, published_on: date, address: str
) -> CompetitionPublication:
    """Record (or correct) where and when the announcement, the results or the voiding was published."""
    _require_official(actor, competition.centre)
    if purpose not in PUBLICATION_STATES:
        raise ApplicationError(_("Wybierz, co opublikowano."), field="purpose")
    if channel not in Channel.values:
        raise ApplicationError(_("Wybierz kanał publikacji."), field="channel")
    locked = Competition.objects.select_for_update().get(pk=competition.pk, centre=competition.centre)
    if locked.status not in PUBLICATION_STATES[purpose]:
        raise ApplicationError(
            _("W stanie „%(status)s” nie zapisuje się publikacji: %(purpose)s.")
            % {"status": locked.get_status_display(), "purpose": PublicationPurpose(purpose).label}
        )
    if published_on > warsaw_today() + timedelta(days=365):
        raise ApplicationError(_("Podaj rzeczywistą datę publikacji."), field="published_on")
    publication = CompetitionPublication.objects.filter(
        competition=locked, purpose=purpose, channel=channel
    ).first() or CompetitionPublication(
        centre=locked.centre, competition=locked, purpose=purpose, channel=channel
    )
    old = snapshot(publication, ["published_on", "address"]) if publication.pk else {}
    publication.published_on = published_on
    publication.address = address.strip()
    publication.recorded_by = actor
    full_clean_or_raise(publication, validate_constraints=False)
    try:
        with transaction.atomic():
            publication.save()
    except IntegrityError:
        raise TransitionRefused(_("Ktoś właśnie zapisał tę publikację: odśwież stronę."))
    audit_log(
        actor=actor,
        obj=locked,
        action=CompetitionAudit.PUBLICATION_RECORDED,
        old=old,
        new={"purpose": purpose, "channel": channel, **snapshot(publication, ["published_on", "address"])},
    )
    return publication


def competitions_close_due(*, centre) -> int:
    """The job: competitions announced whose offers deadline has passed stop taking offers (the system)."""
    closed = 0
    due = Competition.objects.filter(
        centre=centre, status=CompetitionStatus.PUBLISHED, offers_deadline__lte=timezone.now()
    ).values_list("pk", flat=True)
    for pk in list(due):
        try:
            workflow_apply(
                model=Competition,
                pk=pk,
                centre=centre,
                action="close",
                actor=None,
                workflow=COMPETITION_STATUS,
            )
        except ApplicationError:
            continue  # an official closed or voided it meanwhile
        closed += 1
    return closed


# Requests for reasons ------------------------------------------------------------------------------------

REASONS_OFFER_STATUSES = (OfferStatus.SELECTED, OfferStatus.NOT_SELECTED, OfferStatus.FORMALLY_REJECTED)


def reasons_request_window_end(competition: Competition) -> date | None:
    if competition.results_published_at is None:
        return None
    days = centre_setting(competition.centre, "grants.reasons_request_days")
    return warsaw_today(competition.results_published_at) + timedelta(days=days)


def reasons_requests_open(competition: Competition) -> bool:
    end = reasons_request_window_end(competition)
    return competition.status == CompetitionStatus.DECIDED and end is not None and warsaw_today() <= end


@transaction.atomic
def reasons_request_file(*, competition: Competition, offer_id, name: str, email: str, question: str = ""):
    """Anyone may ask for the reasons of a selection or a rejection (no account): checked at storing."""
    if not reasons_requests_open(competition):
        raise ApplicationError(
            _("Termin na wniosek o uzasadnienie minął albo wyniki nie zostały jeszcze ogłoszone.")
        )
    offer = Offer.objects.filter(
        centre=competition.centre, competition=competition, pk=offer_id, status__in=REASONS_OFFER_STATUSES
    ).first()
    if offer is None:
        raise ApplicationError(_("Wybierz ofertę z listy wyników."), field="offer")
    now = timezone.now()
    request = ReasonsRequest(
        centre=competition.centre,
        competition=competition,
        offer=offer,
        name=name.strip(),
        email=email.strip(),
        question=question.strip(),
        filed_at=now,
        answer_due_on=warsaw_today(now)
        + timedelta(days=centre_setting(competition.centre, "grants.reasons_answer_days")),
    )
    full_clean_or_raise(request)
    request.save()
    audit_log(
        actor=None,
        obj=request,
        action=ReasonsRequestAudit.FILED,
        new={"offer": offer.pk, "answer_due_on": request.answer_due_on.isoformat()},
    )
    outbox_enqueue(
        centre=competition.centre,
        to=request.email,
        template="grants/emails/reasons_filed_to_requester",
        context={"request": request, "competition": competition, "offer": offer},
    )
    return request


@transaction.atomic
def reasons_request_answer(*, request: ReasonsRequest, actor, answer: str) -> ReasonsRequest:
    _require_official(actor, request.centre)
    if not answer.strip():
        raise ApplicationError(_("Wpisz uzasadnienie."), field="answer")
    locked = ReasonsRequest.objects.select_for_update().get(pk=request.pk, centre=request.centre)
    if locked.answered_at is not None:
        raise TransitionRefused(_("Na ten wniosek już odpowiedziano."))
    locked.answer = answer.strip()
    locked.answered_at = timezone.now()
    locked.answered_by = actor
    full_clean_or_raise(locked)
    locked.save()
    audit_log(actor=actor, obj=locked, action=ReasonsRequestAudit.ANSWERED, new={"answered": True})
    outbox_enqueue(
        centre=locked.centre,
        to=locked.email,
        template="grants/emails/reasons_answer_to_requester",
        context={"request": locked, "competition": locked.competition, "offer": locked.offer},
    )
    return locked


# Days before the answer's deadline the officials are reminded.
REASONS_REMINDER_DAYS = 2


def reasons_requests_remind(*, centre) -> int:
    """The job: unanswered requests due within two days or overdue, once a day, to the centre's officials."""
    today = warsaw_today()
    due = list(
        ReasonsRequest.objects.filter(
            centre=centre,
            answered_at__isnull=True,
            answer_due_on__lte=today + timedelta(days=REASONS_REMINDER_DAYS),
        )
        .exclude(reminded_on=today)
        .select_related("competition", "offer")
    )
    if not due:
        return 0
    emails = sorted({role.user.email for role in role_backend().holders(centre, OFFICIAL) if role.user.email})
    with transaction.atomic():
        if emails:
            outbox_enqueue(
                centre=centre,
                to=emails,
                template="grants/emails/reasons_reminder_to_officials",
                context={
                    "requests": due,
                    "today": today,
                    "link": centre_url(centre, reverse("grants:reasons_requests")),
                },
            )
        ReasonsRequest.objects.filter(pk__in=[r.pk for r in due]).update(reminded_on=today)
        for request in due:
            audit_log(
                actor=None, obj=request, action=ReasonsRequestAudit.REMINDED, new={"on": today.isoformat()}
            )
    return len(due)
