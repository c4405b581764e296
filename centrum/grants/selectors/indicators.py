"""The grants app's hard indicator of the cooperation-quality index (`centrum.core.indicators`): the grants
contracted with organisations in a calendar year (every mode; a draft terminated before signing does not
count) as a share of the NGO grants the budget planned for that year (the cooperation programme's planned
funds, `programmes.PlannedGrants`, as in force at the year's end). None while no plan is recorded."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from ..choices import ContractStatus
from ..models import Contract


def planned_grants_share(centre, year: int) -> Decimal | None:
    from centrum.programmes.selectors import planned_ngo_grants

    planned = planned_ngo_grants(centre=centre, year=year, on=date(year, 12, 31))
    if not planned:
        return None
    awarded = Contract.objects.filter(centre=centre, concluded_on__year=year).exclude(
        status=ContractStatus.TERMINATED, signed_at__isnull=True
    ).exclude(status=ContractStatus.DRAFT).aggregate(total=Sum("grant_amount"))["total"] or Decimal(0)
    return (awarded * 100 / planned).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
