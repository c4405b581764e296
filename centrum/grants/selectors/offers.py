"""Reads of offers. Every selector takes the centre; the loader is one 404 for missing and not-yours alike."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from .. import budget as B
from ..choices import EDITABLE_OFFER_STATUSES, FILED_OFFER_STATUSES, CompetitionStatus, CostCategory
from ..models import Competition, Offer, OfferCostLine
from ..permissions import can_view_offer


def _offer_qs() -> QuerySet[Offer]:
    return Offer.objects.select_related(
        "competition", "organisation", "submitted_by", "confirmation_received_by", "cloned_from"
    ).prefetch_related(
        "offerors",
        "actions",
        "results",
        Prefetch("cost_lines", queryset=OfferCostLine.objects.order_by("position", "id")),
        "cost_shares",
        "reviewers",
    )


def offer_get_visible(*, centre: Centre, pk, user) -> Offer:
    """An offer of `centre` `user` may read (its organisation, officials, declared evaluators, the adviser it
    was shared with), or 404."""
    offer = get_for_centre_or_404(_offer_qs(), centre=centre, pk=pk)
    offer.centre = centre
    if not can_view_offer(user, offer):
        raise Http404
    return offer


def offers_for_user(*, centre: Centre, user) -> QuerySet[Offer]:
    """ "Moje oferty": the offers of the organisations `user` acts for, the nearest deadline first."""
    if not getattr(user, "is_authenticated", False):
        return Offer.objects.none()
    return (
        Offer.objects.filter(centre=centre, organisation__memberships__user=user)
        .select_related("competition", "organisation")
        .order_by("competition__offers_deadline", "id")
        .distinct()
    )


def offers_shared_with(*, centre: Centre, user) -> QuerySet[Offer]:
    if not getattr(user, "is_authenticated", False):
        return Offer.objects.none()
    return (
        Offer.objects.filter(centre=centre, reviewers__user=user)
        .select_related("competition", "organisation")
        .order_by("-id")
    )


def offers_of_competition(*, centre: Centre, competition_id: int) -> QuerySet[Offer]:
    """Filed offers of one competition (officials read all of them)."""
    return (
        Offer.objects.filter(centre=centre, competition_id=competition_id, status__in=FILED_OFFER_STATUSES)
        .select_related("organisation", "competition")
        .order_by("number", "id")
    )


def competitions_open_for_offers(*, centre: Centre) -> QuerySet[Competition]:
    return Competition.objects.filter(
        centre=centre, status=CompetitionStatus.PUBLISHED, offers_deadline__gte=timezone.now()
    ).order_by("offers_deadline", "id")


def open_competition_get(*, centre: Centre, pk) -> Competition:
    return get_for_centre_or_404(
        Competition.objects.filter(status=CompetitionStatus.PUBLISHED), centre=centre, pk=pk
    )


def offer_deadlines(offer: Offer) -> list[tuple[str, object]]:
    """The deadlines the organisation watches for this offer (label, moment)."""
    from django.utils.translation import gettext as _

    items = []
    if offer.status in EDITABLE_OFFER_STATUSES and offer.status == "draft":
        items.append((_("termin składania ofert"), offer.competition.offers_deadline))
    if offer.submitted_at and offer.confirmation_received_at is None and offer.status in FILED_OFFER_STATUSES:
        items.append((_("dostarczenie podpisanego potwierdzenia"), offer.confirmation_due_at))
    if offer.status == "correction" and offer.correction_due_at:
        items.append((_("usunięcie braków formalnych"), offer.correction_due_at))
    return items


def offer_document_context(offer: Offer) -> dict:
    """What the offer's page and its PDF show: sections I–VII with the sums of V.A–V.C."""
    from ..services.offers import DECLARATIONS, budget_of, content_of, line_labels, rules_for

    content = content_of(offer)
    rules = rules_for(offer.competition)
    totals = B.totals(budget_of(content, is_joint=offer.is_joint), rules)
    labels = line_labels(content)
    actions = list(offer.actions.all())
    lines = list(offer.cost_lines.all())
    years = B.years_of(rules, offer.start_date, offer.end_date)
    action_rows = []
    for index, action in enumerate(actions):
        rows = [
            (labels[i], line)
            for i, line in enumerate(lines)
            if line.category == CostCategory.ACTIONS and line.action_id == action.pk
        ]
        action_rows.append(
            {
                "number": f"I.{index + 1}",
                "action": action,
                "lines": rows,
                "sum": totals.per_action.get(index, B.ZERO),
            }
        )
    orphan_lines = [
        (labels[i], line)
        for i, line in enumerate(lines)
        if line.category == CostCategory.ACTIONS and line.action_id is None
    ]
    admin_rows = [
        (labels[i], line) for i, line in enumerate(lines) if line.category == CostCategory.ADMINISTRATIVE
    ]
    offerors = list(offer.offerors.all())
    share_rows = []
    for offeror in offerors:
        amounts = {s.year: s.amount for s in offer.cost_shares.all() if s.offeror_id == offeror.pk}
        share_rows.append({"offeror": offeror, "years": [amounts.get(y) for y in range(1, years + 1)]})
    src = budget_of(content, is_joint=offer.is_joint).sources
    sources = [
        (
            "1",
            "Suma wszystkich kosztów realizacji zadania",
            totals.total,
            B.HUNDRED if totals.total else B.ZERO,
        ),
        ("2", "Planowana dotacja w ramach niniejszej oferty", src.grant, totals.source_shares["grant"]),
        (
            "3",
            "Wkład własny",
            src.own,
            totals.source_shares["own_financial"] + totals.source_shares["own_non_financial"],
        ),
        ("3.1", "Wkład własny finansowy", src.own_financial, totals.source_shares["own_financial"]),
        (
            "3.2",
            "Wkład własny niefinansowy (osobowy i rzeczowy)",
            src.own_non_financial,
            totals.source_shares["own_non_financial"],
        ),
        ("3.2.1", "Wkład osobowy", src.own_personal, None),
        ("3.2.2", "Wkład rzeczowy", src.own_material, None),
        (
            "4",
            "Świadczenia pieniężne od odbiorców zadania",
            src.recipient_fees,
            totals.source_shares["recipient_fees"],
        ),
    ]
    return {
        "offer": offer,
        "competition": offer.competition,
        "centre": offer.centre,
        "offerors": offerors,
        "actions": actions,
        "results": list(offer.results.all()),
        "action_rows": action_rows,
        "orphan_lines": orphan_lines,
        "admin_rows": admin_rows,
        "totals": totals,
        "year_numbers": list(range(1, years + 1)),
        "multi_year": years > 1,
        "share_rows": share_rows,
        "sources": sources,
        "declarations": [(text, bool((offer.declarations or {}).get(key))) for key, text, _r in DECLARATIONS],
    }


def organisations_of_member(*, centre: Centre, user):
    """The organisations of the centre the user belongs to (an offer is prepared for one of them)."""
    from centrum.organisations.models import Organisation

    return Organisation.objects.filter(centre=centre, memberships__user=user).order_by("name").distinct()


def past_offers_of(*, centre: Centre, organisations) -> QuerySet[Offer]:
    """Offers of these organisations, the newest first (a new draft may start as a copy of one)."""
    return (
        Offer.objects.filter(centre=centre, organisation__in=organisations)
        .select_related("competition")
        .order_by("-id")
    )


def offeror_choices(*, centre: Centre):
    """The centre's registry, from which a joint offer's other offerors are picked."""
    from centrum.organisations.models import Organisation

    return Organisation.objects.filter(centre=centre).order_by("name")


def advisers_of(*, centre: Centre):
    """The centre's advisers, with whom an organisation may share a draft for comments."""
    from django.contrib.auth import get_user_model

    from centrum.core.roles import role_backend

    ids = [row.user_id for row in role_backend().holders(centre, "adviser")]
    return get_user_model().objects.filter(pk__in=ids).order_by("full_name", "email")
