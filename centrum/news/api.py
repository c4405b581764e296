"""The news API (`/api/v1/news`): published news and events of the centre, the newest first (news) or by
start (coming events), in pages of `API_PAGE`."""

from datetime import datetime
from decimal import Decimal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, require_centre
from centrum.api.schemas.common import ERRORS_READ, MAX_ID
from centrum.core.richtext import clean_html

from .selectors import event_get_for, event_list_public, news_get_for, news_list_public

router = Router(tags=["news"])
ItemId = Path(..., ge=1, le=MAX_ID)  # beyond the database's integers is a 422, not a 500
PageNumber = Query(1, ge=1, le=100000)
API_PAGE = 50


class NewsOut(Schema):
    id: int
    title: str
    lead: str
    organisation: str
    published_at: datetime | None
    url: str


class NewsDetailOut(NewsOut):
    body_html: str


class EventOut(Schema):
    id: int
    title: str
    organiser: str
    organiser_kind: str
    place: str
    starts_at: datetime
    ends_at: datetime
    audience: str
    accessibility: list[str]
    accessibility_notes: str
    registration_url: str
    price: Decimal | None
    url: str


def _news(item, *, body: bool = False) -> dict:
    row = {
        "id": item.pk,
        "title": item.title,
        "lead": item.lead,
        "organisation": item.organisation.name if item.organisation_id else "",
        "published_at": item.published_at,
        "url": item.get_absolute_url(),
    }
    if body:
        row["body_html"] = clean_html(item.body)
    return row


def _event(event) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "organiser": event.organiser_label(),
        "organiser_kind": event.organiser_kind,
        "place": event.place,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "audience": event.audience,
        "accessibility": list(event.accessibility),
        "accessibility_notes": event.accessibility_notes,
        "registration_url": event.registration_url,
        "price": event.price,
        "url": event.get_absolute_url(),
    }


def _page(rows, page: int):
    start = (page - 1) * API_PAGE
    return rows[start : start + API_PAGE]


@router.get("", response=list[NewsOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def news_items(request: HttpRequest, page: int = PageNumber):
    return [_news(i) for i in _page(news_list_public(centre=require_centre(request)), page)]


@router.get("/events", response=list[EventOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def news_events(request: HttpRequest, page: int = PageNumber):
    events = event_list_public(centre=require_centre(request), start=timezone.now())
    return [_event(e) for e in _page(events, page)]


@router.get(
    "/events/{pk}", response={200: EventOut, **ERRORS_READ}, auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI
)
def news_event(request: HttpRequest, pk: int = ItemId):
    return _event(event_get_for(centre=require_centre(request), user=request.auth, pk=pk))


@router.get("/{pk}", response={200: NewsDetailOut, **ERRORS_READ}, auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def news_item(request: HttpRequest, pk: int = ItemId):
    return _news(news_get_for(centre=require_centre(request), user=request.auth, pk=pk), body=True)
