"""The competitions API (`/api/v1/grants/competitions`): the announced competitions (public) and, for the
centre's officials with a token or a session, a competition's filed offers."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, ErrorOut

from ..permissions import is_grants_official
from ..selectors import (
    PUBLIC_FILTERS,
    competition_board_offers,
    competition_get_for_official,
    competition_get_visible,
    competitions_public_filtered,
)

router = Router(tags=["grants"])

API_PAGE = 100


class PublicationOut(Schema):
    purpose: str
    channel: str
    published_on: date
    address: str


class CompetitionOut(Schema):
    id: int
    number: str
    title: str
    status: str
    kind: str
    budget_year: int
    organ: str
    task_kind: str
    funds_total: Decimal
    max_grant: Decimal | None
    min_own_contribution_percent: Decimal
    offers_deadline: datetime
    selection_date: date
    task_start: date
    task_end: date
    url: str


class CompetitionDetailOut(CompetitionOut):
    award_rules: str
    implementation_terms: str
    selection_procedure: str
    previous_funding: str
    publications: list[PublicationOut]


class CompetitionQuery(Schema):
    state: str = ""
    year: int | None = None
    page: int = 1


class OfferRowOut(Schema):
    id: int
    number: str
    organisation: str
    title: str
    status: str
    requested_grant: Decimal
    total_cost: Decimal
    awarded_grant: Decimal | None
    submitted_at: datetime | None
    confirmation_received_at: datetime | None


def _out(c) -> dict:
    return {
        **{name: getattr(c, name) for name in CompetitionOut.model_fields if name not in ("id", "url")},
        "id": c.pk,
        "url": c.get_absolute_url(),
    }


@router.get(
    "/competitions",
    response={200: list[CompetitionOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Konkursy ofert / open competitions",
)
def competitions(request: HttpRequest, query: Query[CompetitionQuery]):
    """Ogłoszone konkursy; `state`: otwarte | zamkniete | rozstrzygniete; po 100 na stronę (`page`).
    / Announced competitions, 100 a page."""
    state = query.state if query.state in PUBLIC_FILTERS else ""
    page = max(query.page, 1)
    rows = competitions_public_filtered(centre=require_centre(request), state=state, year=query.year)
    return [_out(c) for c in rows[(page - 1) * API_PAGE : page * API_PAGE]]


@router.get(
    "/competitions/{competition_id}",
    response={200: CompetitionDetailOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Ogłoszenie konkursu / a competition's announcement",
)
def competition_detail(request: HttpRequest, competition_id: int):
    c = competition_get_visible(centre=require_centre(request), pk=competition_id, user=request.auth)
    return {
        **_out(c),
        **{
            n: getattr(c, n)
            for n in ("award_rules", "implementation_terms", "selection_procedure", "previous_funding")
        },
        "publications": [
            {"purpose": p.purpose, "channel": p.channel, "published_on": p.published_on, "address": p.address}
            for p in c.publications.all()
        ],
    }


@router.get(
    "/competitions/{competition_id}/offers",
    response={200: list[OfferRowOut], **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Oferty złożone w konkursie (urzędnicy) / a competition's filed offers (officials)",
)
def competition_offers(request: HttpRequest, competition_id: int, page: int = 1):
    centre = require_centre(request)
    if not is_grants_official(request.auth, centre):
        raise PermissionDenied
    competition = competition_get_for_official(centre=centre, pk=competition_id, user=request.auth)
    page = max(page, 1)
    offers = competition_board_offers(competition=competition)[(page - 1) * API_PAGE : page * API_PAGE]
    return [
        {
            "id": o.pk,
            "number": o.number,
            "organisation": o.organisation.name,
            "title": o.title,
            "status": o.status,
            "requested_grant": o.requested_grant,
            "total_cost": o.total_cost,
            "awarded_grant": o.awarded_grant,
            "submitted_at": o.submitted_at,
            "confirmation_received_at": o.confirmation_received_at,
        }
        for o in offers
    ]
