"""JSON API of rooms: the rooms and bookings; members book here too."""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.errors import ApiHttpError
from centrum.api.schemas.common import (
    ERRORS_READ,
    ERRORS_WRITE,
    Email,
    ErrorOut,
    Id,
    Int,
    Text,
)
from centrum.core.permissions import is_centre_staff
from centrum.organisations.models import Organisation

from ..choices import BookerKind, BookingKind, Recurrence
from ..models import Booking, EquipmentItem
from ..permissions import (
    can_approve_booking,
    can_book_for_centre,
    can_cancel_booking,
)
from ..schemas import (
    AllowedDate,
    AllowedDateTime,
    EquipmentIn,
)
from ..selectors import (
    booking_get_visible,
    booking_queue,
    bookings_for_user,
    room_get,
    room_list,
)
from ..services import (
    booking_approve,
    booking_cancel,
    booking_preview,
    booking_reject,
    booking_request,
)
from ..services.bookers import Booker

router = Router(tags=["rooms"])


class OpeningHoursOut(Schema):
    weekday: int = Field(description="0 = poniedziałek / Monday")
    opens: str
    closes: str


class RoomOut(Schema):
    id: int
    name: str
    description: str
    location: str
    capacity: int
    features: list[str]
    booking_policy: str
    opening_hours: list[OpeningHoursOut]


def _booking_requirements(schema: dict) -> None:
    """What the booking service requires beyond the types: an organisation's booking names the organisation
    and its statutory purpose (not for a dry run), and it and a centre event give the number of attendees."""
    kind = {"kind": {"const": BookingKind.ORGANISATION.value}}
    schema["allOf"] = [
        {"if": {"properties": kind}, "then": {"required": ["organisation_id"]}},
        {
            "if": {"properties": {**kind, "dry_run": {"const": False}}},
            "then": {"required": ["purpose"], "properties": {"purpose": {"minLength": 1, "pattern": r"\S"}}},
        },
        {
            "if": {
                "properties": {"kind": {"enum": [BookingKind.ORGANISATION.value, BookingKind.CENTRE.value]}}
            },
            "then": {"required": ["attendees"], "properties": {"attendees": {"type": "integer"}}},
        },
    ]


class BookingIn(Schema):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_booking_requirements)
    room_id: Id
    organisation_id: Id | None = None
    kind: BookingKind = BookingKind.ORGANISATION
    booker_kind: BookerKind = Field(
        BookerKind.ORGANISATION,
        description="organisation – dla organizacji (organisation_id); resident – mieszkaniec; group – grupa "
        "nieformalna (group_name, group_responsible, group_contact); gdzie centrum na to pozwala / where the "
        "centre allows residents and informal groups, without organisation_id",
    )
    group_name: Text(200) = ""
    group_responsible: Text(150) = ""
    group_contact: Text(200) = ""
    starts_at: AllowedDateTime
    ends_at: AllowedDateTime
    title: Text(200, min_length=1)
    purpose: Text(4000) = ""
    attendees: Int(ge=1, le=5000) | None = None
    contact_name: Text(150) = ""
    contact_phone: Text(40) = ""
    contact_email: Email = ""
    recurrence: Recurrence = Recurrence.ONCE
    until: AllowedDate | None = None
    count: Int(ge=1, le=1000) | None = None
    skip_dates: list[AllowedDate] = Field(default_factory=list, max_length=1000)
    equipment: list[EquipmentIn] = Field(default_factory=list, max_length=50)
    dry_run: bool = Field(False, description="Tylko sprawdź terminy / only check the occurrences")


class OccurrenceOut(Schema):
    starts_at: datetime
    ends_at: datetime
    ok: bool
    problems: list[str]
    conflict: bool


class PreviewOut(Schema):
    occurrences: list[OccurrenceOut]


class BookingOut(Schema):
    id: int
    room_id: int
    organisation_id: int | None
    booker_kind: str
    booker: str
    series_id: int | None
    kind: str
    status: str
    title: str
    starts_at: datetime
    ends_at: datetime
    attendees: int | None


class CancelIn(Schema):
    model_config = ConfigDict(extra="forbid")
    scope: Literal["one", "following"] = "one"
    reason: Text(500) = ""


class ApproveIn(Schema):
    model_config = ConfigDict(extra="forbid")
    scope: Literal["one", "following", "series"] = Field(
        "one",
        description="one – ten termin / this occurrence; following – ten i następne / this and the following "
        "ones; series – wszystkie oczekujące terminy cyklu / every pending occurrence of the series",
    )
    reason: Text(2000) = Field("", description="Uwagi dla organizacji / a note for the organisation")


class RejectIn(Schema):
    model_config = ConfigDict(extra="forbid")
    scope: Literal["one", "following", "series"] = Field("one", description="Jak w approve / as in approve")
    reason: Text(2000, min_length=1) = Field(
        description="Powód odrzucenia; organizacja go zobaczy / why, shown to the organisation"
    )


def _room_out(room) -> dict:
    return {
        "id": room.pk,
        "name": room.name,
        "description": room.description,
        "location": room.location,
        "capacity": room.capacity,
        "features": list(room.features),
        "booking_policy": room.booking_policy,
        "opening_hours": [
            {"weekday": h.weekday, "opens": h.opens.strftime("%H:%M"), "closes": h.closes.strftime("%H:%M")}
            for h in room.opening_hours.all()
        ],
    }


def _booking_out(booking: Booking) -> dict:
    return {
        "id": booking.pk,
        "room_id": booking.room_id,
        "organisation_id": booking.organisation_id,
        "booker_kind": booking.booker_kind,
        "booker": booking.booker_label,
        "series_id": booking.series_id,
        "kind": booking.kind,
        "status": booking.status,
        "title": booking.title,
        "starts_at": booking.starts_at,
        "ends_at": booking.ends_at,
        "attendees": booking.attendees,
    }


@router.get(
    "",
    response={200: list[RoomOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Sale / rooms",
)
def rooms(request: HttpRequest):
    """Sale, które centrum udostępnia. / The rooms the centre lends."""
    return [_room_out(room) for room in room_list(centre=require_centre(request))]


@router.get(
    "/bookings",
    response={200: list[BookingOut], **ERRORS_READ},
    auth=REQUIRED,
    summary="Moje rezerwacje / my bookings",
)
def my_bookings(request: HttpRequest):
    """Nadchodzące rezerwacje organizacji, w których działa osoba. / Upcoming bookings of the caller's organisations."""
    return [_booking_out(b) for b in bookings_for_user(centre=require_centre(request), user=request.auth)]


@router.post(
    "/bookings",
    response={201: list[BookingOut], 200: PreviewOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zarezerwuj salę / book a room",
)
def book(request: HttpRequest, payload: BookingIn):
    """Jeden termin albo cykl. `dry_run: true` pokazuje każdy termin z kolizjami, niczego nie zapisując.

    One slot or a series. `dry_run: true` lists every occurrence with its problems and stores nothing.
    """
    centre = require_centre(request)
    user = request.auth
    room = room_get(centre=centre, pk=payload.room_id, active_only=True)
    organisation = None
    if payload.organisation_id is not None:
        organisation = Organisation.objects.filter(centre=centre, pk=payload.organisation_id).first()
        if organisation is None:
            raise Http404
    if payload.kind != BookingKind.ORGANISATION and not can_book_for_centre(user, centre):
        raise ApiHttpError(403, _("Wydarzenia centrum i blokady sal wpisują tylko pracownicy centrum."))
    items = {
        i.pk: i
        for i in EquipmentItem.objects.filter(centre=centre, pk__in=[e.item_id for e in payload.equipment])
    }
    if len(items) != len({e.item_id for e in payload.equipment}):
        raise Http404
    params = {
        "room": room,
        "actor": user,
        "organisation": organisation,
        "starts_at": payload.starts_at,
        "ends_at": payload.ends_at,
        "title": payload.title,
        "attendees": payload.attendees,
        "recurrence": payload.recurrence,
        "until": payload.until,
        "count": payload.count,
        "skip_dates": payload.skip_dates,
        "equipment": {items[e.item_id]: e.quantity for e in payload.equipment},
        "kind": payload.kind,
        "booker": Booker(
            kind=payload.booker_kind,
            group_name=payload.group_name,
            group_responsible=payload.group_responsible,
            group_contact=payload.group_contact,
        ),
    }
    if payload.dry_run:
        plan = booking_preview(**params)
        return Status(
            200,
            {
                "occurrences": [
                    {
                        "starts_at": c.starts_at,
                        "ends_at": c.ends_at,
                        "ok": c.ok,
                        "problems": c.problems,
                        "conflict": c.conflict is not None,
                    }
                    for c in plan.checks
                ]
            },
        )
    bookings = booking_request(
        **params,
        purpose=payload.purpose,
        contact_name=payload.contact_name,
        contact_phone=payload.contact_phone,
        contact_email=payload.contact_email,
    )
    return Status(201, [_booking_out(b) for b in bookings])


@router.get(
    "/bookings/pending",
    response={200: list[BookingOut], **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Wnioski do zatwierdzenia / requests awaiting a decision",
)
def pending(request: HttpRequest):
    """Tylko pracownicy centrum; najstarsze pierwsze. / Centre staff only; oldest first."""
    centre = require_centre(request)
    if not is_centre_staff(request.auth, centre):
        raise PermissionDenied
    return [_booking_out(b) for b in booking_queue(centre=centre)[:500]]


def _decidable(request: HttpRequest, booking_id: int) -> Booking:
    """A booking of this centre staff may decide on: 404 for an id the user may not see, 403 if not staff."""
    centre = require_centre(request)
    booking = booking_get_visible(centre=centre, pk=booking_id, user=request.auth)
    if not is_centre_staff(request.auth, centre):
        raise PermissionDenied
    if not can_approve_booking(request.auth, booking):
        raise ApiHttpError(400, _("Zatwierdza się i odrzuca tylko rezerwacje organizacji."))
    return booking


@router.post(
    "/bookings/{booking_id}/approve",
    response={200: list[BookingOut], **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zatwierdź rezerwację / approve a booking",
)
def approve(request: HttpRequest, booking_id: int, payload: ApproveIn):
    """Tylko pracownicy centrum. Zwraca zatwierdzone terminy; organizacja dostaje e-mail.

    Centre staff only. Returns the approved occurrences; the organisation is e-mailed.
    """
    booking = _decidable(request, booking_id)
    return [
        _booking_out(b)
        for b in booking_approve(
            booking=booking, actor=request.auth, scope=payload.scope, reason=payload.reason
        )
    ]


@router.post(
    "/bookings/{booking_id}/reject",
    response={200: list[BookingOut], **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Odrzuć rezerwację / reject a booking",
)
def reject(request: HttpRequest, booking_id: int, payload: RejectIn):
    """Tylko pracownicy centrum, z powodem. Zwolnione terminy dostaje lista oczekujących.

    Centre staff only, with a reason. Freed slots go to the waiting list.
    """
    booking = _decidable(request, booking_id)
    return [
        _booking_out(b)
        for b in booking_reject(
            booking=booking, actor=request.auth, scope=payload.scope, reason=payload.reason
        )
    ]


@router.get(
    "/bookings/{booking_id}",
    response={200: BookingOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Rezerwacja / booking",
)
def booking_detail(request: HttpRequest, booking_id: int):
    return _booking_out(booking_get_visible(centre=require_centre(request), pk=booking_id, user=request.auth))


@router.post(
    "/bookings/{booking_id}/cancel",
    response={200: list[BookingOut], **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Anuluj rezerwację / cancel a booking",
)
def cancel(request: HttpRequest, booking_id: int, payload: CancelIn):
    """Jeden termin albo ten i następne z cyklu. / One occurrence, or this and the following ones."""
    booking = booking_get_visible(centre=require_centre(request), pk=booking_id, user=request.auth)
    if not can_cancel_booking(request.auth, booking):
        raise PermissionDenied
    return [
        _booking_out(b)
        for b in booking_cancel(
            booking=booking, actor=request.auth, scope=payload.scope, reason=payload.reason
        )
    ]


# --- Free time: which rooms are free, and when (before /{room_id}, which would take the path) ------------------------------------------------------
