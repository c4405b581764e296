"""The newsletter API (`/api/v1/newsletter`): the topics anyone may subscribe to, and for staff the
announcements with their sending progress."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, ErrorOut

from .permissions import can_manage_newsletter
from .selectors import announcement_list, topics_for

router = Router(tags=["newsletter"])
API_PAGE = 100


class TopicOut(Schema):
    key: str
    label: str
    by_fields: bool


class AnnouncementOut(Schema):
    id: int
    subject: str
    status: str
    scheduled_for: datetime | None
    send_started_at: datetime | None
    finished_at: datetime | None
    recipient_count: int


@router.get(
    "/topics",
    response={200: list[TopicOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Tematy newslettera / newsletter topics",
)
def topics(request: HttpRequest):
    centre = require_centre(request)
    return [
        {"key": t.key, "label": str(t.label), "by_fields": t.by_fields} for t in topics_for(centre=centre)
    ]


@router.get(
    "/announcements",
    response={200: list[AnnouncementOut], **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Komunikaty do organizacji (pracownicy) / announcements to organisations (staff)",
)
def announcements(request: HttpRequest, page: int = Query(1, ge=1, le=100_000)):
    centre = require_centre(request)
    if not can_manage_newsletter(request.auth, centre):
        raise PermissionDenied
    return list(announcement_list(centre=centre)[(page - 1) * API_PAGE : page * API_PAGE])
