"""Checks shared by booking requests and changes: slot wording, the plan, monthly quota, equipment stock."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from centrum.core.calendar import WARSAW
from centrum.core.centre_settings import CentreSettings
from centrum.core.exceptions import ApplicationError
from centrum.organisations.models import Organisation

from ..availability import SlotCheck, equipment_in_use, local
from ..choices import BLOCKING_STATUSES, Attendance, BookingKind
from ..models import Booking, EquipmentItem, Room

_MAX_LISTED = 5


def slot_taken_message() -> str:
    return _(
        "Ten termin właśnie zajęła inna rezerwacja. Wybierz inny termin albo zapisz się na listę oczekujących."
    )


def format_slot(start: datetime, end: datetime) -> str:
    """`wt., 12 maja 2026, 17:00–19:00` in Warsaw time and the active language: messages read as pages do."""
    start_local, end_local = local(start), local(end)
    return f"{_day_text(start_local.date(), get_language())}, {start_local:%H:%M}–{end_local:%H:%M}"


@lru_cache(maxsize=4096)
def _day_text(day: date, language: str) -> str:
    """`wt., 12 maja 2026` in `language` (the active one: the key only keeps languages apart): a list of
    hundreds of bookings formats each day once."""
    return date_format(day, "D, j E Y")


@dataclass
class BookingPlan:
    """A request turned into slots, each checked; what `booking_preview` shows and `booking_request` stores."""

    room: Room
    checks: list[SlotCheck]
    skipped: list[date] = field(default_factory=list)
    quota_hours: int = 0
    quota_used: dict[tuple[int, int], float] = field(default_factory=dict)
    quota_requested: dict[tuple[int, int], float] = field(default_factory=dict)

    @property
    def slots(self) -> list[tuple[datetime, datetime]]:
        return [(c.starts_at, c.ends_at) for c in self.checks]

    @property
    def conflicts(self) -> list[SlotCheck]:
        return [c for c in self.checks if not c.ok]

    @property
    def quota_months(self) -> list[dict]:
        """Each month the request touches: hours already used, requested, their sum, and whether it goes over."""
        rows = []
        for (year, month), requested in sorted(self.quota_requested.items()):
            used = self.quota_used.get((year, month), 0.0)
            rows.append(
                {
                    "year": year,
                    "month": f"{month:02d}",
                    "used": _hours(used),
                    "requested": _hours(requested),
                    "total": _hours(used + requested),
                    "over": bool(self.quota_hours) and used + requested > self.quota_hours,
                }
            )
        return rows


def check_capacity(room: Room, attendees: int | None) -> None:
    """More people than the room holds is refused at the attendance field."""
    if attendees and attendees > room.capacity:
        raise ApplicationError(
            ngettext(
                "Sala „%(room)s” mieści najwyżej %(capacity)s osobę, a podano %(attendees)s.",
                "Sala „%(room)s” mieści najwyżej %(capacity)s osób, a podano %(attendees)s.",
                room.capacity,
            )
            % {"room": room.name, "capacity": room.capacity, "attendees": attendees},
            field="attendees",
        )


def _month_key(moment: datetime) -> tuple[int, int]:
    moment = local(moment)
    return moment.year, moment.month


def _hours_by_month(slots: Iterable[tuple[datetime, datetime]]) -> dict[tuple[int, int], float]:
    hours: dict[tuple[int, int], float] = defaultdict(float)
    for start, end in slots:
        hours[_month_key(start)] += (end - start).total_seconds() / 3600
    return dict(hours)


def _month_range(months: list[tuple[int, int]]) -> tuple[datetime, datetime]:
    first = datetime(months[0][0], months[0][1], 1, tzinfo=WARSAW)
    last_year, last_month = months[-1]
    return first, datetime(last_year + (last_month == 12), last_month % 12 + 1, 1, tzinfo=WARSAW)


def _quota_bookings(organisation_ids: list[int], months: list[tuple[int, int]]):
    first, after = _month_range(months)
    return Booking.objects.filter(
        organisation_id__in=organisation_ids,
        kind=BookingKind.ORGANISATION,
        status__in=BLOCKING_STATUSES,
        starts_at__gte=first,
        starts_at__lt=after,
    )


def organisation_hours_used(
    *, organisation: Organisation, months: Iterable[tuple[int, int]], exclude_ids: Iterable[int] = ()
) -> dict[tuple[int, int], float]:
    """Hours of the organisation's holding bookings in each month (Warsaw time)."""
    months = sorted(set(months))
    if not months:
        return {}
    rows = (
        _quota_bookings([organisation.pk], months)
        .exclude(pk__in=list(exclude_ids))
        .values_list("starts_at", "ends_at")
    )
    used = _hours_by_month(rows)
    return {month: used.get(month, 0.0) for month in months}


def organisations_hours_used_in_month(
    *, organisation_ids: Iterable[int], month: tuple[int, int]
) -> dict[int, float]:
    """Hours used in `month` by each of several organisations, in one query (the booking form's quota table)."""
    ids = list(organisation_ids)
    slots: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    if ids:
        for org_id, start, end in _quota_bookings(ids, [month]).values_list(
            "organisation_id", "starts_at", "ends_at"
        ):
            slots[org_id].append((start, end))
    return {org_id: _hours_by_month(slots[org_id]).get(month, 0.0) for org_id in ids}


def organisation_no_show_count(*, organisation: Organisation, settings: CentreSettings, now=None) -> int:
    now = now or timezone.now()
    since = now - timedelta(days=settings["spaces.no_show_window_days"])
    return Booking.objects.filter(
        organisation=organisation, attendance=Attendance.NO_SHOW, starts_at__gte=since
    ).count()


def organisation_no_show_counts(
    *, organisation_ids: Iterable[int], settings: CentreSettings, now=None
) -> dict[int, int]:
    """No-shows of each organisation in the centre's counting window, in one aggregate query."""
    ids = sorted({i for i in organisation_ids if i})
    if not ids:
        return {}
    now = now or timezone.now()
    since = now - timedelta(days=settings["spaces.no_show_window_days"])
    rows = (
        Booking.objects.filter(organisation_id__in=ids, attendance=Attendance.NO_SHOW, starts_at__gte=since)
        .values("organisation_id")
        .annotate(total=Count("id"))
        .values_list("organisation_id", "total")
    )
    counts = dict.fromkeys(ids, 0)
    counts.update(rows)
    return counts


def _hours(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _raise_for_problems(plan: BookingPlan) -> None:
    bad = plan.conflicts
    if not bad:
        return
    lines = []
    for check in bad[:_MAX_LISTED]:
        # Each problem is a sentence; inside the list they lose their full stop ("…do 20:00.." otherwise).
        reasons = [problem.rstrip().rstrip(".") for problem in check.problems]
        if check.conflict is not None:
            reasons.append(_("termin zajęty"))
        lines.append(f"{format_slot(check.starts_at, check.ends_at)}: {'; '.join(reasons)}")
    more = len(bad) - _MAX_LISTED
    message = _("Nie można zarezerwować: %(list)s.") % {"list": " | ".join(lines)}
    if more > 0:
        message += " " + ngettext("Oraz %(count)s inny termin.", "Oraz %(count)s innych terminów.", more) % {
            "count": more
        }
    if any(c.conflict is not None for c in bad):
        message += " " + _("Usuń kolidujące terminy albo zapisz się na listę oczekujących.")
    raise ApplicationError(message, field="starts_at", extra={"dates": [c.date.isoformat() for c in bad]})


def _lock_equipment(equipment: dict[EquipmentItem, int]) -> None:
    """Equipment rows are locked in id order, so two requests for the same items run one after another."""
    if equipment:
        list(
            EquipmentItem.objects.select_for_update(of=("self",))
            .filter(pk__in=[i.pk for i in equipment])
            .order_by("pk")
        )


def _check_equipment_stock(
    equipment: dict[EquipmentItem, int], slots: list[tuple[datetime, datetime]], exclude_booking_ids=()
) -> None:
    for start, end in slots:
        in_use = equipment_in_use(
            item_ids=[i.pk for i in equipment], start=start, end=end, exclude_booking_ids=exclude_booking_ids
        )
        for item, quantity in equipment.items():
            free = item.quantity - in_use.get(item.pk, 0)
            if quantity > free:
                raise ApplicationError(
                    _("Sprzęt „%(item)s”: %(slot)s wolnych jest tylko %(free)s szt.")
                    % {"item": item.name, "slot": format_slot(start, end), "free": max(free, 0)},
                    field="equipment",
                )
