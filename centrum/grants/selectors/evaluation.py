"""Reads of the evaluation: the formal check list with what Centrum can tell by itself, the commission, the
declarations and scores, and the ranking with weighted averages."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from ..choices import FILED_OFFER_STATUSES, MemberSide, MemberStatus, OfferStatus, OwnContributionBasis
from ..models import Commission, CommissionMember, Competition, Declaration, Offer, Score, ScoringCriterion
from ..permissions import can_run_evaluation, commission_member_of

SCORED_STATUSES = (OfferStatus.FORMALLY_ACCEPTED, OfferStatus.SELECTED, OfferStatus.NOT_SELECTED)
CENT = Decimal("0.01")


def evaluation_competition_get(*, centre: Centre, user, pk: int) -> Competition:
    """A competition whose evaluation the user may see: officials, and members of its commission."""
    return get_for_centre_or_404(
        Competition.objects.all(),
        centre=centre,
        pk=pk,
        visible=lambda c: can_run_evaluation(user, c) or commission_member_of(user, c) is not None,
    )


def evaluation_offer_get(*, centre: Centre, user, pk: int) -> Offer:
    """A filed offer of a competition the user evaluates (officials; members of its commission)."""
    return get_for_centre_or_404(
        Offer.objects.select_related("competition", "organisation", "submitted_by"),
        centre=centre,
        pk=pk,
        visible=lambda o: (
            o.status in FILED_OFFER_STATUSES
            and (
                can_run_evaluation(user, o.competition)
                or commission_member_of(user, o.competition) is not None
            )
        ),
    )


def commission_of(competition: Competition) -> Commission | None:
    return (
        Commission.objects.filter(centre_id=competition.centre_id, competition=competition)
        .prefetch_related(
            Prefetch(
                "members",
                queryset=CommissionMember.objects.select_related("nominated_by", "user").order_by(
                    "side", "full_name", "id"
                ),
            )
        )
        .first()
    )


def offering_organisation_ids(competition: Competition) -> set[int]:
    """Organisations that filed an offer in the competition (alone or jointly): their nominees are excluded."""
    ids = set(
        Offer.objects.filter(competition=competition, status__in=FILED_OFFER_STATUSES).values_list(
            "organisation_id", flat=True
        )
    )
    from ..models import Offeror

    ids |= set(
        Offeror.objects.filter(
            offer__competition=competition, offer__status__in=FILED_OFFER_STATUSES, organisation__isnull=False
        ).values_list("organisation_id", flat=True)
    )
    return ids


def evaluated_offers(*, competition: Competition) -> QuerySet[Offer]:
    return (
        Offer.objects.filter(competition=competition, status__in=FILED_OFFER_STATUSES)
        .select_related("organisation", "formal_check")
        .order_by("number", "id")
    )


# The formal check list ------------------------------------------------------------------------------------


@dataclass
class CheckItem:
    key: str
    label: str
    fixable: bool
    auto: bool | None = None  # what Centrum can tell from the stored offer (None: the official judges)
    hint: str = ""


def _own_share(offer: Offer, competition: Competition) -> Decimal | None:
    own = offer.own_financial
    if competition.own_contribution_type != "financial":
        own += offer.own_personal + offer.own_material
    base = (
        offer.total_cost
        if competition.own_contribution_basis == OwnContributionBasis.TOTAL_COST
        else offer.requested_grant
    )
    if not base:
        return None
    return (own / base * 100).quantize(CENT, ROUND_HALF_UP)


def formal_checklist(offer: Offer) -> list[CheckItem]:
    """The usual formal checks (computed where the stored offer tells) and the announcement's own requirements."""
    competition = offer.competition
    items = [
        CheckItem(
            "on_time",
            _("Oferta złożona w terminie"),
            fixable=False,
            auto=bool(offer.submitted_at and offer.submitted_at <= competition.offers_deadline),
        ),
        CheckItem(
            "confirmation",
            _("Podpisane potwierdzenie złożenia oferty dostarczone"),
            fixable=True,
            auto=offer.confirmation_received_at is not None,
        ),
        CheckItem(
            "eligible",
            _("Oferent uprawniony – działalność statutowa w dziedzinie zadania (cele statutowe z KRS obok)"),
            fixable=False,
        ),
    ]
    if competition.max_grant is not None:
        items.append(
            CheckItem(
                "max_grant",
                _("Wnioskowana dotacja nie przekracza %(max)s zł") % {"max": competition.max_grant},
                fixable=True,
                auto=offer.requested_grant <= competition.max_grant,
                hint=_("wnioskowano %(amount)s zł") % {"amount": offer.requested_grant},
            )
        )
    if competition.min_own_contribution_percent:
        share = _own_share(offer, competition)
        items.append(
            CheckItem(
                "own_contribution",
                _("Wkład własny co najmniej %(min)s%% (%(basis)s)")
                % {
                    "min": competition.min_own_contribution_percent,
                    "basis": competition.get_own_contribution_basis_display(),
                },
                fixable=True,
                auto=share is not None and share >= competition.min_own_contribution_percent,
                hint=_("w ofercie %(share)s%%") % {"share": share if share is not None else "–"},
            )
        )
    if offer.start_date and offer.end_date:
        items.append(
            CheckItem(
                "window",
                _("Termin realizacji w ramach określonych w ogłoszeniu"),
                fixable=True,
                auto=competition.task_start <= offer.start_date <= offer.end_date <= competition.task_end,
            )
        )
    for requirement in competition.formal_requirements.all():
        items.append(CheckItem(f"req-{requirement.pk}", requirement.text, fixable=requirement.fixable))
    return items


# Ranking ---------------------------------------------------------------------------------------------------


@dataclass
class RankRow:
    offer: Offer
    members_scored: int = 0
    average: Decimal | None = None
    per_member: dict[int, Decimal] = field(default_factory=dict)
    place: int | None = None


def competition_criteria(competition: Competition) -> list[ScoringCriterion]:
    return list(ScoringCriterion.objects.filter(centre_id=competition.centre_id, competition=competition))


def max_total(criteria: list[ScoringCriterion]) -> Decimal:
    return sum((c.max_points * c.weight for c in criteria), Decimal("0")).quantize(CENT, ROUND_HALF_UP)


def ranking(*, competition: Competition) -> list[RankRow]:
    """Each offer's weighted total per member who scored every criterion, the average over them, the place."""
    criteria = competition_criteria(competition)
    weights = {c.pk: c.weight for c in criteria}
    offers = list(
        Offer.objects.filter(competition=competition, status__in=SCORED_STATUSES)
        .select_related("organisation")
        .order_by("number", "id")
    )
    rows = {o.pk: RankRow(offer=o) for o in offers}
    sums: dict[tuple[int, int], Decimal] = {}
    counts: dict[tuple[int, int], int] = {}
    for offer_id, member_id, criterion_id, points in Score.objects.filter(
        centre_id=competition.centre_id, offer__in=offers
    ).values_list("offer_id", "member_id", "criterion_id", "points"):
        key = (offer_id, member_id)
        sums[key] = sums.get(key, Decimal("0")) + points * weights.get(criterion_id, Decimal("0"))
        counts[key] = counts.get(key, 0) + 1
    for (offer_id, member_id), total in sums.items():
        if counts[(offer_id, member_id)] == len(criteria) and offer_id in rows:
            rows[offer_id].per_member[member_id] = total.quantize(CENT, ROUND_HALF_UP)
    for row in rows.values():
        row.members_scored = len(row.per_member)
        if row.per_member:
            row.average = (sum(row.per_member.values()) / len(row.per_member)).quantize(CENT, ROUND_HALF_UP)
    ordered = sorted(
        rows.values(), key=lambda r: (r.average is None, -(r.average or 0), r.offer.number, r.offer.pk)
    )
    place = 0
    for row in ordered:
        if row.average is not None:
            place += 1
            row.place = place
    return ordered


# The evaluator's desk --------------------------------------------------------------------------------------


def member_seats(*, centre: Centre, user) -> QuerySet[CommissionMember]:
    """The user's seats in commissions of the centre's competitions still being evaluated or decided."""
    if not getattr(user, "is_authenticated", False):
        return CommissionMember.objects.none()
    return (
        CommissionMember.objects.filter(
            Q(user=user) | Q(user__isnull=True, email__iexact=user.email),
            centre=centre,
            status=MemberStatus.APPOINTED,
        )
        .select_related("commission__competition")
        .order_by("-commission__competition__offers_deadline", "id")
    )


@dataclass
class SeatOffer:
    offer: Offer
    declaration: Declaration | None
    scored: int


def seat_offers(member: CommissionMember, criteria_count: int) -> list[SeatOffer]:
    """The offers the member declares for and scores: declared or not, and how many criteria scored."""
    competition = member.commission.competition
    offers = list(
        Offer.objects.filter(competition=competition, status__in=SCORED_STATUSES)
        .select_related("organisation")
        .order_by("number", "id")
    )
    declarations = {d.offer_id: d for d in Declaration.objects.filter(member=member, offer__in=offers)}
    scored: dict[int, int] = {}
    for offer_id in Score.objects.filter(member=member, offer__in=offers).values_list("offer_id", flat=True):
        scored[offer_id] = scored.get(offer_id, 0) + 1
    return [SeatOffer(o, declarations.get(o.pk), scored.get(o.pk, 0)) for o in offers]


def member_scores(member: CommissionMember, offer: Offer) -> dict[int, Score]:
    return {s.criterion_id: s for s in Score.objects.filter(member=member, offer=offer)}


def declarations_of(competition: Competition) -> list[Declaration]:
    return list(
        Declaration.objects.filter(centre_id=competition.centre_id, offer__competition=competition)
        .select_related("member", "offer")
        .order_by("offer__number", "member__full_name")
    )


def scores_export_rows(*, competition: Competition):
    """(header, rows): every score of every member, with the weighted total and the average per offer."""
    header = [
        _("Nr oferty"),
        _("Oferent"),
        _("Tytuł zadania"),
        _("Członek komisji"),
        _("Kryterium"),
        _("Punkty"),
        _("Waga"),
        _("Uzasadnienie"),
    ]
    rows = (
        [
            s.offer.number,
            s.offer.organisation.name,
            s.offer.title,
            s.member.full_name,
            s.criterion.name,
            s.points,
            s.criterion.weight,
            s.comment,
        ]
        for s in Score.objects.filter(centre_id=competition.centre_id, offer__competition=competition)
        .select_related("offer__organisation", "member", "criterion")
        .order_by("offer__number", "offer_id", "member__full_name", "criterion__position")
        .iterator(chunk_size=500)
    )
    return header, rows


def ngo_members(commission: Commission | None) -> list[CommissionMember]:
    if commission is None:
        return []
    return [
        m for m in commission.members.all() if m.side == MemberSide.NGO and m.status == MemberStatus.APPOINTED
    ]


def organisations_nominating(*, centre: Centre, user):
    """Active organisations the user administers (they nominate candidates to commissions)."""
    from centrum.accounts.models import Membership
    from centrum.organisations.models import Organisation

    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    ids = Membership.objects.filter(centre=centre, user=user, role="admin").values("organisation_id")
    return Organisation.objects.filter(centre=centre, pk__in=ids, status="active").order_by("name", "id")


def nominees_call_publications(competition: Competition):
    """Where and when the call for NGO nominees to the commission was published."""
    from ..choices import PublicationPurpose
    from ..models import CompetitionPublication

    return list(
        CompetitionPublication.objects.filter(
            centre_id=competition.centre_id, competition=competition, purpose=PublicationPurpose.NOMINEES_CALL
        ).order_by("published_on", "channel")
    )


def commission_member_get(*, centre: Centre, pk: int) -> CommissionMember:
    """A member or candidate of one of the centre's commissions (404 for another centre's); the view then asks
    whether the user runs that competition's evaluation."""
    return get_for_centre_or_404(
        CommissionMember.objects.select_related("commission__competition"), centre=centre, pk=pk
    )
