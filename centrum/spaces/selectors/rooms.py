"""Reads of rooms, equipment and lets; a room's public week and the staff planner."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Max, QuerySet
from django.http import Http404

from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from ..availability import closed_days, local, opening_hours_map
from ..choices import BLOCKING_STATUSES, BookingKind, LetStatus
from ..models import Booking, EquipmentItem, Room, RoomLet


def room_list(*, centre: Centre, active_only: bool = True) -> QuerySet[Room]:
    qs = Room.objects.filter(centre=centre)
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.prefetch_related("opening_hours", "photos").order_by("position", "name")


def room_get(*, centre: Centre, pk: int, active_only: bool = False) -> Room:
    """A room of `centre`, or 404 (also for another centre's id)."""
    qs = Room.objects.select_related("centre").prefetch_related("opening_hours", "photos")
    if active_only:
        qs = qs.filter(is_active=True)
    return get_for_centre_or_404(qs, centre=centre, pk=pk)


def equipment_list(
    *, centre: Centre, active_only: bool = True, leaving_only: bool = False
) -> QuerySet[EquipmentItem]:
    qs = EquipmentItem.objects.filter(centre=centre)
    if active_only:
        qs = qs.filter(is_active=True)
    if leaving_only:
        qs = qs.filter(may_leave_building=True)
    return qs.order_by("name")


def equipment_get(*, centre: Centre, pk: int) -> EquipmentItem:
    return get_for_centre_or_404(EquipmentItem.objects, centre=centre, pk=pk)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def day_bounds(first: date, days: int) -> tuple[datetime, datetime]:
    return (
        datetime.combine(first, time(0), tzinfo=WARSAW),
        datetime.combine(first + timedelta(days=days), time(0), tzinfo=WARSAW),
    )


@dataclass
class BusySlot:
    """A taken time in the public view: no organisation, no title, no person."""

    starts_at: datetime
    ends_at: datetime
    is_block: bool


@dataclass
class DayAvailability:
    day: date
    opening: tuple[time, time] | None
    closed_reason: str | None
    busy: list[BusySlot]
    # Parts of the room's hours when the centre itself is not open (its profile's opening hours).
    outside_centre_hours: list[tuple[time, time]] = field(default_factory=list)

    @property
    def is_past(self) -> bool:
        """A day already gone is not offered as free."""
        return self.day < warsaw_today()


def _centre_hours(centre) -> dict[int, list[tuple[time, time]]]:
    """The centre's opening hours by weekday (several intervals a day allowed); empty when it has none."""
    by_day: dict[int, list[tuple[time, time]]] = {}
    for entry in centre.opening_hours or []:
        try:
            interval = (time.fromisoformat(entry["opens"]), time.fromisoformat(entry["closes"]))
            by_day.setdefault(int(entry["weekday"]), []).append(interval)
        except (KeyError, TypeError, ValueError):
            continue
    return by_day


def outside_hours(opening: tuple[time, time] | None, open_intervals: list[tuple[time, time]]) -> list:
    """The parts of `opening` not covered by any of `open_intervals`."""
    if opening is None:
        return []
    result, cursor = [], opening[0]
    for opens, closes in sorted(open_intervals):
        if closes <= cursor or opens >= opening[1]:
            continue
        if opens > cursor:
            result.append((cursor, opens))
        cursor = max(cursor, closes)
    if cursor < opening[1]:
        result.append((cursor, opening[1]))
    return result


def room_bookings_marker(*, centre: Centre, room_id: int) -> tuple:
    """What changes whenever one of the room's bookings is added, changed (every write saves, so
    `updated_at` moves: a `QuerySet.update()` of what a page shows must set it too) or deleted: the key of
    the room's week kept for visitors (`features.py`). One aggregate on the room's index."""
    marker = Booking.objects.filter(centre=centre, room_id=room_id).aggregate(
        changed=Max("updated_at"), count=Count("id")
    )
    return (room_id, marker["changed"], marker["count"])


def room_public_week(*, room: Room, first: date, days: int = 7) -> list[DayAvailability]:
    """Opening hours, closed days and taken slots of one room for a week, without personal data."""
    start, end = day_bounds(first, days)
    hours = opening_hours_map(room)
    centre_hours = _centre_hours(room.centre)
    closed = closed_days(room.centre, first, first + timedelta(days=days - 1))
    by_day: dict[date, list[BusySlot]] = {}
    for s, e, kind in Booking.objects.filter(
        room=room, status__in=BLOCKING_STATUSES, starts_at__lt=end, ends_at__gt=start
    ).values_list("starts_at", "ends_at", "kind"):
        # Each booking goes to the days it touches (one, or a few for a block or a let): one pass.
        day = max(local(s).date(), first)
        while day < first + timedelta(days=days):
            day_start, day_end = day_bounds(day, 1)
            if s >= day_end:
                break
            by_day.setdefault(day, []).append(
                BusySlot(
                    starts_at=max(s, day_start),
                    ends_at=min(e, day_end),
                    is_block=kind in (BookingKind.BLOCK, BookingKind.LET),
                )
            )
            if e <= day_end:
                break
            day += timedelta(days=1)
    result = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        opening = hours.get(day.weekday())
        result.append(
            DayAvailability(
                day=day,
                opening=opening,
                closed_reason=closed.get(day),
                busy=sorted(by_day.get(day, []), key=lambda b: b.starts_at),
                outside_centre_hours=outside_hours(opening, centre_hours.get(day.weekday(), []))
                if centre_hours
                else [],
            )
        )
    return result


def planner(
    *, centre: Centre, first: date, days: int
) -> tuple[list[Room], dict[tuple[int, date], list[Booking]], dict[date, str]]:
    """All rooms (with opening hours) and their holding bookings per day, for the staff planner (four queries)."""
    rooms = list(
        Room.objects.filter(centre=centre).prefetch_related("opening_hours").order_by("position", "name")
    )
    start, end = day_bounds(first, days)
    bookings = (
        Booking.objects.filter(
            centre=centre, status__in=BLOCKING_STATUSES, starts_at__lt=end, ends_at__gt=start
        )
        .select_related("organisation", "requested_by")
        .order_by("starts_at")
    )
    cells: dict[tuple[int, date], list[Booking]] = {}
    for booking in bookings:
        day = max(local(booking.starts_at).date(), first)
        last = min(
            local(booking.ends_at - timedelta(microseconds=1)).date(), first + timedelta(days=days - 1)
        )
        while day <= last:
            cells.setdefault((booking.room_id, day), []).append(booking)
            day += timedelta(days=1)
    closed = closed_days(centre, first, first + timedelta(days=days - 1))
    return rooms, cells, closed


def let_list(*, centre: Centre) -> QuerySet[RoomLet]:
    return (
        RoomLet.objects.filter(centre=centre)
        .select_related("room", "organisation")
        .order_by("status", "-starts_on")
    )


def let_get(*, centre: Centre, pk: int) -> RoomLet:
    let = (
        RoomLet.objects.filter(centre=centre, pk=pk).select_related("room", "organisation", "booking").first()
    )
    if let is None:
        raise Http404
    return let


def lets_active(*, centre: Centre, on: date) -> QuerySet[RoomLet]:
    return let_list(centre=centre).filter(status=LetStatus.ACTIVE, starts_on__lte=on, ends_on__gte=on)
