"""JSON API of rooms: the rooms, their availability (no personal data) and bookings; members book here too."""

from datetime import date, datetime, time
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from pydantic import ConfigDict, model_validator

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.errors import ApiHttpError, invalid_input
from centrum.api.schemas.common import (
    ERRORS_READ,
    ERRORS_WRITE,
    Email,
    ErrorOut,
    Id,
    Int,
    Text,
    input_error,
)
from centrum.core.calendar import warsaw_today
from centrum.core.permissions import is_centre_staff
from centrum.organisations.models import Organisation

from .availability import local
from .choices import USABLE_CONDITIONS, BookerKind, BookingKind, Recurrence, RoomFeature
from .dates import SEARCH_DURATIONS, SEARCH_MAX_DAYS, search_window_problems
from .models import Booking, EquipmentItem, Loan
from .permissions import (
    can_approve_booking,
    can_book_for_centre,
    can_cancel_booking,
    can_cancel_loan,
    can_decide_loan,
    can_manage_rooms,
)
from .schemas import (
    AllowedDate,
    AllowedDateTime,
    EquipmentIn,
    EquipmentOut,
    LoanCancelIn,
    LoanHandoverIn,
    LoanIn,
    LoanListQuery,
    LoanOut,
    LoanPageOut,
    LoanRejectIn,
)
from .selectors import (
    booking_get_visible,
    booking_queue,
    bookings_for_user,
    equipment_list,
    free_rooms,
    free_slot_search,
    loan_get_visible,
    loan_list,
    loans_for_user,
    room_get,
    room_list,
    room_public_week,
)
from .services import (
    booking_approve,
    booking_cancel,
    booking_preview,
    booking_reject,
    booking_request,
    loan_approve,
    loan_cancel,
    loan_hand_over,
    loan_reject,
    loan_request,
    loan_return,
)
from .services.bookers import Booker

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


class BusyOut(Schema):
    starts_at: datetime
    ends_at: datetime
    blocked: bool = Field(description="Sala wyłączona (blokada, najem) / room blocked or let")


class DayOut(Schema):
    date: date
    opens: str | None
    closes: str | None
    closed_reason: str | None
    busy: list[BusyOut]


class AvailabilityQuery(Schema):
    start: AllowedDate | None = Field(
        None, description="Pierwszy dzień (domyślnie dziś) / first day (today by default)"
    )
    days: int = Field(7, ge=1, le=62)


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


class FreeTimeQuery(Schema):
    first: AllowedDate = Field(description="Pierwszy dzień (od dziś) / first day (today or later)")
    last: AllowedDate = Field(
        description=f"Ostatni dzień, najwyżej {SEARCH_MAX_DAYS} dni od pierwszego / last day, at most "
        f"{SEARCH_MAX_DAYS} days from the first"
    )
    capacity: int | None = Field(
        None, ge=1, le=5000, description="Co najmniej miejsc / at least this many seats"
    )
    features: list[RoomFeature] = Field(
        default_factory=list,
        max_length=len(RoomFeature),
        description="Wymagane wyposażenie / required features",
    )

    @model_validator(mode="after")
    def _window(self):
        problems = search_window_problems(self.first, self.last)
        if problems:
            raise input_error(" ".join(problems.values()))
        return self


class FreeRoomsQuery(FreeTimeQuery):
    starts: time = Field(description="Od godziny (czas warszawski) / from (Warsaw time), e.g. 10:00")
    ends: time = Field(description="Do godziny, później niż od / until, later than `starts`, e.g. 12:00")
    weekdays: list[int] = Field(
        default_factory=list,
        max_length=7,
        description="Tylko te dni tygodnia, 0 = poniedziałek (domyślnie wszystkie) / only these weekdays, "
        "0 = Monday (all by default)",
        json_schema_extra={"items": {"type": "integer", "minimum": 0, "maximum": 6}},
    )

    @model_validator(mode="after")
    def _hours(self):
        if self.ends <= self.starts:
            raise input_error(_("Koniec musi być później niż początek."))
        if any(not 0 <= day <= 6 for day in self.weekdays):
            raise input_error(_("Dni tygodnia to liczby od 0 (poniedziałek) do 6 (niedziela)."))
        return self


class FreeSlotsQuery(FreeTimeQuery):
    minutes: int = Field(
        60,
        description="Najkrótszy wolny czas w minutach / the shortest free time wanted, in minutes",
        json_schema_extra={"enum": SEARCH_DURATIONS},
    )

    @model_validator(mode="after")
    def _duration(self):
        if self.minutes not in SEARCH_DURATIONS:
            raise input_error(
                _("Czas trwania: jedna z wartości %(values)s minut.")
                % {"values": ", ".join(str(m) for m in SEARCH_DURATIONS)}
            )
        return self


class ClosedDayOut(Schema):
    date: date
    reason: str


class FreeRoomsOut(Schema):
    starts: str
    ends: str
    days: list[date] = Field(
        description="Dni, o które pytano, gdy centrum jest otwarte / open days asked about"
    )
    closed: list[ClosedDayOut] = Field(description="Dni zamknięte, pominięte / closed days, skipped")
    rooms: list[RoomOut] = Field(
        description="Sale wolne w tych godzinach każdego z tych dni / rooms free then"
    )


class FreeIntervalOut(Schema):
    starts_at: datetime
    ends_at: datetime


class FreeDayOut(Schema):
    date: date
    slots: list[FreeIntervalOut]


class RoomFreeSlotsOut(Schema):
    room_id: int
    room_name: str
    days: list[FreeDayOut]


@router.get(
    "/free",
    response={200: FreeRoomsOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Sale wolne w tych godzinach każdego dnia / rooms free at these hours every day",
)
def rooms_free(request: HttpRequest, query: Query[FreeRoomsQuery]):
    """Sale wolne w podanych godzinach każdego otwartego dnia okresu (np. 10–12 od poniedziałku do piątku).

    Rooms free at the given hours on every open day of the period (e.g. 10–12, Monday to Friday).
    Days the centre is closed are skipped and listed.
    """
    centre = require_centre(request)
    answer = free_rooms(
        centre=centre,
        first=query.first,
        last=query.last,
        starts=query.starts,
        ends=query.ends,
        weekdays=set(query.weekdays) or None,
        min_capacity=query.capacity,
        features=query.features,
        for_staff=can_manage_rooms(request.user, centre),
        settings=request.centre_settings,
    )
    return {
        "starts": answer.starts.strftime("%H:%M"),
        "ends": answer.ends.strftime("%H:%M"),
        "days": answer.days,
        "closed": [{"date": day, "reason": reason} for day, reason in sorted(answer.closed.items())],
        "rooms": [_room_out(room) for room in answer.rooms],
    }


@router.get(
    "/free-slots",
    response={200: list[RoomFreeSlotsOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Wolny czas w salach / free time in the rooms",
)
def rooms_free_slots(request: HttpRequest, query: Query[FreeSlotsQuery]):
    """Wolny czas co najmniej `minutes` minut w każdej pasującej sali, dzień po dniu (jak wyszukiwarka na stronie).

    Free time of at least `minutes` in every room that fits, day by day (as the search page).
    """
    centre = require_centre(request)
    results = free_slot_search(
        centre=centre,
        first=query.first,
        last=query.last,
        minutes=query.minutes,
        min_capacity=query.capacity,
        features=query.features,
        for_staff=can_manage_rooms(request.user, centre),
        settings=request.centre_settings,
    )
    return [
        {
            "room_id": result.room.pk,
            "room_name": result.room.name,
            "days": [
                {
                    "date": day,
                    "slots": [{"starts_at": local(s.starts_at), "ends_at": local(s.ends_at)} for s in slots],
                }
                for day, slots in result.days
            ],
        }
        for result in results
    ]


@router.get(
    "/{room_id}",
    response={200: RoomOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Sala / room",
)
def room_detail(request: HttpRequest, room_id: int):
    return _room_out(room_get(centre=require_centre(request), pk=room_id, active_only=True))


@router.get(
    "/{room_id}/availability",
    response={200: list[DayOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Dostępność sali / room availability",
)
def availability(request: HttpRequest, room_id: int, query: Query[AvailabilityQuery]):
    """Godziny udostępniania, dni zamknięte i zajęte przedziały – bez danych organizacji i osób.

    Opening hours, closed days and taken intervals – without any organisation's or person's data.
    """
    room = room_get(centre=require_centre(request), pk=room_id, active_only=True)
    first = query.start or warsaw_today()
    return [
        {
            "date": day.day,
            "opens": day.opening[0].strftime("%H:%M") if day.opening else None,
            "closes": day.opening[1].strftime("%H:%M") if day.opening else None,
            "closed_reason": day.closed_reason,
            "busy": [
                {"starts_at": local(b.starts_at), "ends_at": local(b.ends_at), "blocked": b.is_block}
                for b in day.busy
            ],
        }
        for day in room_public_week(room=room, first=first, days=query.days)
    ]


# ---- equipment and loans: /api/v1/equipment, /api/v1/loans --------------------------------------------

equipment_router = Router(tags=["equipment"])
loans_router = Router(tags=["loans"])


def _equipment_out(item: EquipmentItem) -> dict:
    return {
        "id": item.pk,
        "name": item.name,
        "description": item.description,
        "quantity": item.quantity,
        "kind": item.kind,
        "walk_in_unit": item.walk_in_unit,
        "may_leave_building": item.may_leave_building,
        "usable": item.condition in USABLE_CONDITIONS,
    }


def _booker_out(loan: Loan) -> dict:
    """Who borrows. An organisation today; a resident or an informal group may borrow without one."""
    organisation = loan.organisation if loan.organisation_id else None
    if organisation is not None:
        return {"kind": "organisation", "id": organisation.pk, "name": organisation.name}
    return {
        "kind": getattr(loan, "booker_kind", "") or "person",
        "id": None,
        "name": getattr(loan, "group_name", "") or getattr(loan.requested_by, "full_name", "") or "",
    }


def _loan_out(loan: Loan) -> dict:
    return {
        "id": loan.pk,
        "number": loan.number,
        "status": loan.status,
        "organisation_id": loan.organisation_id,
        "booker": _booker_out(loan),
        "purpose": loan.purpose,
        "starts_on": loan.starts_on,
        "due_on": loan.due_on,
        "items": [
            {"item_id": row.item_id, "name": row.item.name, "quantity": row.quantity}
            for row in loan.items.all()
        ],
        "decision_reason": loan.decision_reason,
        "handed_over_at": loan.handed_over_at,
        "returned_at": loan.returned_at,
    }


def _loan_page(qs, query: LoanListQuery) -> dict:
    if query.status:
        qs = qs.filter(status=query.status)
    count = qs.count()
    rows = list(qs.select_related("requested_by")[query.offset : query.offset + query.limit]) if count else []
    return {
        "count": count,
        "limit": query.limit,
        "offset": query.offset,
        "results": [_loan_out(loan) for loan in rows],
    }


@equipment_router.get(
    "",
    response={200: list[EquipmentOut], **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
    summary="Sprzęt / equipment",
)
def equipment(request: HttpRequest):
    """Sprzęt centrum: do wypożyczenia (`may_leave_building`) i do korzystania na miejscu (`walk_in_unit`).

    The centre's equipment: lent out (`may_leave_building`) or used on the spot (`walk_in_unit`).
    """
    return [_equipment_out(item) for item in equipment_list(centre=require_centre(request))]


@loans_router.get(
    "",
    response={200: LoanPageOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Moje wypożyczenia / my loans",
)
def my_loans(request: HttpRequest, query: Query[LoanListQuery]):
    """Wypożyczenia organizacji, w których działa osoba, od najnowszych. / Loans of the caller's organisations."""
    return _loan_page(loans_for_user(centre=require_centre(request), user=request.auth), query)


@loans_router.get(
    "/centre",
    response={200: LoanPageOut, **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Wypożyczenia centrum / the centre's loans",
)
def centre_loans(request: HttpRequest, query: Query[LoanListQuery]):
    """Tylko pracownicy centrum; od najnowszych. / Centre staff only; newest first."""
    centre = require_centre(request)
    if not is_centre_staff(request.auth, centre):
        raise PermissionDenied
    return _loan_page(loan_list(centre=centre), query)


@loans_router.post(
    "",
    response={201: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Poproś o wypożyczenie / request a loan",
)
def request_loan(request: HttpRequest, payload: LoanIn):
    """Sprzęt jest zarezerwowany na ten okres, póki pracownicy nie zdecydują; dostają e-mail.

    The pieces are held for the term while staff decide; staff are e-mailed.
    """
    centre = require_centre(request)
    organisation = Organisation.objects.filter(centre=centre, pk=payload.organisation_id).first()
    wanted = {row.item_id: row.quantity for row in payload.items}
    if len(wanted) != len(payload.items):
        raise invalid_input("items", _("Każdy sprzęt podaj raz."))
    items = {i.pk: i for i in equipment_list(centre=centre).filter(pk__in=wanted)}
    if organisation is None or len(items) != len(wanted):
        raise Http404
    loan = loan_request(
        centre=centre,
        actor=request.auth,
        organisation=organisation,
        purpose=payload.purpose,
        starts_on=payload.starts_on,
        due_on=payload.due_on,
        items={items[pk]: quantity for pk, quantity in wanted.items()},
    )
    return Status(201, _loan_out(_loan_reloaded(request, loan.pk)))


def _loan_reloaded(request: HttpRequest, loan_id: int) -> Loan:
    return loan_get_visible(centre=require_centre(request), pk=loan_id, user=request.auth)


def _loan_for_staff(request: HttpRequest, loan_id: int) -> Loan:
    """A loan of this centre: 404 for an id the caller may not see, 403 for a member who is not staff."""
    loan = _loan_reloaded(request, loan_id)
    if not can_decide_loan(request.auth, loan):
        raise PermissionDenied
    return loan


@loans_router.get(
    "/{loan_id}",
    response={200: LoanOut, **ERRORS_READ},
    auth=REQUIRED,
    summary="Wypożyczenie / loan",
)
def loan_detail(request: HttpRequest, loan_id: Id):
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/approve",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zatwierdź wypożyczenie / approve a loan",
)
def approve_loan(request: HttpRequest, loan_id: Id):
    """Tylko pracownicy centrum; organizacja dostaje e-mail. / Centre staff only; the organisation is e-mailed."""
    loan_approve(loan=_loan_for_staff(request, loan_id), actor=request.auth)
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/reject",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Odrzuć wypożyczenie / reject a loan",
)
def reject_loan(request: HttpRequest, loan_id: Id, payload: LoanRejectIn):
    """Tylko pracownicy centrum, z powodem. / Centre staff only, with a reason."""
    loan_reject(loan=_loan_for_staff(request, loan_id), actor=request.auth, reason=payload.reason)
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/cancel",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Anuluj wypożyczenie / cancel a loan",
)
def cancel_loan(request: HttpRequest, loan_id: Id, payload: LoanCancelIn):
    """Organizacja – póki wniosek czeka; pracownicy – także zatwierdzone. / The organisation while the
    request waits; staff also once approved."""
    loan = _loan_reloaded(request, loan_id)
    if not can_cancel_loan(request.auth, loan):
        raise PermissionDenied
    loan_cancel(loan=loan, actor=request.auth, reason=payload.reason)
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/hand_over",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zapisz wydanie sprzętu / record the handover",
)
def hand_over_loan(request: HttpRequest, loan_id: Id, payload: LoanHandoverIn):
    """Tylko pracownicy centrum, najwcześniej w dniu wydania. / Centre staff only, on the pick-up day or later."""
    loan_hand_over(
        loan=_loan_for_staff(request, loan_id),
        actor=request.auth,
        received_by_name=payload.person,
        condition=payload.condition,
        notes=payload.notes,
    )
    return _loan_out(_loan_reloaded(request, loan_id))


@loans_router.post(
    "/{loan_id}/return",
    response={200: LoanOut, **ERRORS_WRITE},
    auth=REQUIRED,
    summary="Zapisz zwrot sprzętu / record the return",
)
def return_loan(request: HttpRequest, loan_id: Id, payload: LoanHandoverIn):
    """Tylko pracownicy centrum; sprzęt zwrócony uszkodzony trafia do ewidencji jako uszkodzony.

    Centre staff only; equipment returned damaged is marked so in the inventory.
    """
    loan_return(
        loan=_loan_for_staff(request, loan_id),
        actor=request.auth,
        returned_by_name=payload.person,
        condition=payload.condition,
        notes=payload.notes,
    )
    return _loan_out(_loan_reloaded(request, loan_id))
