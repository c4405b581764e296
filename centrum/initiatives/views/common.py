"""What every page of the app shares: the official's check, the user's organisations, the year filter."""

from django.core.exceptions import PermissionDenied

from .. import rules
from ..permissions import (
    can_manage_initiatives,
)
from ..selectors import (
    organisations_of_member,
)


def _official(request) -> None:
    if not can_manage_initiatives(request.user, request.centre):
        raise PermissionDenied


def _organisations(request):
    return organisations_of_member(centre=request.centre, user=request.user)


def _year(request) -> int | None:
    try:
        year = int(request.GET.get("rok", ""))
    except ValueError:
        return None
    return year if 2000 <= year <= 2100 else None


def _cost_totals(costs) -> dict:
    from ..choices import CostPayer

    totals = {payer: rules.money(0) for payer in CostPayer.values}
    for cost in costs:
        totals[cost.payer] += cost.amount
    totals["total"] = sum((totals[p] for p in CostPayer.values), rules.money(0))
    return totals
