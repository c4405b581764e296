"""JSON API of the knowledge platform (public): good practices, articles and the open funding calls of
every source."""

from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from ninja import Path, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, require_centre
from centrum.api.schemas.common import ERRORS_READ, MAX_ID
from centrum.core.calendar import warsaw_today

from .selectors import all_funding_calls, article_list_for, practice_get_for, practice_list_public

router = Router(tags=["knowledge"])
ItemId = Path(..., ge=1, le=MAX_ID)


class PracticeOut(Schema):
    id: int
    title: str
    summary: str
    government_kind: str
    locality: str
    voivodeship: str
    implementing_unit: str
    population: int | None
    source: str
    licence: str
    added_on: date
    updated_on: date


class ArticleOut(Schema):
    id: int
    title: str
    lead: str
    category: str

    @staticmethod
    def resolve_category(obj) -> str:
        return obj.category.name


class CallOut(Schema):
    title: str
    url: str
    funder: str
    deadline: date | None
    amount: Decimal | None
    fields: list[str]
    kind: str

    @staticmethod
    def resolve_deadline(obj):
        deadline = obj.deadline
        return deadline.date() if hasattr(deadline, "date") else deadline


@router.get("/practices", response=list[PracticeOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def list_practices(request: HttpRequest):
    return list(practice_list_public(centre=require_centre(request))[:500])


@router.get(
    "/practices/{pk}", response={200: PracticeOut, **ERRORS_READ}, auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI
)
def get_practice(request: HttpRequest, pk: int = ItemId):
    return practice_get_for(centre=require_centre(request), user=request.auth, pk=pk)


@router.get("/articles", response=list[ArticleOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def list_articles(request: HttpRequest):
    return list(article_list_for(centre=require_centre(request), user=None)[:500])


@router.get("/calls", response=list[CallOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def list_calls(request: HttpRequest):
    return all_funding_calls(centre=require_centre(request), today=warsaw_today())
