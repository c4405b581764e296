"""The programmes API (`/api/v1/programmes`): public programmes with their priority tasks, and the planned NGO
grants of each budget year (the figure in force on a day)."""

from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from ninja import Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, require_centre
from centrum.api.schemas.common import ERRORS_READ
from centrum.core.calendar import warsaw_today

from .selectors import planned_ngo_grants, programme_get_for, programme_tasks, programmes_for

router = Router(tags=["programmes"])


class TaskOut(Schema):
    id: int
    title: str
    sphere: str | None
    year: int | None
    planned_amount: Decimal


class ProgrammeOut(Schema):
    id: int
    title: str
    status: str
    first_year: int
    last_year: int
    resolution_number: str
    adopted_on: date | None


class ProgrammeDetailOut(ProgrammeOut):
    tasks: list[TaskOut]


class PlannedGrantsOut(Schema):
    year: int
    on: date
    amount: Decimal | None


def _programme(p) -> dict:
    return {
        "id": p.pk,
        "title": p.title,
        "status": p.status,
        "first_year": p.first_year,
        "last_year": p.last_year,
        "resolution_number": p.resolution_number,
        "adopted_on": p.adopted_on,
    }


@router.get(
    "",
    response={200: list[ProgrammeOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Programy współpracy / cooperation programmes",
)
def programmes(request: HttpRequest):
    centre = require_centre(request)
    return [_programme(p) for p in programmes_for(centre=centre, user=request.user)]


@router.get(
    "/planned-grants/{year}",
    response={200: PlannedGrantsOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Planowane dotacje roku / planned NGO grants of a year",
)
def planned(request: HttpRequest, year: int, on: date | None = None):
    centre = require_centre(request)
    day = on or warsaw_today()
    return {"year": year, "on": day, "amount": planned_ngo_grants(centre=centre, year=year, on=day)}


@router.get(
    "/{programme_id}",
    response={200: ProgrammeDetailOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Program z zadaniami / a programme with its tasks",
)
def programme(request: HttpRequest, programme_id: int):
    centre = require_centre(request)
    item = programme_get_for(centre=centre, user=request.user, pk=programme_id)
    tasks = [
        {
            "id": t.pk,
            "title": t.title,
            "sphere": t.sphere.label if t.sphere else None,
            "year": t.year,
            "planned_amount": t.planned_amount,
        }
        for t in programme_tasks(item)
    ]
    return {**_programme(item), "tasks": tasks}
