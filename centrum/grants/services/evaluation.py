"""Writes of the evaluation: the formal check, the commission (nominations, appointments, exclusions), the
members' declarations and scores, closing the scoring, and the decision per offer."""

from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.services.roles import centre_role_add
from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.workflow import workflow_apply

from ..audit_labels import EvaluationAudit as Audit
from ..choices import CompetitionStatus, MemberSide, MemberStatus, OfferStatus
from ..models import Commission, CommissionMember, Competition, Declaration, FormalCheck, Offer, Score
from ..permissions import can_file_offer_for, can_run_evaluation, commission_member_of
from ..selectors.evaluation import (
    SCORED_STATUSES,
    competition_criteria,
    formal_checklist,
    offering_organisation_ids,
)
from ..workflows.offers import OFFER_STATUS

OUTCOMES = ("accept", "correct", "reject")


def _official_only(actor, competition) -> None:
    if not can_run_evaluation(actor, competition):
        raise ApplicationError(_("Tę czynność wykonują urzędnicy prowadzący konkurs."))


# The formal check -------------------------------------------------------------------------------------------


@transaction.atomic
def formal_check_record(
    *, offer: Offer, actor, answers: dict, notes: str = "", outcome: str, reason: str = ""
):
    """Store the check list (every item met or not, with a note) and take the outcome through the workflow:
    accept (all met), ask for corrections (only fixable defects, listed in the notice) or reject (why)."""
    _official_only(actor, offer.competition)
    if outcome not in OUTCOMES:
        raise ApplicationError(_("Wybierz wynik oceny formalnej."), field="outcome")
    items = []
    for item in formal_checklist(offer):
        met = answers.get(item.key, {}).get("met")
        if met is None:
            raise ApplicationError(
                _("Zaznacz, czy spełniono wymóg: %(label)s.") % {"label": item.label}, field="outcome"
            )
        note = (answers.get(item.key, {}).get("note") or "").strip()
        items.append(
            {
                "key": item.key,
                "label": str(item.label),
                "met": bool(met),
                "fixable": item.fixable,
                "note": note,
            }
        )
    unmet = [i for i in items if not i["met"]]
    listed = "\n".join(f"– {i['label']}" + (f": {i['note']}" if i["note"] else "") for i in unmet)
    reason = (reason or "").strip()
    if outcome == "accept" and unmet:
        raise ApplicationError(
            _("Nie wszystkie wymogi są spełnione – wezwij do usunięcia braków albo odrzuć ofertę."),
            field="outcome",
        )
    if outcome == "correct":
        if not unmet:
            raise ApplicationError(_("Nie zaznaczono żadnego braku do usunięcia."), field="outcome")
        fixed_only = [i["label"] for i in unmet if not i["fixable"]]
        if fixed_only:
            raise ApplicationError(
                _("Tego braku nie można usunąć – odrzuć ofertę: %(label)s.") % {"label": fixed_only[0]},
                field="outcome",
            )
        reason = "\n".join(part for part in (listed, reason) if part)
    if outcome == "reject":
        reason = "\n".join(part for part in (listed, reason) if part)
        if not reason:
            raise ApplicationError(_("Podaj przyczynę odrzucenia – oferent ją zobaczy."), field="reason")
    check = FormalCheck.objects.filter(offer=offer).first() or FormalCheck(centre=offer.centre, offer=offer)
    old = {"items": check.items} if check.pk else {}
    check.items, check.notes, check.checked_by, check.checked_at = items, notes.strip(), actor, timezone.now()
    full_clean_or_raise(check)
    check.save()
    audit_log(actor=actor, obj=offer, action=Audit.FORMAL_CHECK, old=old, new={"items": items}, reason=notes)
    action = {"accept": "accept_formally", "correct": "request_correction", "reject": "reject_formally"}[
        outcome
    ]
    return workflow_apply(obj=offer, action=action, actor=actor, reason=reason, workflow=OFFER_STATUS)


def corrections_lapse(*, centre) -> int:
    """Offers not corrected by their deadline are rejected for the formal defects (the system acts)."""
    due = Offer.objects.filter(
        centre=centre, status=OfferStatus.CORRECTION, correction_due_at__lt=timezone.now()
    ).values_list("pk", flat=True)
    done = 0
    for pk in list(due):
        try:
            workflow_apply(
                model=Offer,
                pk=pk,
                centre=centre,
                action="correction_lapsed",
                actor=None,
                reason=_("Braki formalne nie zostały usunięte w wyznaczonym terminie."),
            )
        except ApplicationError:
            continue  # resubmitted meanwhile
        done += 1
    return done


# The commission -----------------------------------------------------------------------------------------


def commission_for(competition: Competition) -> Commission:
    commission, _created = Commission.objects.get_or_create(
        centre=competition.centre, competition=competition
    )
    return commission


@transaction.atomic
def commission_settings_save(
    *, competition: Competition, actor, nominations_until=None, without_ngo: str = ""
):
    _official_only(actor, competition)
    commission = Commission.objects.select_for_update().get(pk=commission_for(competition).pk)
    old = {"nominations_until": commission.nominations_until, "without_ngo": commission.without_ngo}
    if commission.scoring_closed_at and without_ngo != commission.without_ngo:
        raise ApplicationError(_("Ocena jest już zamknięta – skład komisji nie może się zmienić."))
    commission.nominations_until, commission.without_ngo = nominations_until, without_ngo or ""
    full_clean_or_raise(commission)
    commission.save()
    new = {"nominations_until": commission.nominations_until, "without_ngo": commission.without_ngo}
    audit_log(actor=actor, obj=competition, action=Audit.COMMISSION_UPDATED, old=old, new=new)
    return commission


def _user_for(email: str):
    return get_user_model().objects.filter(email__iexact=email.strip()).first()


def _grant_evaluator_role(member: CommissionMember, actor) -> None:
    """A member with an account gets the centre's `evaluator` role (what they see stays limited to the
    commissions they sit on, by `commission_member_of`); one without an account gets it when linked."""
    if member.user_id is None:
        member.user = _user_for(member.email)
        if member.user is None:
            return
        member.save(update_fields=["user", "updated_at"])
    centre_role_add(
        centre=member.centre,
        user=member.user,
        role=CentreRoleKind.EVALUATOR,
        actor=actor,
        reason=str(member.commission.competition),
    )


def _add_member(commission: Commission, **fields) -> CommissionMember:
    member = CommissionMember(centre=commission.centre, commission=commission, **fields)
    full_clean_or_raise(member, validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError:
        raise ApplicationError(
            _("Ta osoba (adres e-mail) jest już w składzie lub na liście kandydatów."), field="email"
        ) from None
    return member


@transaction.atomic
def nomination_file(*, competition: Competition, organisation, actor, full_name: str, email: str):
    """An organisation nominates a person to the commission (art. 15 ust. 2a): not if it filed an offer."""
    if not can_file_offer_for(actor, organisation) or organisation.centre_id != competition.centre_id:
        raise ApplicationError(_("Kandydata zgłasza administrator organizacji."), field="organisation")
    if competition.status not in (CompetitionStatus.PUBLISHED, CompetitionStatus.EVALUATION):
        raise ApplicationError(_("Ten konkurs nie przyjmuje teraz zgłoszeń kandydatów do komisji."))
    commission = commission_for(competition)
    if commission.nominations_until and warsaw_today() > commission.nominations_until:
        raise ApplicationError(_("Termin zgłaszania kandydatów do komisji minął."))
    if organisation.pk in offering_organisation_ids(competition):
        raise ApplicationError(
            _(
                "Organizacja złożyła ofertę w tym konkursie – jej przedstawiciel nie może zasiadać w komisji "
                "(art. 15 ust. 2d ustawy)."
            ),
            field="organisation",
        )
    member = _add_member(
        commission,
        full_name=full_name.strip(),
        email=email.strip().lower(),
        side=MemberSide.NGO,
        nominated_by=organisation,
        status=MemberStatus.NOMINATED,
        user=_user_for(email),
    )
    audit_log(
        actor=actor,
        obj=competition,
        action=Audit.NOMINATION,
        new={"member": member.full_name, "organisation": organisation.name},
    )
    return member


@transaction.atomic
def member_appoint(
    *, competition: Competition, actor, full_name: str, email: str, side: str, chair: bool = False
):
    """Officials name the organ's representatives and advisory experts directly."""
    _official_only(actor, competition)
    if side not in (MemberSide.OFFICIAL, MemberSide.EXPERT):
        raise ApplicationError(
            _("Przedstawicieli organizacji wybiera się spośród zgłoszonych kandydatów."), field="side"
        )
    commission = Commission.objects.select_for_update().get(pk=commission_for(competition).pk)
    if commission.scoring_closed_at:
        raise ApplicationError(_("Ocena jest już zamknięta – skład komisji nie może się zmienić."))
    member = _add_member(
        commission,
        full_name=full_name.strip(),
        email=email.strip().lower(),
        side=side,
        chair=chair,
        status=MemberStatus.APPOINTED,
        user=_user_for(email),
    )
    _grant_evaluator_role(member, actor)
    audit_log(
        actor=actor,
        obj=competition,
        action=Audit.MEMBER_APPOINTED,
        new={"member": member.full_name, "side": side},
    )
    return member


@transaction.atomic
def nominee_decide(*, member: CommissionMember, actor, appoint: bool, reason: str = "") -> CommissionMember:
    """Select a nominee into the commission or not; a nominee of an organisation that filed an offer is
    excluded instead, whatever the choice."""
    competition = member.commission.competition
    _official_only(actor, competition)
    locked = (
        CommissionMember.objects.select_for_update()
        .select_related("commission")
        .get(pk=member.pk, centre=member.centre)
    )
    if locked.status != MemberStatus.NOMINATED:
        raise ApplicationError(_("Ten kandydat został już rozpatrzony."))
    if locked.commission.scoring_closed_at:
        raise ApplicationError(_("Ocena jest już zamknięta – skład komisji nie może się zmienić."))
    old = {"status": locked.status}
    if locked.nominated_by_id in offering_organisation_ids(competition):
        locked.status, action = MemberStatus.EXCLUDED, Audit.MEMBER_EXCLUDED
        locked.status_reason = _(
            "Organizacja zgłaszająca złożyła ofertę w konkursie (art. 15 ust. 2d ustawy)."
        )
    elif appoint:
        locked.status, action = MemberStatus.APPOINTED, Audit.MEMBER_APPOINTED
    else:
        locked.status, action = MemberStatus.NOT_SELECTED, Audit.MEMBER_NOT_SELECTED
        locked.status_reason = reason.strip()
    locked.save(update_fields=["status", "status_reason", "updated_at"])
    if locked.status == MemberStatus.APPOINTED:
        _grant_evaluator_role(locked, actor)
    audit_log(
        actor=actor,
        obj=competition,
        action=action,
        old=old,
        new={"status": locked.status, "member": locked.full_name},
        reason=locked.status_reason,
    )
    return locked


# Declarations and scores --------------------------------------------------------------------------------


def _seat(actor, competition) -> CommissionMember:
    member = commission_member_of(actor, competition)
    if member is None:
        raise ApplicationError(_("Nie zasiadasz w komisji tego konkursu."))
    return member


def _excluded_by_nomination(member: CommissionMember, competition) -> bool:
    return member.nominated_by_id is not None and member.nominated_by_id in offering_organisation_ids(
        competition
    )


@transaction.atomic
def declaration_make(*, offer: Offer, actor, no_conflict: bool, grounds: str = "") -> Declaration:
    """The member's declaration for one offer, before reading it (KPA art. 24)."""
    competition = offer.competition
    member = _seat(actor, competition)
    if offer.status not in SCORED_STATUSES:
        raise ApplicationError(
            _("Oświadczenia składa się do ofert ocenionych pozytywnie pod względem formalnym.")
        )
    grounds = (grounds or "").strip()
    if not no_conflict and not grounds:
        raise ApplicationError(
            _("Wskaż przesłankę wyłączenia (art. 24 Kodeksu postępowania administracyjnego)."),
            field="grounds",
        )
    declaration = Declaration(
        centre=offer.centre, member=member, offer=offer, no_conflict=no_conflict, grounds=grounds
    )
    try:
        with transaction.atomic():
            declaration.save()
    except IntegrityError:
        raise ApplicationError(_("Oświadczenie do tej oferty już złożono – nie można go zmienić.")) from None
    audit_log(
        actor=actor,
        obj=offer,
        action=Audit.DECLARATION,
        new={"member": member.full_name, "no_conflict": no_conflict, "grounds": grounds},
    )
    return declaration


def _points(raw, criterion) -> Decimal:
    try:
        value = Decimal(str(raw).replace(" ", "").replace("\xa0", "").replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ApplicationError(
            _("Podaj liczbę punktów: %(name)s.") % {"name": criterion.name}, field=f"points_{criterion.pk}"
        ) from None
    if not value.is_finite() or value < 0 or value > criterion.max_points:
        raise ApplicationError(
            _("Punkty za „%(name)s” muszą mieścić się w przedziale 0–%(max)s.")
            % {"name": criterion.name, "max": criterion.max_points},
            field=f"points_{criterion.pk}",
        )
    if value != value.quantize(Decimal("0.01")):
        raise ApplicationError(
            _("Punkty podaj najwyżej z dwoma miejscami po przecinku."), field=f"points_{criterion.pk}"
        )
    return value


@transaction.atomic
def scores_save(*, offer: Offer, actor, points: dict, comments: dict | None = None) -> list[Score]:
    """The member's points for every criterion of one offer; only after declaring no conflict for it, never
    above a criterion's maximum, never once the scoring is closed (checked on the locked commission row)."""
    competition = offer.competition
    member = _seat(actor, competition)
    if member.side == MemberSide.EXPERT:
        raise ApplicationError(_("Ekspert ma głos doradczy – nie ocenia ofert."))
    commission = Commission.objects.select_for_update().get(pk=member.commission_id)
    if commission.scoring_closed_at:
        raise ApplicationError(_("Ocena merytoryczna jest już zamknięta."))
    locked = Offer.objects.select_for_update().get(pk=offer.pk, centre=offer.centre)
    if locked.status != OfferStatus.FORMALLY_ACCEPTED:
        raise ApplicationError(_("Ocenia się tylko oferty poprawne formalnie, przed decyzją."))
    if _excluded_by_nomination(member, competition):
        raise ApplicationError(
            _("Organizacja, która Cię zgłosiła, złożyła ofertę – nie oceniasz ofert w tym konkursie.")
        )
    declaration = Declaration.objects.filter(member=member, offer=locked).first()
    if declaration is None:
        raise ApplicationError(_("Najpierw złóż oświadczenie o braku przesłanek wyłączenia dla tej oferty."))
    if not declaration.no_conflict:
        raise ApplicationError(_("Zgłosiłeś przesłankę wyłączenia – nie oceniasz tej oferty."))
    comments = comments or {}
    saved = []
    values = {
        c.pk: _points(points.get(c.pk, points.get(str(c.pk), "")), c)
        for c in competition_criteria(competition)
    }
    if not values:
        raise ApplicationError(_("Ogłoszenie nie ma kryteriów oceny."))
    for criterion in competition_criteria(competition):
        score, _created = Score.objects.update_or_create(
            centre=offer.centre,
            member=member,
            offer=locked,
            criterion=criterion,
            defaults={"points": values[criterion.pk], "comment": (comments.get(criterion.pk) or "").strip()},
        )
        saved.append(score)
    audit_log(
        actor=actor,
        obj=locked,
        action=Audit.SCORE,
        new={"member": member.full_name, "points": {str(k): str(v) for k, v in values.items()}},
    )
    return saved


@transaction.atomic
def scoring_close(*, competition: Competition, actor) -> Commission:
    """Close the scoring: the commission's composition is lawful and every member who declared no conflict
    has scored each offer; scores can no longer change."""
    _official_only(actor, competition)
    commission = Commission.objects.select_for_update().get(pk=commission_for(competition).pk)
    if commission.scoring_closed_at:
        raise ApplicationError(_("Ocena merytoryczna jest już zamknięta."))
    members = list(commission.members.filter(status=MemberStatus.APPOINTED))
    scoring = [m for m in members if m.side != MemberSide.EXPERT]
    if not scoring:
        raise ApplicationError(_("Komisja nie ma członków oceniających oferty."))
    if not any(m.side == MemberSide.NGO for m in scoring) and not commission.without_ngo:
        raise ApplicationError(
            _(
                "W komisji nie ma przedstawicieli organizacji – wskaż przypadek z art. 15 ust. 2da ustawy, w którym "
                "komisja może działać bez nich."
            )
        )
    criteria = len(competition_criteria(competition))
    offers = list(Offer.objects.filter(competition=competition, status=OfferStatus.FORMALLY_ACCEPTED))
    missing = []
    for offer in offers:
        declared = Declaration.objects.filter(offer=offer, member__in=scoring, no_conflict=True).values_list(
            "member_id", flat=True
        )
        if not declared:
            missing.append(offer.number or str(offer.pk))
            continue
        for member_id in declared:
            if Score.objects.filter(offer=offer, member_id=member_id).count() < criteria:
                missing.append(offer.number or str(offer.pk))
                break
    if missing:
        raise ApplicationError(
            _("Nie wszystkie oferty mają komplet ocen członków, którzy złożyli oświadczenia: %(offers)s.")
            % {"offers": ", ".join(missing)}
        )
    commission.scoring_closed_at, commission.scoring_closed_by = timezone.now(), actor
    commission.save(update_fields=["scoring_closed_at", "scoring_closed_by", "updated_at"])
    audit_log(
        actor=actor,
        obj=competition,
        action=Audit.SCORING_CLOSED,
        new={"scoring_closed_at": commission.scoring_closed_at},
    )
    return commission


def offer_decide(*, offer: Offer, actor, select: bool, amount=None, reason: str = "") -> Offer:
    """The organ's decision on an offer that passed the formal check: the grant (may be less than asked) or
    no grant with the reason."""
    if select:
        return workflow_apply(
            obj=offer, action="select", actor=actor, workflow=OFFER_STATUS, values={"awarded_grant": amount}
        )
    return workflow_apply(obj=offer, action="not_select", actor=actor, reason=reason, workflow=OFFER_STATUS)
