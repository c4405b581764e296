"""The small grants API (`/api/v1/grants/small-grants`): the published simplified offers with their comment
periods (public), and for the centre's officials (token or session) every filed offer with its deadlines,
publications and comments."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Path, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, MAX_ID, ErrorOut

from ..permissions import is_grants_official
from ..selectors.small_grants import (
    comments_of,
    comments_public,
    small_grant_get_for_official,
    small_grant_get_public,
    small_grants_export_rows,
    small_grants_public,
)

router = Router(tags=["grants"])
API_PAGE = 100
OfferId = Path(..., ge=1, le=MAX_ID)


class PublicationOut(Schema):
    channel: str
    published_on: date
    address: str


class CommentOut(Schema):
    name: str
    body: str
    filed_at: datetime
    response: str
    responded_at: datetime | None


class SmallGrantOut(Schema):
    id: int
    number: str
    organisation: str
    title: str
    task_kind: str
    start_date: date | None
    end_date: date | None
    requested_grant: Decimal
    total_cost: Decimal
    status: str
    comments_until: date | None
    url: str


class SmallGrantDetailOut(SmallGrantOut):
    place: str
    description: str
    publications: list[PublicationOut]
    comments: list[CommentOut]


class SmallGrantOfficialOut(SmallGrantOut):
    received_on: date | None
    publish_by: date | None
    late_publication_reason: str
    status_reason: str
    contract_id: int | None


def _out(offer) -> dict:
    return {
        **{n: getattr(offer, n) for n in SmallGrantOut.model_fields if n not in ("organisation", "url")},
        "organisation": offer.organisation.name,
        "url": offer.get_absolute_url(),
    }


def _detail(offer, *, with_comments: bool) -> dict:
    return {
        **_out(offer),
        "place": offer.place,
        "description": offer.description,
        "publications": [
            {"channel": p.channel, "published_on": p.published_on, "address": p.address}
            for p in offer.publications.all()
        ],
        "comments": [{n: getattr(c, n) for n in CommentOut.model_fields} for c in comments_of(offer)]
        if with_comments
        else [],
    }


def _official(request):
    centre = require_centre(request)
    if not is_grants_official(request.auth, centre):
        raise PermissionDenied
    return centre


@router.get(
    "/small-grants",
    response={200: list[SmallGrantOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Małe granty: opublikowane oferty / published small-grant offers (art. 19a)",
)
def small_grants_public_api(request: HttpRequest, page: int = 1):
    """Opublikowane oferty uproszczone z terminem uwag; po 100 na stronę. / Published offers, 100 a page."""
    page = max(min(page, 100000), 1)
    rows = small_grants_public(centre=require_centre(request))[(page - 1) * API_PAGE : page * API_PAGE]
    return [_out(o) for o in rows]


@router.get(
    "/small-grants/{offer_id}",
    response={200: SmallGrantDetailOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Mały grant: opublikowana oferta / a published small-grant offer",
)
def small_grant_public_api(request: HttpRequest, offer_id: int = OfferId):
    """Uwagi i odpowiedzi są jawne po okresie uwag. / Comments are public after the comment period."""
    offer = small_grant_get_public(centre=require_centre(request), pk=offer_id)
    return _detail(offer, with_comments=comments_public(offer))


@router.get(
    "/small-grants-desk",
    response={200: list[SmallGrantOfficialOut], **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Małe granty: wszystkie złożone oferty (urzędnicy) / every filed small-grant offer (officials)",
)
def small_grants_desk_api(request: HttpRequest, page: int = 1):
    centre = _official(request)
    page = max(min(page, 100000), 1)
    rows = small_grants_export_rows(centre=centre).order_by("-id")[(page - 1) * API_PAGE : page * API_PAGE]
    return [_official_out(o) for o in rows]


@router.get(
    "/small-grants-desk/{offer_id}",
    response={200: SmallGrantDetailOut, **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Mały grant: oferta z uwagami (urzędnicy) / a small-grant offer with its comments (officials)",
)
def small_grant_desk_api(request: HttpRequest, offer_id: int = OfferId):
    centre = _official(request)
    offer = small_grant_get_for_official(centre=centre, pk=offer_id, user=request.auth)
    return _detail(offer, with_comments=True)


def _official_out(offer) -> dict:
    return {
        **_out(offer),
        **{
            n: getattr(offer, n)
            for n in ("received_on", "publish_by", "late_publication_reason", "status_reason", "contract_id")
        },
    }
