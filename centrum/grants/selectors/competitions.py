"""Reads of competitions. Every selector takes the centre."""

from datetime import timedelta

from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404

from centrum.core.calendar import warsaw_today
from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from ..choices import FILED_OFFER_STATUSES, CompetitionStatus, OfferStatus, PublicationPurpose
from ..models import Competition, CompetitionPublication, Offer, ReasonsRequest
from ..permissions import is_grants_official

PUBLIC_COMPETITION_STATUSES = (
    CompetitionStatus.PUBLISHED,
    CompetitionStatus.EVALUATION,
    CompetitionStatus.DECIDED,
    CompetitionStatus.VOIDED,
)

# The public list's filter: a word in the address -> the statuses it shows.
PUBLIC_FILTERS = {
    "otwarte": (CompetitionStatus.PUBLISHED,),
    "zamkniete": (CompetitionStatus.EVALUATION,),
    "rozstrzygniete": (CompetitionStatus.DECIDED, CompetitionStatus.VOIDED),
}

# Offers shown on the results (the decided ones; withdrawn offers are not part of the results).
RESULT_OFFER_STATUSES = (OfferStatus.SELECTED, OfferStatus.NOT_SELECTED, OfferStatus.FORMALLY_REJECTED)


def competitions_public(*, centre: Centre) -> QuerySet[Competition]:
    """Announced competitions anyone may read, the newest deadline first."""
    return Competition.objects.filter(centre=centre, status__in=PUBLIC_COMPETITION_STATUSES).order_by(
        "-offers_deadline", "-id"
    )


def competitions_public_filtered(*, centre: Centre, state: str = "", year=None) -> QuerySet[Competition]:
    competitions = competitions_public(centre=centre).select_related("sphere")
    if state in PUBLIC_FILTERS:
        competitions = competitions.filter(status__in=PUBLIC_FILTERS[state])
    if year:
        competitions = competitions.filter(budget_year=year)
    return competitions


def competition_years(*, centre: Centre) -> list[int]:
    return list(
        competitions_public(centre=centre)
        .order_by("-budget_year")
        .values_list("budget_year", flat=True)
        .distinct()
    )


def competition_get_visible(*, centre: Centre, pk, user) -> Competition:
    """An announced competition for anyone; a draft only for the centre's officials (else 404)."""
    official = is_grants_official(user, centre)
    return get_for_centre_or_404(
        Competition.objects.select_related("sphere", "programme_task", "programme_task__programme", "centre"),
        centre=centre,
        pk=pk,
        visible=lambda c: official or c.status in PUBLIC_COMPETITION_STATUSES,
    )


def competition_get_for_official(*, centre: Centre, pk, user) -> Competition:
    """The official's desk: any competition of the centre, for its officials only (404 for everyone else)."""
    if not is_grants_official(user, centre):
        raise Http404
    return get_for_centre_or_404(
        Competition.objects.select_related("sphere", "programme_task", "centre"), centre=centre, pk=pk
    )


def competitions_for_desk(*, centre: Centre) -> QuerySet[Competition]:
    """Every competition of the centre (drafts too) with its filed offers counted, in one query."""
    return (
        Competition.objects.filter(centre=centre)
        .annotate(
            filed_count=Count("offers", filter=Q(offers__status__in=FILED_OFFER_STATUSES)),
            open_requests=Count(
                "reasons_requests", filter=Q(reasons_requests__answered_at__isnull=True), distinct=True
            ),
        )
        .order_by("-offers_deadline", "-id")
    )


def publications_of(competition: Competition) -> dict[str, list[CompetitionPublication]]:
    """The recorded publications by purpose (announcement, results, voiding)."""
    grouped: dict[str, list[CompetitionPublication]] = {p: [] for p in PublicationPurpose.values}
    for publication in CompetitionPublication.objects.filter(
        centre=competition.centre, competition=competition
    ).order_by("purpose", "published_on", "channel"):
        grouped[publication.purpose].append(publication)
    return grouped


def competition_offer_counts(*, competition: Competition) -> list[dict]:
    """How many offers are in each state (every state listed, zeros too), one query."""
    counts = dict(
        Offer.objects.filter(centre=competition.centre, competition=competition)
        .exclude(status=OfferStatus.DRAFT)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    return [
        {"status": status, "label": label, "count": counts.get(status, 0)}
        for status, label in OfferStatus.choices
        if status != OfferStatus.DRAFT
    ]


def competition_board_offers(*, competition: Competition, status: str = "") -> QuerySet[Offer]:
    """The filed offers of a competition for the official's board (drafts are the organisations' own)."""
    offers = (
        Offer.objects.filter(centre=competition.centre, competition=competition)
        .exclude(status=OfferStatus.DRAFT)
        .select_related("organisation")
        .order_by("submitted_at", "id")
    )
    if status in OfferStatus.values:
        offers = offers.filter(status=status)
    return offers


def competition_deadlines(*, competition: Competition) -> dict:
    """The dates an official watches on the board: offers, signed confirmations, corrections, selection,
    requests for reasons."""
    offers = Offer.objects.filter(centre=competition.centre, competition=competition)
    last = offers.aggregate(
        last_submitted=Max("submitted_at"),
        corrections_due=Max("correction_due_at", filter=Q(status=OfferStatus.CORRECTION)),
    )
    confirmations_due = None
    if last["last_submitted"] is not None:
        confirmations_due = warsaw_today(last["last_submitted"]) + timedelta(
            days=competition.confirmation_days
        )
    from ..services.competitions import reasons_request_window_end

    return {
        "offers_deadline": competition.offers_deadline,
        "confirmations_due": confirmations_due,
        "corrections_due": last["corrections_due"],
        "selection_date": competition.selection_date,
        "reasons_requests_due": reasons_request_window_end(competition),
    }


def competition_results(*, competition: Competition) -> QuerySet[Offer]:
    """The offers on the published results: selected first (by amount), then the others."""
    return (
        Offer.objects.filter(
            centre=competition.centre, competition=competition, status__in=RESULT_OFFER_STATUSES
        )
        .select_related("organisation")
        .order_by("status", "-awarded_grant", "title", "id")
    )


def reasons_requests_for_desk(*, centre: Centre, answered: bool = False) -> QuerySet[ReasonsRequest]:
    return (
        ReasonsRequest.objects.filter(centre=centre, answered_at__isnull=not answered)
        .select_related("competition", "offer", "offer__organisation")
        .order_by("answer_due_on", "id")
    )


def reasons_request_get_for_official(*, centre: Centre, pk, user) -> ReasonsRequest:
    if not is_grants_official(user, centre):
        raise Http404
    return get_for_centre_or_404(
        ReasonsRequest.objects.select_related("competition", "offer", "offer__organisation"),
        centre=centre,
        pk=pk,
    )


def desk_counts(*, centre: Centre) -> dict:
    """The official's dashboard card: drafts, open calls, calls in evaluation, requests for reasons overdue."""
    today = warsaw_today()
    by_status = dict(
        Competition.objects.filter(centre=centre)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    requests = ReasonsRequest.objects.filter(centre=centre, answered_at__isnull=True).aggregate(
        waiting=Count("id"), overdue=Count("id", filter=Q(answer_due_on__lt=today))
    )
    return {
        "drafts": by_status.get(CompetitionStatus.DRAFT, 0),
        "open": by_status.get(CompetitionStatus.PUBLISHED, 0),
        "evaluation": by_status.get(CompetitionStatus.EVALUATION, 0),
        "requests_waiting": requests["waiting"],
        "requests_overdue": requests["overdue"],
    }


def offers_export_rows(*, competition: Competition):
    """(header, rows) of the filed offers for CSV/XLSX."""
    header = [
        "Nr",
        "Oferent",
        "Tytuł zadania",
        "Status",
        "Wnioskowana dotacja",
        "Całkowity koszt",
        "Złożono",
        "Potwierdzenie przyjęto",
    ]

    def rows():
        for offer in competition_board_offers(competition=competition).iterator(chunk_size=500):
            yield [
                offer.number,
                offer.organisation.name,
                offer.title,
                str(offer.get_status_display()),
                offer.requested_grant,
                offer.total_cost,
                offer.submitted_at,
                offer.confirmation_received_at,
            ]

    return header, rows()


def results_export_rows(*, competition: Competition):
    header = ["Oferent", "Tytuł zadania", "Rozstrzygnięcie", "Przyznana dotacja"]

    def rows():
        for offer in competition_results(competition=competition).iterator(chunk_size=500):
            yield [
                offer.organisation.name,
                offer.title,
                str(offer.get_status_display()),
                offer.awarded_grant if offer.status == OfferStatus.SELECTED else None,
            ]

    return header, rows()


def is_member_of_any_organisation(*, centre: Centre, user) -> bool:
    """May the person prepare offers at all (a member of some organisation of the centre)?"""
    if not getattr(user, "is_authenticated", False):
        return False
    from centrum.accounts.models import Membership

    return Membership.objects.filter(centre=centre, user=user).exists()


def competition_funding_calls(centre: Centre, today) -> list:
    """The portal's funding-call source (`core.portal.FUNDING_CALL_SOURCES`): announced competitions still
    taking offers (deadline not passed), as plain entries for the list of funding calls."""
    from django.utils import timezone

    from centrum.core.portal import FundingCallEntry

    competitions = (
        Competition.objects.filter(
            centre=centre, status=CompetitionStatus.PUBLISHED, offers_deadline__gt=timezone.now()
        )
        .select_related("sphere")
        .only("id", "title", "organ", "offers_deadline", "funds_total", "published_at", "sphere__code")
        .order_by("offers_deadline", "id")
    )
    return [
        FundingCallEntry(
            title=c.title,
            url=c.get_absolute_url(),
            funder=c.organ,
            deadline=c.offers_deadline,
            amount=c.funds_total,
            fields=(c.sphere.code,) if c.sphere_id else (),
            kind="grants",
            published_on=timezone.localdate(c.published_at) if c.published_at else None,
        )
        for c in competitions
    ]
