"""Which rooms are free at the same hours on every open day of a period: one SQL anti-join, not rooms × days.

"Which of our rooms is free 10–12 every day next week?" is the question behind a weekly course or a
week-long workshop. A room qualifies when, on every day of the period the centre is open, its opening
hours cover the hours asked and no blocking booking overlaps them. The database answers it in one query:
the rooms whose opening hours cover every weekday needed (a counted subquery) and for which NOT EXISTS a
blocking booking overlapping any of the day windows (the `booking_room_start_idx` index serves it).
Everything per room (its booking policy and rules) is then checked in Python on the few rooms that remain.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from centrum.core.centre_settings import CentreSettings
from centrum.core.db import TsTzRange
from centrum.core.models import Centre

from ..availability import closed_days, make_slot, room_rules
from ..choices import BLOCKING_STATUSES, BookingPolicy
from ..models import Booking, Room, RoomOpeningHours


@dataclass
class FreeRooms:
    """The answer: the rooms free at `starts`–`ends` on every day of `days`; `closed` days were skipped."""

    rooms: list[Room]
    days: list[date]
    closed: dict[date, str]
    starts: time
    ends: time


def _days(first: date, last: date, weekdays: set[int] | None) -> list[date]:
    count = (last - first).days + 1
    every = (first + timedelta(days=n) for n in range(max(count, 0)))
    return [day for day in every if weekdays is None or day.weekday() in weekdays]


def free_rooms(
    *,
    centre: Centre,
    first: date,
    last: date,
    starts: time,
    ends: time,
    weekdays: set[int] | None = None,
    min_capacity: int | None = None,
    features: list[str] | tuple[str, ...] = (),
    for_staff: bool = False,
    settings: CentreSettings | None = None,
    now: datetime | None = None,
) -> FreeRooms:
    """Rooms of `centre` free at `starts`–`ends` on every open day from `first` to `last` (two queries).

    `weekdays` (0 = Monday) limits the days asked about. Days the centre is closed (public holidays, its own
    closed days) are skipped and reported. Rooms only the centre books are left out unless `for_staff`;
    for everyone else each room's notice, horizon and longest booking apply, as in the booking form.
    A period with no open day, or a window already begun, has no free room.
    """
    now = now or timezone.now()
    candidates = _days(first, last, weekdays)
    closed = closed_days(centre, first, last) if candidates else {}
    days = [day for day in candidates if day not in closed]
    answer = FreeRooms(rooms=[], days=days, closed=closed, starts=starts, ends=ends)
    if not days or ends <= starts:
        return answer
    windows = [make_slot(day, starts, ends) for day in days]
    if windows[0][0] < now:
        return answer
    needed = {day.weekday() for day in days}
    covering = (
        RoomOpeningHours.objects.filter(
            room=OuterRef("pk"), weekday__in=needed, opens__lte=starts, closes__gte=ends
        )
        .order_by()
        .values("room")
        .annotate(count=Count("pk"))
        .values("count")
    )
    taken = Booking.objects.filter(room=OuterRef("pk"), status__in=BLOCKING_STATUSES)
    overlap = Q()
    if connection.vendor == "postgresql":
        # The same range expression as the no-overlap exclusion constraint, so its GiST index answers.
        from django.contrib.postgres.fields import RangeBoundary
        from django.db.backends.postgresql.psycopg_any import DateTimeTZRange

        taken = taken.alias(period=TsTzRange("starts_at", "ends_at", RangeBoundary()))
        for window_start, window_end in windows:
            overlap |= Q(period__overlap=DateTimeTZRange(window_start, window_end))
        # One range over the whole period lets the index narrow the scan; the windows then filter.
        overlap &= Q(period__overlap=DateTimeTZRange(windows[0][0], windows[-1][1]))
    else:
        for window_start, window_end in windows:
            overlap |= Q(starts_at__lt=window_end, ends_at__gt=window_start)
    taken = taken.filter(overlap)
    rooms = (
        Room.objects.filter(centre=centre, is_active=True)
        .annotate(covered=Coalesce(Subquery(covering, output_field=IntegerField()), 0))
        .filter(covered=len(needed))
        .filter(~Exists(taken))
        .prefetch_related("opening_hours")
        .order_by("position", "name")
    )
    if min_capacity:
        rooms = rooms.filter(capacity__gte=min_capacity)
    settings = settings if settings is not None else CentreSettings(centre)
    length = windows[0][1] - windows[0][0]
    for room in rooms:
        if any(feature not in room.features for feature in features):
            continue
        if not for_staff:
            if room.booking_policy != BookingPolicy.ORGANISATIONS:
                continue
            rules = room_rules(room, settings)
            if rules.max_length < length:
                continue
            if windows[0][0] - now < rules.min_notice or windows[-1][0] - now > rules.horizon:
                continue
        answer.rooms.append(room)
    return answer
