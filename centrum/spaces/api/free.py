"""JSON API of rooms' free time: which rooms are free, free slots, one room and its availability (no personal data)."""

from datetime import date, datetime, time

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from pydantic import model_validator

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, require_centre
from centrum.api.schemas.common import (
    ERRORS_READ,
    input_error,
)
from centrum.core.calendar import warsaw_today

from ..availability import local
from ..choices import RoomFeature
from ..dates import SEARCH_DURATIONS, SEARCH_MAX_DAYS, search_window_problems
from ..permissions import (
    can_manage_rooms,
)
from ..schemas import (
    AllowedDate,
)
from ..selectors import (
    free_rooms,
    free_slot_search,
    room_get,
    room_public_week,
)
from .rooms import RoomOut, _room_out, router


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
