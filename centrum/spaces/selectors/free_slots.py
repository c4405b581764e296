"""The free-slot search: every free interval in every room that fits, by day."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from centrum.core.calendar import WARSAW
from centrum.core.centre_settings import CentreSettings
from centrum.core.db import Epoch
from centrum.core.models import Centre

from ..availability import closed_days, local, opening_hours_map, room_rules
from ..choices import BLOCKING_STATUSES, BookingPolicy
from ..models import Booking, Room
from .rooms import day_bounds


@dataclass
class FreeSlot:
    room_id: int
    starts_at: datetime
    ends_at: datetime


def free_slots(
    *, centre: Centre, first: date, last: date, min_minutes: int = 60, rooms: list[Room] | None = None
) -> list[FreeSlot]:
    """Every free interval of at least `min_minutes` in every active room of `centre`, day by day (four queries).

    `rooms`: only these rooms of `centre`, already loaded with their opening hours (two queries then).
    """
    if rooms is None:
        rooms = list(Room.objects.filter(centre=centre, is_active=True).prefetch_related("opening_hours"))
    rooms = [room for room in rooms if room.centre_id == centre.pk]
    if not rooms:
        return []
    start, end = day_bounds(first, (last - first).days + 1)
    closed = closed_days(centre, first, last)
    # Boundaries as integer seconds: tens of thousands of them in a busy centre's year (see core/db.py).
    busy: dict[int, list[tuple[int, int]]] = {room.pk: [] for room in rooms}
    for room_id, s, e in (
        Booking.objects.filter(
            room__in=rooms, status__in=BLOCKING_STATUSES, starts_at__lt=end, ends_at__gt=start
        )
        .order_by("room_id", "starts_at")
        .values_list("room_id", Epoch("starts_at"), Epoch("ends_at"))
    ):
        busy[room_id].append((s, e))
    minimum = min_minutes * 60
    result: list[FreeSlot] = []
    for room in rooms:
        hours = opening_hours_map(room)
        taken = busy[room.pk]
        index = 0
        day = first
        while day <= last:
            opening = hours.get(day.weekday())
            if opening is not None and day not in closed:
                cursor = int(datetime.combine(day, opening[0], tzinfo=WARSAW).timestamp())
                closes = int(datetime.combine(day, opening[1], tzinfo=WARSAW).timestamp())
                while index < len(taken) and taken[index][1] <= cursor:
                    index += 1
                scan = index
                while scan < len(taken) and taken[scan][0] < closes:
                    if taken[scan][0] - cursor >= minimum:
                        result.append(FreeSlot(room.pk, _moment(cursor), _moment(taken[scan][0])))
                    cursor = max(cursor, taken[scan][1])
                    scan += 1
                if closes - cursor >= minimum:
                    result.append(FreeSlot(room.pk, _moment(cursor), _moment(closes)))
            day += timedelta(days=1)
    return result


def _moment(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=WARSAW)


@dataclass
class RoomFreeSlots:
    room: Room
    days: list[tuple[date, list[FreeSlot]]]


def _round_up(moment: datetime) -> datetime:
    """The next quarter hour at or after `moment`, so offered times read 10:15, never 10:07."""
    moment = local(moment)
    floor = moment.replace(minute=moment.minute - moment.minute % 15, second=0, microsecond=0)
    return floor if floor == moment else floor + timedelta(minutes=15)


def free_slot_search(
    *,
    centre: Centre,
    first: date,
    last: date,
    minutes: int,
    min_capacity: int | None = None,
    features: list[str] | tuple[str, ...] = (),
    for_staff: bool = False,
    settings=None,
    now: datetime | None = None,
) -> list[RoomFreeSlots]:
    """Free time of at least `minutes` per room and day, in rooms that fit the search (five queries at most).

    Rooms only the centre books are left out unless `for_staff`. For everyone else each room's rules
    apply too: nothing sooner than its minimum notice, nothing past its horizon, no room whose longest
    booking is shorter than asked. Past time is never offered.
    """
    settings = settings if settings is not None else CentreSettings(centre)
    now = now or timezone.now()
    wanted = timedelta(minutes=minutes)
    candidates = []
    limits: dict[int, tuple[datetime, datetime | None]] = {}
    for room in Room.objects.filter(centre=centre, is_active=True).prefetch_related("opening_hours"):
        if min_capacity and room.capacity < min_capacity:
            continue
        if any(feature not in room.features for feature in features):
            continue
        earliest, latest = now, None
        if not for_staff:
            if room.booking_policy != BookingPolicy.ORGANISATIONS:
                continue
            rules = room_rules(room, settings)
            if rules.max_length < wanted:
                continue
            earliest, latest = now + rules.min_notice, now + rules.horizon
        candidates.append(room)
        limits[room.pk] = (_round_up(earliest), latest)
    by_room: dict[int, dict[date, list[FreeSlot]]] = {room.pk: {} for room in candidates}
    for slot in free_slots(centre=centre, first=first, last=last, min_minutes=minutes, rooms=candidates):
        earliest, latest = limits[slot.room_id]
        start = max(slot.starts_at, earliest)
        end = min(slot.ends_at, latest) if latest is not None else slot.ends_at
        if end - start >= wanted:
            by_room[slot.room_id].setdefault(local(start).date(), []).append(
                FreeSlot(slot.room_id, start, end)
            )
    return [
        RoomFreeSlots(room=room, days=sorted(by_room[room.pk].items()))
        for room in sorted(candidates, key=lambda r: (r.position, r.name))
        if by_room[room.pk]
    ]
