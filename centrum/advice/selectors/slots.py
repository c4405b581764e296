"""Free advice slots: the advisers' weekly office hours, cut into slots, without public holidays, the
centre's closed days, the advisers' absences, slots already taken and slots too soon or too far ahead."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from centrum.core.calendar import WARSAW, is_public_holiday, warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.selectors import centre_closed_days

from ..choices import AppointmentStatus
from ..models import Absence, Adviser, Appointment, OfficeHours


@dataclass(frozen=True)
class Slot:
    adviser: Adviser
    starts_at: datetime
    ends_at: datetime
    mode: str
    place: str

    @property
    def key(self) -> str:
        return self.starts_at.astimezone(WARSAW).strftime("%Y-%m-%dT%H:%M")


def parse_slot_key(value: str) -> datetime | None:
    try:
        moment = datetime.strptime(value, "%Y-%m-%dT%H:%M")
    except (TypeError, ValueError):
        return None
    return moment.replace(tzinfo=WARSAW)


def hours_slots(hours: OfficeHours, day: date) -> list[tuple[datetime, datetime]]:
    """The slots one office-hours row gives on `day` (whatever is booked)."""
    slots = []
    start = datetime.combine(day, hours.starts_at, tzinfo=WARSAW)
    end = datetime.combine(day, hours.ends_at, tzinfo=WARSAW)
    length = timedelta(minutes=hours.slot_minutes)
    while start + length <= end:
        slots.append((start, start + length))
        start += length
    return slots


def _hours_apply(hours: OfficeHours, day: date) -> bool:
    return (
        hours.weekday == day.weekday()
        and hours.valid_from <= day
        and (hours.valid_until is None or day <= hours.valid_until)
    )


def booking_window(centre) -> tuple[datetime, date]:
    """(earliest start one may book now, last day one may book)."""
    earliest = timezone.now() + timedelta(hours=centre_setting(centre, "advice.min_notice_hours"))
    return earliest, warsaw_today() + timedelta(days=centre_setting(centre, "advice.booking_horizon_days"))


def slots_for(*, centre, start: date, end: date, advisers=None, free_only: bool = True) -> list[Slot]:
    """Slots of the centre's active advisers (or `advisers`) on the days [start, end], soonest first."""
    if advisers is None:
        advisers = Adviser.objects.filter(centre=centre, is_active=True).select_related("user")
    advisers = {a.pk: a for a in advisers}
    if not advisers or end < start:
        return []
    hours = list(
        OfficeHours.objects.filter(centre=centre, adviser_id__in=advisers, valid_from__lte=end).exclude(
            valid_until__lt=start
        )
    )
    absences: dict[int, list[Absence]] = {}
    for absence in Absence.objects.filter(
        centre=centre, adviser_id__in=advisers, starts_on__lte=end, ends_on__gte=start
    ):
        absences.setdefault(absence.adviser_id, []).append(absence)
    taken = set(
        Appointment.objects.filter(
            centre=centre,
            adviser_id__in=advisers,
            status=AppointmentStatus.BOOKED,
            starts_at__gte=datetime.combine(start, datetime.min.time(), tzinfo=WARSAW),
            starts_at__lt=datetime.combine(end + timedelta(days=1), datetime.min.time(), tzinfo=WARSAW),
        ).values_list("adviser_id", "starts_at")
    )
    closed = centre_closed_days(centre, start, end)
    earliest = timezone.now()
    found = []
    day = start
    while day <= end:
        if not is_public_holiday(day) and day not in closed:
            for h in hours:
                if not _hours_apply(h, day):
                    continue
                if any(a.starts_on <= day <= a.ends_on for a in absences.get(h.adviser_id, ())):
                    continue
                for slot_start, slot_end in hours_slots(h, day):
                    if free_only and ((h.adviser_id, slot_start) in taken or slot_start < earliest):
                        continue
                    found.append(Slot(advisers[h.adviser_id], slot_start, slot_end, h.mode, h.place))
        day += timedelta(days=1)
    return sorted(found, key=lambda s: (s.starts_at, s.adviser.name))


def free_slots(*, centre, start: date | None = None, days: int | None = None, advisers=None) -> list[Slot]:
    """Slots one may book now (within the centre's booking window)."""
    earliest, last_day = booking_window(centre)
    first_day = max(start or warsaw_today(), warsaw_today())
    end = last_day if days is None else min(last_day, first_day + timedelta(days=days - 1))
    return [
        s
        for s in slots_for(centre=centre, start=first_day, end=end, advisers=advisers)
        if s.starts_at >= earliest
    ]


def slot_of(*, centre, adviser: Adviser, starts_at: datetime) -> Slot | None:
    """The slot of the adviser's office hours that starts at `starts_at` (booked or not), or None."""
    day = starts_at.astimezone(WARSAW).date()
    for s in slots_for(centre=centre, start=day, end=day, advisers=[adviser], free_only=False):
        if s.starts_at == starts_at:
            return s
    return None
