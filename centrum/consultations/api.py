"""The consultations API (`/api/v1/consultations`): public consultations with their draft's units, the
comments with answers once they are public, and a comment sent by a signed-in person (for an organisation
they belong to, or as a resident) under the same rules as the page's form."""

from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema, Status

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, ERRORS_WRITE, MAX_ID, Id, Text
from centrum.core.exceptions import ApplicationError

from .selectors import (
    consultation_get_for,
    current_units,
    organisations_acting_for,
    public_consultations,
    units_of,
    visible_comments,
)
from .services import comment_submit

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


class CommentIn(Schema):
    unit: Text(50) = ""
    organisation_id: Id | None = None
    proposal: Text(20_000, min_length=1)
    justification: Text(20_000, min_length=1)


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
        "comments": None if comments is None else [_comment(x) for x in comments],
    }


def _comment(x) -> dict:
    return {
        "unit": x.unit.number if x.unit_id else None,
        "signed_by": x.signed_by,
        "proposal": x.proposal,
        "justification": x.justification,
        "status": x.status,
        "answer": x.answer,
    }


@router.post(
    "/{consultation_id}/comments",
    response={201: CommentOut, **ERRORS_WRITE},
    auth=REQUIRED,
    url_name="consultation_comment",
)
def comment(request: HttpRequest, payload: CommentIn, consultation_id: int = ConsultationId):
    """Uwaga do projektu: do jednostki (jej numer, np. „§ 3”) albo ogólna; w imieniu organizacji, do której
    należysz, albo jako mieszkaniec. / A comment on a unit (its number) or a general one, signed for an
    organisation you belong to or as a resident."""
    centre = require_centre(request)
    consultation = consultation_get_for(centre=centre, user=request.auth, pk=consultation_id)
    unit = None
    if payload.unit.strip():
        unit = current_units(consultation).filter(number=payload.unit.strip()).first()
        if unit is None:
            raise ApplicationError(_("Wybierz jednostkę z konsultowanego projektu."), field="unit")
    organisation = None
    if payload.organisation_id is not None:
        organisation = (
            organisations_acting_for(centre=centre, user=request.auth)
            .filter(pk=payload.organisation_id)
            .first()
        )
        if organisation is None:
            raise ApplicationError(
                _("Uwagę w imieniu organizacji podpisuje jej członek."), field="organisation_id"
            )
    made = comment_submit(
        consultation=consultation,
        actor=request.auth,
        unit=unit,
        organisation=organisation,
        proposal=payload.proposal,
        justification=payload.justification,
    )
    return Status(201, _comment(made))
