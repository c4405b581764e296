"""The reports API (`/api/v1/grants/reports`), read only: a contract's reports, returns and controls (its
organisation's members and officials), one report with its checks, and the returns register (officials)."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema

from centrum.api.auth import REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, ErrorOut

from ..permissions import is_grants_official
from ..selectors.reports import (
    contract_get_visible,
    contract_panel,
    report_check,
    report_get_visible,
    report_with_rows,
    return_overdue,
    returns_register,
)

router = Router(tags=["grants"])

API_PAGE = 100


class ReportOut(Schema):
    id: int | None
    kind: str
    period_year: int | None
    due_on: date
    status: str
    overdue: bool
    submitted_at: datetime | None


class ReturnOut(Schema):
    id: int
    contract_id: int
    contract_number: str
    organisation: str
    amount: Decimal
    unspent: Decimal
    over_tolerance: Decimal
    extra_amount: Decimal
    extra_reason: str
    due_on: date
    paid_on: date | None
    amount_paid: Decimal | None
    interest: Decimal
    overdue: bool


class RecommendationOut(Schema):
    text: str
    due_on: date
    done_on: date | None


class ControlOut(Schema):
    id: int
    phase: str
    planned_on: date
    protocol_on: date | None
    recommendations: list[RecommendationOut]


class ContractSettlementOut(Schema):
    contract_id: int
    status: str
    reports: list[ReportOut]
    returns: list[ReturnOut]
    controls: list[ControlOut]


class LineOut(Schema):
    kind: str
    planned_value: Decimal
    planned_grant: Decimal
    actual_value: Decimal
    actual_grant: Decimal
    limit: Decimal
    excess: Decimal


class ResultOut(Schema):
    name: str
    target: Decimal
    achieved: Decimal
    missed: bool


class ReportDetailOut(Schema):
    id: int
    contract_id: int
    kind: str
    status: str
    due_on: date
    lines: list[LineOut]
    results: list[ResultOut]
    lines_total: Decimal
    sources_total: Decimal
    grant_spent: Decimal
    unspent: Decimal
    over_tolerance: Decimal
    actual_share: Decimal
    balanced: bool
    share_ok: bool


def _return(r) -> dict:
    return {
        "id": r.pk,
        "contract_id": r.contract_id,
        "contract_number": r.contract.number,
        "organisation": r.contract.organisation.name,
        **{
            n: getattr(r, n)
            for n in (
                "amount",
                "unspent",
                "over_tolerance",
                "extra_amount",
                "extra_reason",
                "due_on",
                "paid_on",
                "amount_paid",
                "interest",
            )
        },
        "overdue": return_overdue(r),
    }


@router.get(
    "/contracts/{contract_id}",
    response={200: ContractSettlementOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Sprawozdania, zwroty i kontrole umowy / a contract's reports, returns and controls",
)
def contract_settlement(request: HttpRequest, contract_id: int):
    contract = contract_get_visible(centre=require_centre(request), pk=contract_id, user=request.auth)
    panel = contract_panel(contract)
    return {
        "contract_id": contract.pk,
        "status": contract.status,
        "reports": [
            {
                "id": e.report.pk if e.report else None,
                "kind": e.kind,
                "period_year": e.period_year,
                "due_on": e.due_on,
                "status": e.report.status if e.report else "not_started",
                "overdue": e.overdue,
                "submitted_at": e.report.submitted_at if e.report else None,
            }
            for e in panel["expected"]
        ],
        "returns": [_return(r) for r in panel["returns"]],
        "controls": [
            {
                "id": c.pk,
                "phase": c.phase,
                "planned_on": c.planned_on,
                "protocol_on": c.protocol_on,
                "recommendations": [
                    {"text": r.text, "due_on": r.due_on, "done_on": r.done_on}
                    for r in c.recommendations.all()
                ],
            }
            for c in panel["controls"]
        ],
    }


@router.get(
    "/{report_id}",
    response={200: ReportDetailOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Sprawozdanie z kontrolą kwot / a report with its checks",
)
def report_detail(request: HttpRequest, report_id: int):
    report = report_with_rows(
        report_get_visible(centre=require_centre(request), pk=report_id, user=request.auth)
    )
    check = report_check(report)
    return {
        "id": report.pk,
        "contract_id": report.contract_id,
        "kind": report.kind,
        "status": report.status,
        "due_on": report.due_on,
        "lines": [
            {
                "kind": line.key.kind,
                **{
                    n: getattr(line, n)
                    for n in (
                        "planned_value",
                        "planned_grant",
                        "actual_value",
                        "actual_grant",
                        "limit",
                        "excess",
                    )
                },
            }
            for line in check.lines
        ],
        "results": [
            {"name": r.key.name, "target": r.target, "achieved": r.achieved, "missed": r.missed}
            for r in check.results
        ],
        "lines_total": check.lines_total,
        "sources_total": check.actual.total,
        "grant_spent": check.grant_spent,
        "unspent": check.unspent,
        "over_tolerance": check.over_tolerance,
        "actual_share": check.actual_share,
        "balanced": check.balanced,
        "share_ok": check.share_ok,
    }


@router.get(
    "/returns/register",
    response={200: list[ReturnOut], **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Rejestr zwrotów dotacji (urzędnicy) / the returns register (officials)",
)
def returns(request: HttpRequest, state: str = "", page: int = 1):
    centre = require_centre(request)
    if not is_grants_official(request.auth, centre):
        raise PermissionDenied
    page = max(page, 1)
    rows = returns_register(centre=centre, state=state)[(page - 1) * API_PAGE : page * API_PAGE]
    return [_return(r) for r in rows]
