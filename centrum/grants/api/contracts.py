"""The contracts API (`/api/v1/grants/contracts`), read-only: officials list the centre's contracts (the
desk's filters); officials and the organisation's members read one contract with its cost lines, results
and annexes. The same selectors as the pages."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Path, Query, Router, Schema

from centrum.api.auth import REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, ERRORS_WRITE, MAX_ID

from ..permissions import is_grants_official
from ..selectors.contracts import contract_get_visible, contracts_for_desk, desk_filters, planned_lines

router = Router(tags=["grants"])
ContractId = Path(..., ge=1, le=MAX_ID)


class ContractOut(Schema):
    id: int
    kind: str
    status: str
    number: str
    title: str
    organisation_id: int
    offer_id: int | None
    concluded_on: date | None
    start_date: date
    end_date: date
    grant_amount: Decimal
    own_financial: Decimal
    own_personal: Decimal
    own_material: Decimal
    recipient_fees: Decimal
    total_cost: Decimal
    grant_share_percent: Decimal
    share_tolerance_points: Decimal
    line_tolerance_percent: Decimal
    spending_deadline: date
    bank_account: str
    final_report_due_on: date
    partial_report_due_dates: list[str]
    checksum: str
    signed_at: datetime | None


class CostLineOut(Schema):
    id: int
    category: str
    action_name: str
    position: int
    kind: str
    unit: str
    unit_cost: Decimal
    units: Decimal
    value: Decimal


class ResultOut(Schema):
    name: str
    target_value: Decimal
    monitoring: str


class AnnexOut(Schema):
    id: int
    number: int
    status: str
    concluded_on: date
    description: str
    changes: dict
    previous: dict


class ContractDetailOut(ContractOut):
    cost_lines: list[CostLineOut]
    results: list[ResultOut]
    annexes: list[AnnexOut]
    representatives: list[dict]


class ContractFilters(Schema):
    year: int | None = None
    kind: str = ""
    status: str = ""
    competition: int | None = None


def _out(contract) -> dict:
    return {name: getattr(contract, name) for name in ContractOut.model_fields}


@router.get("", response={200: list[ContractOut], **ERRORS_READ, 403: ERRORS_WRITE[403]}, auth=REQUIRED)
def contract_list(request: HttpRequest, filters: Query[ContractFilters]):
    """The centre's contracts (officials), filtered by year, kind, status and competition."""
    centre = require_centre(request)
    if not is_grants_official(request.auth, centre):
        raise PermissionDenied
    params = {k: "" if v is None else str(v) for k, v in filters.dict().items()}
    return [_out(c) for c in contracts_for_desk(centre=centre, filters=desk_filters(params))]


@router.get("/{contract_id}", response={200: ContractDetailOut, **ERRORS_READ}, auth=REQUIRED)
def contract_get(request: HttpRequest, contract_id: int = ContractId):
    contract = contract_get_visible(centre=require_centre(request), pk=contract_id, user=request.auth)
    return {
        **_out(contract),
        "cost_lines": planned_lines(contract),
        "results": list(contract.results.all()),
        "annexes": list(contract.annexes.all()),
        "representatives": list(contract.representatives or []),
    }
