"""Booking rules, closed days, opening hours, conflicts and equipment stock: the checks every booking passes."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centrum.core.calendar import WARSAW, public_holiday_name
from centrum.core.centre_settings import CentreSettings
from centrum.core.models import CentreClosedDay

from .choices import BLOCKING_STATUSES, LOAN_HOLDING_STATUSES, ApprovalMode, LoanStatus
from .models import Booking, BookingEquipment, LoanItem, Room


@dataclass(frozen=True)
class RoomRules:
    requires_approval: bool
    min_notice: timedelta
    horizon: timedelta
    max_length: timedelta


def room_rules(room: Room, settings: CentreSettings | None = None) -> RoomRules:
    """The room's own rules, falling back to the centre's settings where the room leaves them empty."""
    settings = settings or CentreSettings(room.centre)
    if room.approval_mode == ApprovalMode.CENTRE_DEFAULT:
        requires_approval = bool(settings["spaces.requires_approval"])
    else:
        requires_approval = room.approval_mode == ApprovalMode.STAFF
    notice = (
        room.min_notice_hours if room.min_notice_hours is not None else settings["spaces.min_notice_hours"]
    )
    horizon = room.horizon_days if room.horizon_days is not None else settings["spaces.horizon_days"]
    length = (
        room.max_length_minutes
        if room.max_length_minutes is not None
        else settings["spaces.max_length_minutes"]
    )
    return RoomRules(
        requires_approval=requires_approval,
        min_notice=timedelta(hours=notice),
        horizon=timedelta(days=horizon),
        max_length=timedelta(minutes=length),
    )


def closed_days(centre, start: date, end: date) -> dict[date, str]:
    """Days the centre is closed in [start, end]: Polish public holidays and its own closed days."""
    result: dict[date, str] = {}
    day = start
    while day <= end:
        name = public_holiday_name(day)
        if name:
            result[day] = name
        day += timedelta(days=1)
    for closed in CentreClosedDay.objects.filter(centre=centre, date__range=(start, end)):
        result[closed.date] = closed.reason or _("centrum nieczynne")
    return result


def opening_hours_map(room: Room) -> dict[int, tuple[time, time]]:
    return {h.weekday: (h.opens, h.closes) for h in room.opening_hours.all()}


def local(moment: datetime) -> datetime:
    return moment.astimezone(WARSAW)


def make_slot(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    """A slot on `day` from `start` to `end`, Warsaw time, as aware datetimes."""
    return (
        datetime.combine(day, start, tzinfo=WARSAW),
        datetime.combine(day, end, tzinfo=WARSAW),
    )


@dataclass
class SlotCheck:
    starts_at: datetime
    ends_at: datetime
    problems: list[str] = field(default_factory=list)
    conflict: Booking | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.conflict is None

    @property
    def date(self) -> date:
        return local(self.starts_at).date()


def slot_rule_problems(
    *,
    room: Room,
    starts_at: datetime,
    ends_at: datetime,
    rules: RoomRules,
    hours: dict[int, tuple[time, time]],
    closed: dict[date, str],
    now: datetime,
    enforce_booking_rules: bool,
) -> list[str]:
    """What is wrong with a slot, in words a person can act on. Staff skip notice, horizon and length."""
    problems: list[str] = []
    if ends_at <= starts_at:
        return [_("Koniec musi być później niż początek.")]
    if starts_at < now:
        problems.append(_("Ten termin już minął."))
    start_local, end_local = local(starts_at), local(ends_at)
    day = start_local.date()
    if day in closed:
        problems.append(_("Centrum jest nieczynne tego dnia (%(reason)s).") % {"reason": closed[day]})
    elif end_local.date() != day and not (
        end_local.time() == time(0) and end_local.date() == day + timedelta(1)
    ):
        problems.append(_("Rezerwacja musi zaczynać się i kończyć tego samego dnia."))
    else:
        opening = hours.get(day.weekday())
        if opening is None:
            problems.append(_("Sala nie jest udostępniana w ten dzień tygodnia."))
        else:
            opens, closes = opening
            end_time = end_local.time() if end_local.date() == day else time(23, 59, 59)
            if start_local.time() < opens or end_time > closes:
                problems.append(
                    _("Sala jest udostępniana tego dnia od %(opens)s do %(closes)s.")
                    % {"opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M")}
                )
    if enforce_booking_rules and starts_at >= now:
        if starts_at - now < rules.min_notice:
            hours_needed = int(rules.min_notice.total_seconds() // 3600)
            problems.append(
                _("Salę trzeba zarezerwować z co najmniej %(hours)s-godzinnym wyprzedzeniem.")
                % {"hours": hours_needed}
            )
        if starts_at - now > rules.horizon:
            problems.append(
                ngettext(
                    "Można rezerwować najwyżej %(days)s dzień naprzód.",
                    "Można rezerwować najwyżej %(days)s dni naprzód.",
                    rules.horizon.days,
                )
                % {"days": rules.horizon.days}
            )
        if ends_at - starts_at > rules.max_length:
            minutes = int(rules.max_length.total_seconds() // 60)
            problems.append(
                _("Rezerwacja tej sali może trwać najwyżej %(hours)s h %(minutes)s min.")
                % {"hours": minutes // 60, "minutes": minutes % 60}
            )
    return problems


def room_blocking_bookings(
    room: Room, slots: Iterable[tuple[datetime, datetime]], *, exclude_ids: Iterable[int] = ()
) -> list[Booking]:
    """Blocking bookings of `room` overlapping any of the slots (one query)."""
    slots = list(slots)
    if not slots:
        return []
    condition = Q()
    for start, end in slots:
        condition |= Q(starts_at__lt=end, ends_at__gt=start)
    return list(
        Booking.objects.filter(condition, room=room, status__in=BLOCKING_STATUSES)
        .exclude(pk__in=list(exclude_ids))
        .only("id", "room_id", "starts_at", "ends_at", "status", "kind", "title", "organisation_id")
        .order_by("starts_at")
    )


def first_overlap(start: datetime, end: datetime, bookings: Iterable[Booking]) -> Booking | None:
    for booking in bookings:
        if booking.starts_at < end and booking.ends_at > start:
            return booking
    return None


def check_slots(
    *,
    room: Room,
    slots: list[tuple[datetime, datetime]],
    enforce_booking_rules: bool,
    settings: CentreSettings | None = None,
    exclude_ids: Iterable[int] = (),
    now: datetime | None = None,
) -> list[SlotCheck]:
    """Every slot with its rule problems and the booking it collides with, if any."""
    now = now or timezone.now()
    rules = room_rules(room, settings)
    hours = opening_hours_map(room)
    if not slots:
        return []
    first_day = min(local(s).date() for s, _e in slots)
    last_day = max(local(s).date() for s, _e in slots)
    closed = closed_days(room.centre, first_day, last_day)
    taken = room_blocking_bookings(room, slots, exclude_ids=exclude_ids)
    checks = []
    for start, end in slots:
        check = SlotCheck(starts_at=start, ends_at=end)
        check.problems = slot_rule_problems(
            room=room,
            starts_at=start,
            ends_at=end,
            rules=rules,
            hours=hours,
            closed=closed,
            now=now,
            enforce_booking_rules=enforce_booking_rules,
        )
        if end > start:
            check.conflict = first_overlap(start, end, taken)
        checks.append(check)
    return checks


# --- Equipment ---------------------------------------------------------------------------------

_FOREVER = datetime(9999, 1, 1, tzinfo=WARSAW)


def loan_range(starts_on: date, due_on: date, status: str, now: datetime) -> tuple[datetime, datetime]:
    """A loan holds its equipment from the first day to the end of the due day; unreturned, until it is back."""
    start = datetime.combine(starts_on, time(0), tzinfo=WARSAW)
    end = datetime.combine(due_on + timedelta(days=1), time(0), tzinfo=WARSAW)
    if status == LoanStatus.HANDED_OVER and end < now:
        end = _FOREVER
    return start, end


def _peak(intervals: list[tuple[datetime, datetime, int]], start: datetime, end: datetime) -> int:
    """Most pieces in use at any moment of [start, end)."""
    events = []
    for s, e, quantity in intervals:
        s, e = max(s, start), min(e, end)
        if s < e:
            events.append((s, 1, quantity))
            events.append((e, 0, -quantity))
    peak = current = 0
    for _moment, _order, delta in sorted(events):
        current += delta
        peak = max(peak, current)
    return peak


def equipment_in_use(
    *,
    item_ids: Iterable[int],
    start: datetime,
    end: datetime,
    exclude_booking_ids: Iterable[int] = (),
    exclude_loan_id: int | None = None,
    now: datetime | None = None,
) -> dict[int, int]:
    """Peak pieces of each item taken by bookings and loans during [start, end) (two queries)."""
    now = now or timezone.now()
    item_ids = list(item_ids)
    intervals: dict[int, list[tuple[datetime, datetime, int]]] = {pk: [] for pk in item_ids}
    for row in (
        BookingEquipment.objects.filter(
            item_id__in=item_ids,
            booking__status__in=BLOCKING_STATUSES,
            booking__starts_at__lt=end,
            booking__ends_at__gt=start,
        )
        .exclude(booking_id__in=list(exclude_booking_ids))
        .values_list("item_id", "quantity", "booking__starts_at", "booking__ends_at")
    ):
        intervals[row[0]].append((row[2], row[3], row[1]))
    loans = LoanItem.objects.filter(
        item_id__in=item_ids,
        loan__status__in=LOAN_HOLDING_STATUSES,
        loan__starts_on__lte=local(end).date(),
    ).filter(Q(loan__due_on__gte=local(start).date()) | Q(loan__status=LoanStatus.HANDED_OVER))
    if exclude_loan_id:
        loans = loans.exclude(loan_id=exclude_loan_id)
    for item_id, quantity, starts_on, due_on, status in loans.values_list(
        "item_id", "quantity", "loan__starts_on", "loan__due_on", "loan__status"
    ):
        s, e = loan_range(starts_on, due_on, status, now)
        intervals[item_id].append((s, e, quantity))
    return {pk: _peak(rows, start, end) for pk, rows in intervals.items()}
