"""The volunteer centre's API (`/api/v1/volunteers`): the public list of published offers and one offer,
and for staff the statistics (counts only, no personal data)."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Path, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, MAX_ID, ErrorOut
from centrum.core.calendar import warsaw_today
from centrum.core.richtext import plain_text

from .permissions import can_work_in_centre
from .selectors import offer_get_for, offer_list_public, statistics

router = Router(tags=["volunteers"])
OfferId = Path(..., ge=1, le=MAX_ID)  # beyond the database's integers is a 422, not a 500
API_PAGE = 100


class OfferOut(Schema):
    id: int
    title: str
    host: str
    kind: str
    place: str
    district: str
    starts_on: date
    ends_on: date | None
    capacity: int
    free_places: int
    for_minors: bool
    fields: list[str]
    description: str


class StatisticsOut(Schema):
    year: int
    volunteers: int
    offers: int
    applications: int
    matches: int
    agreements: int
    hours_total: float


def _offer(offer) -> dict:
    return {
        "id": offer.pk,
        "title": offer.title,
        "host": str(offer.host),
        "kind": offer.kind,
        "place": offer.place,
        "district": offer.district.name if offer.district_id else "",
        "starts_on": offer.starts_on,
        "ends_on": offer.ends_on,
        "capacity": offer.capacity,
        "free_places": offer.free_places,
        "for_minors": offer.for_minors,
        "fields": [area.code for area in offer.areas.all()],
        "description": plain_text(offer.description),
    }


@router.get(
    "/offers", response=list[OfferOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI, url_name="volunteer_offers"
)
def list_offers(request: HttpRequest):
    return [_offer(o) for o in offer_list_public(centre=require_centre(request))[:API_PAGE]]


@router.get(
    "/offers/{pk}",
    response={200: OfferOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    url_name="volunteer_offer_detail",
)
def get_offer(request: HttpRequest, pk: int = OfferId):
    return _offer(offer_get_for(centre=require_centre(request), user=request.auth, pk=pk))


@router.get(
    "/statistics",
    response={200: StatisticsOut, 401: ErrorOut, 403: ErrorOut},
    auth=REQUIRED,
    url_name="volunteer_statistics",
)
def get_statistics(request: HttpRequest):
    centre = require_centre(request)
    if not can_work_in_centre(request.auth, centre):
        raise PermissionDenied
    data = statistics(centre=centre, year=warsaw_today().year)
    return {
        **{k: data[k] for k in ("year", "volunteers", "offers", "applications", "matches", "agreements")},
        "hours_total": float(data["hours_total"]),
    }
