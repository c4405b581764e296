"""Reads of rooms, bookings, the waiting list, loans and lets. Every selector takes the centre."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from centrum.core.calendar import WARSAW
from centrum.core.centre_settings import CentreSettings
from centrum.core.models import Centre
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from .availability import closed_days, local, opening_hours_map, room_rules
from .choices import (
    BLOCKING_STATUSES,
    BookingKind,
    BookingPolicy,
    BookingStatus,
    LetStatus,
    LoanStatus,
    WaitingStatus,
)
from .models import (
    Booking,
    BookingEquipment,
    EquipmentItem,
    Loan,
    LoanItem,
    OrganisationCalendarFeed,
    Room,
    RoomLet,
    WaitingListEntry,
)
from .permissions import can_view_booking, can_view_loan


def room_list(*, centre: Centre, active_only: bool = True) -> QuerySet[Room]:
    qs = Room.objects.filter(centre=centre)
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.prefetch_related("opening_hours", "photos").order_by("position", "name")


def room_get(*, centre: Centre, pk: int, active_only: bool = False) -> Room:
    """A room of `centre`, or 404 (also for another centre's id)."""
    qs = (
        Room.objects.filter(centre=centre, pk=pk)
        .select_related("centre")
        .prefetch_related("opening_hours", "photos")
    )
    if active_only:
        qs = qs.filter(is_active=True)
    room = qs.first()
    if room is None:
        raise Http404
    return room


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
    item = EquipmentItem.objects.filter(centre=centre, pk=pk).first()
    if item is None:
        raise Http404
    return item


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


def room_public_week(*, room: Room, first: date, days: int = 7) -> list[DayAvailability]:
    """Opening hours, closed days and taken slots of one room for a week, without personal data."""
    start, end = day_bounds(first, days)
    hours = opening_hours_map(room)
    closed = closed_days(room.centre, first, first + timedelta(days=days - 1))
    rows = Booking.objects.filter(
        room=room, status__in=BLOCKING_STATUSES, starts_at__lt=end, ends_at__gt=start
    ).values_list("starts_at", "ends_at", "kind")
    result = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        day_start, day_end = day_bounds(day, 1)
        busy = [
            BusySlot(
                starts_at=max(s, day_start),
                ends_at=min(e, day_end),
                is_block=k in (BookingKind.BLOCK, BookingKind.LET),
            )
            for s, e, k in rows
            if s < day_end and e > day_start
        ]
        result.append(
            DayAvailability(
                day=day,
                opening=hours.get(day.weekday()),
                closed_reason=closed.get(day),
                busy=sorted(busy, key=lambda b: b.starts_at),
            )
        )
    return result


def planner(
    *, centre: Centre, first: date, days: int
) -> tuple[list[Room], dict[tuple[int, date], list[Booking]], dict[date, str]]:
    """All rooms with their holding bookings per day, for the staff planner (three queries)."""
    rooms = list(Room.objects.filter(centre=centre).order_by("position", "name"))
    start, end = day_bounds(first, days)
    bookings = (
        Booking.objects.filter(
            centre=centre, status__in=BLOCKING_STATUSES, starts_at__lt=end, ends_at__gt=start
        )
        .select_related("organisation")
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


def booking_get_visible(*, centre: Centre, pk: int, user) -> Booking:
    """A booking of `centre` the user may see: 404 for another centre's id, 403 for someone else's."""
    booking = (
        Booking.objects.filter(centre=centre, pk=pk)
        .select_related("room", "organisation", "requested_by", "series", "decided_by", "centre")
        .prefetch_related(Prefetch("equipment", queryset=BookingEquipment.objects.select_related("item")))
        .first()
    )
    if booking is None:
        raise Http404
    if not can_view_booking(user, booking):
        raise PermissionDenied
    return booking


def organisations_acting_for(*, centre: Centre, user) -> QuerySet[Organisation]:
    """Active organisations of `centre` the user may book and borrow for."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        centre=centre, memberships__user=user, status=OrganisationStatus.ACTIVE
    ).order_by("name", "id")


def bookings_for_user(*, centre: Centre, user, upcoming: bool = True) -> QuerySet[Booking]:
    """Bookings of the organisations the user acts for (and the user's own requests)."""
    if not getattr(user, "is_authenticated", False):
        return Booking.objects.none()
    org_ids = list(
        Organisation.objects.filter(centre=centre, memberships__user=user).values_list("id", flat=True)
    )
    qs = Booking.objects.filter(centre=centre, kind=BookingKind.ORGANISATION, organisation_id__in=org_ids)
    if upcoming:
        qs = qs.filter(ends_at__gte=timezone.now())
    return qs.select_related("room", "organisation").order_by("starts_at", "id")


def booking_queue(*, centre: Centre) -> QuerySet[Booking]:
    """Requests waiting for a staff decision, oldest first."""
    return (
        Booking.objects.filter(centre=centre, status=BookingStatus.PENDING, kind=BookingKind.ORGANISATION)
        .select_related("room", "organisation", "requested_by", "series")
        .order_by("created_at", "starts_at", "id")
    )


def bookings_to_mark(*, centre: Centre, days: int = 14) -> QuerySet[Booking]:
    """Approved bookings that have started and whose attendance staff have not recorded yet."""
    now = timezone.now()
    return (
        Booking.objects.filter(
            centre=centre,
            kind=BookingKind.ORGANISATION,
            status=BookingStatus.APPROVED,
            attendance="unknown",
            starts_at__lte=now,
            starts_at__gte=now - timedelta(days=days),
        )
        .select_related("room", "organisation")
        .order_by("-starts_at")
    )


def waiting_for_user(*, centre: Centre, user) -> QuerySet[WaitingListEntry]:
    if not getattr(user, "is_authenticated", False):
        return WaitingListEntry.objects.none()
    return (
        WaitingListEntry.objects.filter(
            centre=centre,
            organisation__memberships__user=user,
            status__in=[WaitingStatus.WAITING, WaitingStatus.OFFERED],
        )
        .select_related("room", "organisation", "offered_booking")
        .order_by("starts_at")
    )


def waiting_list(*, centre: Centre) -> QuerySet[WaitingListEntry]:
    return (
        WaitingListEntry.objects.filter(
            centre=centre, status__in=[WaitingStatus.WAITING, WaitingStatus.OFFERED]
        )
        .select_related("room", "organisation")
        .order_by("starts_at", "created_at")
    )


def waiting_get(*, centre: Centre, pk: int) -> WaitingListEntry:
    entry = (
        WaitingListEntry.objects.filter(centre=centre, pk=pk).select_related("organisation", "room").first()
    )
    if entry is None:
        raise Http404
    return entry


def loan_list(*, centre: Centre, statuses=None) -> QuerySet[Loan]:
    qs = Loan.objects.filter(centre=centre)
    if statuses:
        qs = qs.filter(status__in=statuses)
    return (
        qs.select_related("organisation")
        .prefetch_related(Prefetch("items", queryset=LoanItem.objects.select_related("item")))
        .order_by("-starts_on", "-id")
    )


def loans_for_user(*, centre: Centre, user) -> QuerySet[Loan]:
    if not getattr(user, "is_authenticated", False):
        return Loan.objects.none()
    return loan_list(centre=centre).filter(organisation__memberships__user=user)


def loans_overdue(*, centre: Centre, today: date) -> QuerySet[Loan]:
    return loan_list(centre=centre, statuses=[LoanStatus.HANDED_OVER]).filter(due_on__lt=today)


def loan_get_visible(*, centre: Centre, pk: int, user) -> Loan:
    loan = (
        Loan.objects.filter(centre=centre, pk=pk)
        .select_related(
            "organisation", "requested_by", "handed_over_by", "return_received_by", "decided_by", "centre"
        )
        .prefetch_related(Prefetch("items", queryset=LoanItem.objects.select_related("item")))
        .first()
    )
    if loan is None:
        raise Http404
    if not can_view_loan(user, loan):
        raise PermissionDenied
    return loan


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


def organisation_feed_get(*, centre: Centre, organisation_pk: int, token: str) -> OrganisationCalendarFeed:
    """The feed whose secret matches, or 404: a wrong token looks exactly like a missing feed."""
    feed = (
        OrganisationCalendarFeed.objects.filter(centre=centre, organisation_id=organisation_pk, token=token)
        .select_related("organisation")
        .first()
    )
    if feed is None or not token:
        raise Http404
    return feed


def feed_bookings_for_room(*, room: Room, since: datetime) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(room=room, status__in=BLOCKING_STATUSES, ends_at__gte=since)
        .only("id", "starts_at", "ends_at", "kind", "status", "updated_at", "room_id")
        .order_by("starts_at")
    )


def feed_bookings_for_organisation(*, organisation: Organisation, since: datetime) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(
            centre=organisation.centre,
            organisation=organisation,
            status__in=[BookingStatus.PENDING, BookingStatus.APPROVED, BookingStatus.OFFERED],
            ends_at__gte=since,
        )
        .select_related("room")
        .order_by("starts_at")
    )


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
    busy: dict[int, list[tuple[datetime, datetime]]] = {room.pk: [] for room in rooms}
    for room_id, s, e in (
        Booking.objects.filter(
            room__in=rooms, status__in=BLOCKING_STATUSES, starts_at__lt=end, ends_at__gt=start
        )
        .order_by("room_id", "starts_at")
        .values_list("room_id", "starts_at", "ends_at")
    ):
        busy[room_id].append((s, e))
    minimum = timedelta(minutes=min_minutes)
    result: list[FreeSlot] = []
    for room in rooms:
        hours = opening_hours_map(room)
        taken = busy[room.pk]
        index = 0
        day = first
        while day <= last:
            opening = hours.get(day.weekday())
            if opening is not None and day not in closed:
                cursor = datetime.combine(day, opening[0], tzinfo=WARSAW)
                closes = datetime.combine(day, opening[1], tzinfo=WARSAW)
                while index < len(taken) and taken[index][1] <= cursor:
                    index += 1
                scan = index
                while scan < len(taken) and taken[scan][0] < closes:
                    if taken[scan][0] - cursor >= minimum:
                        result.append(FreeSlot(room.pk, cursor, taken[scan][0]))
                    cursor = max(cursor, taken[scan][1])
                    scan += 1
                if closes - cursor >= minimum:
                    result.append(FreeSlot(room.pk, cursor, closes))
            day += timedelta(days=1)
    return result


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


def booking_queue_count(*, centre: Centre) -> int:
    """How many requests wait for a staff decision (one COUNT on the status index)."""
    return Booking.objects.filter(
        centre=centre, status=BookingStatus.PENDING, kind=BookingKind.ORGANISATION
    ).count()


def staff_dashboard_counts(*, centre: Centre, today: date | None = None) -> dict[str, int]:
    """The staff dashboard's card: requests to decide and equipment not returned on time (two queries)."""
    from centrum.core.calendar import warsaw_today

    today = today or warsaw_today()
    return {
        "pending_bookings": booking_queue_count(centre=centre),
        "overdue_loans": Loan.objects.filter(
            centre=centre, status=LoanStatus.HANDED_OVER, due_on__lt=today
        ).count(),
    }
