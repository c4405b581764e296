"""JSON API of the advice service: advisers' free slots (no personal data) and booking one of them.

Registered in centrum/api/api.py as `/advice`."""

from datetime import date, datetime

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, require_centre
from centrum.api.schemas.common import ERRORS_READ, ERRORS_WRITE, Email, Id, Int, Text
from centrum.organisations.selectors import organisation_list_for_user

from .models import AdviceDomain
from .selectors import adviser_get_public, adviser_list, free_slots
from .services import appointment_book

router = Router(tags=["advice"])


class AdviceSlotOut(Schema):
    adviser_id: int
    adviser: str
    starts_at: datetime
    ends_at: datetime
    mode: str
    place: str


class AdviceSlotQuery(Schema):
    adviser_id: Id | None = None
    domain_id: Id | None = None
    start: date | None = None
    days: Int(ge=1, le=92) = 28  # type: ignore[valid-type]


class AdviceBookingIn(Schema):
    adviser_id: Id
    starts_at: datetime
    topic: Text(200, min_length=1)  # type: ignore[valid-type]
    question: Text(4000, min_length=1)  # type: ignore[valid-type]
    name: Text(150, min_length=1)  # type: ignore[valid-type]
    email: Email
    domain_id: Id | None = None
    organisation_id: Id | None = None
    organisation_name: Text(300) = ""  # type: ignore[valid-type]
    founding: bool = False
    accessibility_needs: Text(1000) = ""  # type: ignore[valid-type]


class AdviceAppointmentOut(Schema):
    id: int
    adviser_id: int
    starts_at: datetime
    ends_at: datetime
    mode: str
    place: str
    status: str
    topic: str = Field(default="")


def _slot_out(s) -> dict:
    return {
        "adviser_id": s.adviser.pk,
        "adviser": s.adviser.name,
        "starts_at": s.starts_at,
        "ends_at": s.ends_at,
        "mode": s.mode,
        "place": s.place,
    }


@router.get(
    "/slots",
    response={200: list[AdviceSlotOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Wolne terminy porad / free advice slots",
)
def list_slots(request: HttpRequest, query: Query[AdviceSlotQuery]):
    centre = require_centre(request)
    domain = None
    if query.domain_id is not None:
        domain = AdviceDomain.objects.filter(centre=centre, pk=query.domain_id).first()
        if domain is None:
            return []
    advisers = list(adviser_list(centre=centre, domain=domain))
    if query.adviser_id is not None:
        advisers = [a for a in advisers if a.pk == query.adviser_id]
    return [
        _slot_out(s) for s in free_slots(centre=centre, start=query.start, days=query.days, advisers=advisers)
    ]


@router.post(
    "/appointments",
    response={201: AdviceAppointmentOut, **ERRORS_WRITE},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Umów poradę / book an advice slot",
)
def book(request: HttpRequest, payload: AdviceBookingIn):
    """Każdy może umówić wolny termin; potwierdzenie z plikiem ICS przychodzi e-mailem.

    Anyone may book a free slot; the confirmation with an ICS file comes by e-mail."""
    centre = require_centre(request)
    user = request.auth if getattr(request.auth, "is_authenticated", False) else None
    adviser = adviser_get_public(centre=centre, pk=payload.adviser_id)
    domain = None
    if payload.domain_id is not None:
        domain = AdviceDomain.objects.filter(centre=centre, pk=payload.domain_id, is_active=True).first()
        if domain is None:
            raise Http404
    organisation = None
    if payload.organisation_id is not None:
        organisation = (
            organisation_list_for_user(centre=centre, user=user).filter(pk=payload.organisation_id).first()
        )
        if organisation is None:
            raise Http404
    appointment = appointment_book(
        centre=centre,
        adviser=adviser,
        starts_at=payload.starts_at,
        actor=user,
        topic=payload.topic,
        question=payload.question,
        name=payload.name,
        email=payload.email,
        domain=domain,
        organisation=organisation,
        organisation_name=payload.organisation_name,
        founding=payload.founding,
        accessibility_needs=payload.accessibility_needs,
    )
    return 201, appointment
