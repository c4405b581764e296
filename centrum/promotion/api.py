"""JSON API of promotion: the public lists of companies (CSR), activation offers and OPP organisations."""

from datetime import date

from django.http import HttpRequest
from ninja import Path, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, require_centre
from centrum.api.schemas.common import ERRORS_READ, MAX_ID

from .selectors import activation_offer_get, activation_offer_list, company_get_visible, company_list_public

router = Router(tags=["promotion"])
ItemId = Path(..., ge=1, le=MAX_ID)  # beyond the database's integers is a 422, not a 500
LIST_LIMIT = 500


class CompanyOut(Schema):
    id: int
    name: str
    nip: str
    city: str
    description: str
    offers_volunteering: bool
    offers_in_kind: bool
    offers_money: bool
    offer_details: str
    www: str


class ActivationOfferOut(Schema):
    id: int
    body: str
    body_kind: str
    title: str
    description: str
    audience: str
    starts_on: date | None
    ends_on: date | None
    link: str


@router.get("/companies", response=list[CompanyOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def promotion_companies(request: HttpRequest):
    return list(company_list_public(centre=require_centre(request))[:LIST_LIMIT])


@router.get(
    "/companies/{pk}", response={200: CompanyOut, **ERRORS_READ}, auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI
)
def promotion_company(request: HttpRequest, pk: int = ItemId):
    return company_get_visible(centre=require_centre(request), pk=pk, user=request.auth)


@router.get(
    "/activation-offers", response=list[ActivationOfferOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI
)
def promotion_activation_offers(request: HttpRequest):
    return list(activation_offer_list(centre=require_centre(request))[:LIST_LIMIT])


@router.get(
    "/activation-offers/{pk}",
    response={200: ActivationOfferOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
)
def promotion_activation_offer(request: HttpRequest, pk: int = ItemId):
    return activation_offer_get(centre=require_centre(request), pk=pk)
