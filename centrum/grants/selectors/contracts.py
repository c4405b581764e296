"""Reads of the contracts sub-feature: contracts (the official's desk, the contract page, its PDF), the
planned budget of a contract (`planned_lines`, what reports compare against), annexes and their changes,
the updated budget of an offer, and who may sign for an organisation (the KRS extract's representation)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from .. import budget as B
from ..choices import AnnexStatus, ContractKind, ContractStatus, CostCategory, OfferStatus
from ..models import (
    BudgetUpdate,
    Competition,
    Contract,
    ContractAnnex,
    ContractCostLine,
    Offer,
)
from ..permissions import can_prepare_offer_for, can_view_contract, can_view_offer, is_grants_official


def _contract_qs() -> QuerySet[Contract]:
    return Contract.objects.select_related(
        "organisation", "offer", "offer__competition", "signed_by", "created_by"
    ).prefetch_related(
        Prefetch("cost_lines", queryset=ContractCostLine.objects.order_by("category", "position", "id")),
        "results",
        Prefetch("annexes", queryset=ContractAnnex.objects.order_by("number", "id")),
    )


def contract_get_visible(*, centre: Centre, pk, user) -> Contract:
    """A contract of `centre` the user may read (officials, the organisation's members), or 404."""
    contract = get_for_centre_or_404(_contract_qs(), centre=centre, pk=pk)
    contract.centre = centre
    if not can_view_contract(user, contract):
        raise Http404
    return contract


def annex_get_visible(*, centre: Centre, pk, user) -> ContractAnnex:
    annex = get_for_centre_or_404(
        ContractAnnex.objects.select_related("contract", "contract__organisation"), centre=centre, pk=pk
    )
    annex.centre = annex.contract.centre = centre
    if not can_view_contract(user, annex.contract):
        raise Http404
    return annex


def planned_lines(contract: Contract) -> list[ContractCostLine]:
    """The contract's planned cost lines as they are now (annexes applied), in the order of its annex:
    the one reading of the planned budget (reports compare the actual spending against these)."""
    return sorted(contract.cost_lines.all(), key=lambda ln: (ln.category, ln.position, ln.id))


@dataclass(frozen=True)
class DeskFilters:
    year: int | None = None
    kind: str = ""
    status: str = ""
    competition: int | None = None


def _int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 10**9 else None


def _year(value) -> int | None:
    """A year a contract can start in: a date lookup beyond 9999 (or before year 1) fails in the database."""
    number = _int(value)
    return number if number is not None and 1900 <= number <= 2999 else None


def desk_filters(params) -> DeskFilters:
    """The desk's filters from the query string (anything else is ignored, never an error)."""
    kind = params.get("kind", "")
    status = params.get("status", "")
    return DeskFilters(
        year=_year(params.get("year")),
        kind=kind if kind in ContractKind.values else "",
        status=status if status in ContractStatus.values else "",
        competition=_int(params.get("competition")),
    )


def contracts_for_desk(*, centre: Centre, filters: DeskFilters | None = None) -> QuerySet[Contract]:
    filters = filters or DeskFilters()
    qs = Contract.objects.filter(centre=centre).select_related("organisation", "offer__competition")
    if filters.year:
        qs = qs.filter(start_date__year=filters.year)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.competition:
        qs = qs.filter(offer__competition_id=filters.competition)
    return qs.order_by("-start_date", "-id")


def contracts_export_rows(*, centre: Centre, filters: DeskFilters | None = None):
    """The contracts register as the desk filters it: the header, then one row per contract (read in chunks)."""
    header = [
        _("Numer umowy"),
        _("Tryb"),
        _("Konkurs"),
        _("Organizacja"),
        _("Tytuł zadania"),
        _("Data zawarcia"),
        _("Rozpoczęcie"),
        _("Zakończenie"),
        _("Kwota dotacji"),
        _("Wkład własny finansowy"),
        _("Wkład osobowy"),
        _("Wkład rzeczowy"),
        _("Koszt całkowity"),
        _("Udział dotacji (%)"),
        _("Termin wykorzystania dotacji"),
        _("Termin sprawozdania końcowego"),
        _("Status"),
    ]
    rows = (
        [
            c.number,
            c.get_kind_display(),
            c.offer.competition.title if c.offer_id else "",
            c.organisation.name,
            c.title,
            c.concluded_on,
            c.start_date,
            c.end_date,
            c.grant_amount,
            c.own_financial,
            c.own_personal,
            c.own_material,
            c.total_cost,
            c.grant_share_percent,
            c.spending_deadline,
            c.final_report_due_on,
            c.get_status_display(),
        ]
        for c in contracts_for_desk(centre=centre, filters=filters).iterator(chunk_size=500)
    )
    return header, rows


def contract_years(*, centre: Centre) -> list[int]:
    dates = Contract.objects.filter(centre=centre).dates("start_date", "year", order="DESC")
    return [d.year for d in dates]


def competitions_with_contracts(*, centre: Centre) -> QuerySet[Competition]:
    return (
        Competition.objects.filter(centre=centre, offers__contract__isnull=False)
        .distinct()
        .order_by("-budget_year", "title")
    )


def contracts_for_organisation_member(*, centre: Centre, user) -> QuerySet[Contract]:
    """The contracts of the organisations `user` belongs to."""
    if not getattr(user, "is_authenticated", False):
        return Contract.objects.none()
    return (
        Contract.objects.filter(centre=centre, organisation__memberships__user=user)
        .select_related("organisation")
        .order_by("-start_date", "-id")
        .distinct()
    )


def selected_offers_with_contracts(*, centre: Centre, competition_id: int) -> list[Offer]:
    """The selected offers of a competition with their updated budget and contract (the board's tab)."""
    return list(
        Offer.objects.filter(centre=centre, competition_id=competition_id, status=OfferStatus.SELECTED)
        .select_related("organisation", "contract", "budget_update")
        .order_by("number", "id")
    )


def budget_update_of(offer: Offer) -> BudgetUpdate | None:
    return BudgetUpdate.objects.filter(offer=offer).prefetch_related("actions", "lines").first()


def budget_update_shares(update: BudgetUpdate) -> list:
    """The updated budget's V.C, offeror by offeror and year."""
    return list(update.shares.select_related("offeror"))


def budget_update_offer_id(*, centre: Centre, pk: int) -> int:
    """The offer an updated budget belongs to, for loading it the offer's way; 404 for another centre's id."""
    from django.http import Http404

    from ..models import BudgetUpdate

    offer_id = BudgetUpdate.objects.filter(centre=centre, pk=pk).values_list("offer_id", flat=True).first()
    if offer_id is None:
        raise Http404
    return offer_id


def offer_for_budget_update(*, centre: Centre, pk, user) -> Offer:
    """A selected offer whose updated budget `user` may read (its organisation, officials), or 404."""
    from .offers import offer_get_visible

    offer = offer_get_visible(centre=centre, pk=pk, user=user)
    if offer.status != OfferStatus.SELECTED or not (
        can_prepare_offer_for(user, offer.organisation) or is_grants_official(user, centre)
    ):
        raise Http404
    return offer


def offer_contract_state(offer: Offer, user) -> dict:
    """What the offer's page shows of what follows the results: the updated budget and the contract."""
    from ..services.contracts import update_needed

    if offer.status != OfferStatus.SELECTED or not can_view_offer(user, offer):
        return {}
    contract = Contract.objects.filter(offer=offer).only("pk", "number", "status", "centre_id").first()
    update = BudgetUpdate.objects.filter(offer=offer).only("pk", "status", "status_reason").first()
    official = is_grants_official(user, offer.centre)
    member = can_prepare_offer_for(user, offer.organisation)
    return {
        "offer": offer,
        "needed": update_needed(offer),
        "update": update,
        "contract": contract,
        "official": official,
        "member": member,
    }


def contract_document_context(contract: Contract) -> dict:
    """What the contract's page and its PDF show: the parties, the variables, the cost table by category
    (its annex), the results and the annexes."""
    lines = planned_lines(contract)
    actions = [ln for ln in lines if ln.category == CostCategory.ACTIONS]
    admin = [ln for ln in lines if ln.category == CostCategory.ADMINISTRATIVE]
    own = contract.own_financial + contract.own_personal + contract.own_material
    years = list(range(contract.start_date.year, contract.end_date.year + 1))
    return {
        "contract": contract,
        "centre": contract.centre,
        "organisation": contract.organisation,
        "offer": contract.offer,
        "competition": contract.offer.competition if contract.offer_id else None,
        "action_lines": actions,
        "admin_lines": admin,
        "actions_total": sum((ln.value for ln in actions), B.ZERO),
        "admin_total": sum((ln.value for ln in admin), B.ZERO),
        "lines_total": sum((ln.value for ln in lines), B.ZERO),
        "results": list(contract.results.all()),
        "own_total": own,
        "own_non_financial": contract.own_personal + contract.own_material,
        "multi_year": len(years) > 1,
        "years": years,
        "annexes": [a for a in contract.annexes.all() if a.status == AnnexStatus.SIGNED],
    }


FIELD_LABELS = {
    "grant_amount": lambda: _("kwota dotacji"),
    "start_date": lambda: _("data rozpoczęcia realizacji zadania"),
    "end_date": lambda: _("data zakończenia realizacji zadania"),
    "spending_deadline": lambda: _("termin wykorzystania dotacji"),
    "bank_account": lambda: _("numer rachunku bankowego"),
    "final_report_due_on": lambda: _("termin złożenia sprawozdania końcowego"),
}


def annex_change_rows(annex: ContractAnnex) -> list[tuple[str, str, str]]:
    """(what, before, after) of each change of an annex: before from the values it replaced once signed,
    else from the contract as it is now."""
    contract = annex.contract
    previous = annex.previous or {}
    rows = []
    for name, label in FIELD_LABELS.items():
        if name in (annex.changes or {}) or (name in previous and annex.status == AnnexStatus.SIGNED):
            before = previous.get(name, str(getattr(contract, name)))
            after = (annex.changes or {}).get(name) or str(getattr(contract, name))
            rows.append((str(label()), str(before), str(after)))
    line_changes = (annex.changes or {}).get("lines") or {}
    if line_changes:
        lines = {str(ln.pk): ln for ln in contract.cost_lines.all()}
        for pk, value in line_changes.items():
            line = lines.get(pk)
            name = _("pozycja kosztorysu: %(kind)s") % {"kind": line.kind if line else pk}
            before = (previous.get("lines") or {}).get(pk) or (str(line.value) if line else "")
            rows.append((name, str(before), str(value)))
    return rows


def representation_for(organisation) -> dict:
    """Who may sign for the organisation: the KRS extract's representation when one is kept (the organ,
    the way of representation, its members), else nothing and the official types the names."""
    from centrum.organisations.services.krs import krs_representation_cached

    found = krs_representation_cached(organisation.krs) if organisation.krs else None
    if found is None:
        return {"persons": [], "method": "", "organ": "", "fetched_at": None}
    rep, fetched_at = found
    return {
        "persons": [{"name": n, "function": f} for n, f in rep.persons],
        "method": rep.method,
        "organ": rep.organ,
        "fetched_at": fetched_at,
    }


def recorded_contributions(*, centre, organisation, start, end, settings=None) -> dict:
    """What other apps recorded of the organisation's work in [start, end] (volunteers' confirmed hours,
    valued), for the personal-contribution fields of offers and reports: {"contributions", "period"}."""
    from centrum.core.indicators import contributions_for

    found = contributions_for(centre, organisation, start, end, settings=settings)
    return {"contributions": found, "period": (start, end)}
