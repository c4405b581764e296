"""JSON API of councils: the bodies with their composition and the register of opinions (public)."""

from datetime import date

from django.http import HttpRequest
from ninja import Path, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, require_centre
from centrum.api.schemas.common import ERRORS_READ, MAX_ID

from .selectors import body_get_for, body_list, composition, opinion_list

router = Router(tags=["councils"])
BodyId = Path(..., ge=1, le=MAX_ID)


class MemberOut(Schema):
    person_name: str
    side: str
    role: str
    organisation: str | None


class BodyOut(Schema):
    id: int
    name: str
    kind: str
    term_start: date | None
    term_end: date | None


class BodyDetailOut(BodyOut):
    members: list[MemberOut]


class OpinionOut(Schema):
    id: int
    body_id: int
    subject: str
    subject_ref: str
    received_on: date
    deadline: date
    status: str
    verdict: str
    given_on: date | None


def _body(body) -> dict:
    return {
        "id": body.pk,
        "name": body.name,
        "kind": body.kind.name,
        "term_start": body.term_start,
        "term_end": body.term_end,
    }


@router.get("", response=list[BodyOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def list_bodies(request: HttpRequest):
    return [_body(b) for b in body_list(centre=require_centre(request))]


@router.get("/opinions", response=list[OpinionOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def list_opinions(request: HttpRequest):
    return [
        {
            "id": o.pk,
            "body_id": o.body_id,
            "subject": o.subject_text,
            "subject_ref": o.subject_ref,
            "received_on": o.received_on,
            "deadline": o.deadline,
            "status": o.status,
            "verdict": o.verdict,
            "given_on": o.given_on,
        }
        for o in opinion_list(centre=require_centre(request))[:500]
    ]


@router.get("/{pk}", response={200: BodyDetailOut, **ERRORS_READ}, auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def get_body(request: HttpRequest, pk: int = BodyId):
    body = body_get_for(centre=require_centre(request), pk=pk)
    members = [
        {
            "person_name": m.person_name,
            "side": m.side,
            "role": m.role,
            "organisation": m.organisation.name if m.organisation_id else None,
        }
        for m in composition(body)["members"]
    ]
    return {**_body(body), "members": members}
