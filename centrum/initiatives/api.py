"""The local-initiatives API (`/api/v1/initiatives`): the public list of initiatives carried out with their
contributions, the statistics, and for officials every application (the desk's export as JSON)."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, ErrorOut

from .permissions import can_manage_initiatives
from .rules import money
from .selectors import initiatives_carried_out, initiatives_for_desk, statistics

router = Router(tags=["initiatives"])
API_PAGE = 100
ZERO = Decimal("0")


class InitiativeOut(Schema):
    id: int
    number: str
    title: str
    applicant: str
    area_code: str
    area: str
    status: str
    starts_on: date
    ends_on: date
    work_hours: Decimal
    work_value: Decimal
    money_value: Decimal
    in_kind_value: Decimal
    municipality_amount: Decimal
    municipality_in_kind_value: Decimal
    signed_on: date | None
    completed_on: date | None


class DeskRowOut(InitiativeOut):
    submitted_at: datetime | None


class StatisticsOut(Schema):
    year: int | None
    applications: int
    accepted: int
    agreements: int
    completed: int
    work_hours: Decimal
    work_value: Decimal


def _row(i) -> dict:
    return {
        "id": i.pk,
        "number": i.number,
        "title": i.title,
        "applicant": i.applicant_name,
        "area_code": i.area.code,
        "area": i.area.name,
        "status": i.status,
        "starts_on": i.starts_on,
        "ends_on": i.ends_on,
        "work_hours": i.work_hours or ZERO,
        "work_value": money(i.work_value or ZERO),
        "money_value": money(i.money_value or ZERO),
        "in_kind_value": money(i.in_kind_value or ZERO),
        "municipality_amount": i.municipality_amount,
        "municipality_in_kind_value": i.municipality_in_kind_value,
        "signed_on": i.signed_on,
        "completed_on": i.completed_on,
        "submitted_at": i.submitted_at,
    }


@router.get(
    "",
    response={200: list[InitiativeOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Zrealizowane inicjatywy lokalne / local initiatives carried out",
)
def initiatives_list(request: HttpRequest, year: int | None = None, page: int = 1):
    centre = require_centre(request)
    page = max(page, 1)
    rows = initiatives_carried_out(centre=centre, year=year)[(page - 1) * API_PAGE : page * API_PAGE]
    return [_row(i) for i in rows]


@router.get(
    "/statistics",
    response={200: StatisticsOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Statystyka inicjatyw lokalnych / statistics",
)
def initiatives_statistics(request: HttpRequest, year: int | None = None):
    centre = require_centre(request)
    return statistics(centre=centre, year=year)


@router.get(
    "/applications",
    response={200: list[DeskRowOut], **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Wszystkie wnioski (urzędnicy) / every application (officials)",
)
def initiatives_applications(request: HttpRequest, status: str = "", page: int = 1):
    centre = require_centre(request)
    if not can_manage_initiatives(request.auth, centre):
        raise PermissionDenied
    page = max(page, 1)
    rows = initiatives_for_desk(centre=centre, status=status)[(page - 1) * API_PAGE : page * API_PAGE]
    return [_row(i) for i in rows]
