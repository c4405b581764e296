"""The consultations API (`/api/v1/consultations`): public consultations with their draft's units, and the
comments with answers once they are public."""

from datetime import date

from django.http import HttpRequest
from ninja import Path, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, require_centre
from centrum.api.schemas.common import ERRORS_READ, MAX_ID

from .selectors import consultation_get_for, public_consultations, units_of, visible_comments

router = Router(tags=["consultations"])
ConsultationId = Path(..., ge=1, le=MAX_ID)


class ConsultationOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    starts_on: date
    ends_on: date
    version: int


class UnitOut(Schema):
    number: str
    heading: str
    text: str
    level: int


class CommentOut(Schema):
    unit: str | None
    signed_by: str
    proposal: str
    justification: str
    status: str
    answer: str


class ConsultationDetailOut(ConsultationOut):
    units: list[UnitOut]
    comments: list[CommentOut] | None


def _consultation(c) -> dict:
    return {
        "id": c.pk,
        "title": c.title,
        "kind": c.kind.name,
        "status": c.status,
        "starts_on": c.starts_on,
        "ends_on": c.ends_on,
        "version": c.version,
    }


@router.get("", response=list[ConsultationOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def list_consultations(request: HttpRequest):
    lists = public_consultations(centre=require_centre(request))
    return [_consultation(c) for c in lists["open"] + lists["ended"]]


@router.get(
    "/{pk}", response={200: ConsultationDetailOut, **ERRORS_READ}, auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI
)
def get_consultation(request: HttpRequest, pk: int = ConsultationId):
    c = consultation_get_for(centre=require_centre(request), user=request.auth, pk=pk)
    comments = visible_comments(c, request.auth)
    return {
        **_consultation(c),
        "units": [
            {"number": u.number, "heading": u.heading, "text": u.text, "level": u.level} for u in units_of(c)
        ],
        "comments": None
        if comments is None
        else [
            {
                "unit": x.unit.number if x.unit_id else None,
                "signed_by": x.signed_by,
                "proposal": x.proposal,
                "justification": x.justification,
                "status": x.status,
                "answer": x.answer,
            }
            for x in comments
        ],
    }
