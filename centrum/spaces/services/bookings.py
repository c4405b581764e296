"""Booking writes: request (one slot or a series), approve, reject, cancel, reschedule, attendance, blocks."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import WARSAW
from centrum.core.centre_settings import CentreSettings
from centrum.core.exceptions import ApplicationError
from centrum.core.permissions import is_centre_staff
from centrum.organisations.models import Organisation

from ..availability import SlotCheck, check_slots, equipment_in_use, local, room_rules
from ..choices import (
    BLOCKING_STATUSES,
    TRANSITIONS,
    USABLE_CONDITIONS,
    Attendance,
    BookingKind,
    BookingStatus,
    Recurrence,
)
from ..models import Booking, BookingEquipment, BookingSeries, EquipmentItem, Room
from ..permissions import (
    can_approve_booking,
    can_book_for_centre,
    can_book_room,
    can_cancel_booking,
    can_mark_attendance,
    can_reject_booking,
    can_reschedule_booking,
)
from ..recurrence import occurrence_dates
from . import notify

_MAX_LISTED = 5


def slot_taken_message() -> str:
    return _(
        "Ten termin właśnie zajęła inna rezerwacja. Wybierz inny termin albo zapisz się na listę oczekujących."
    )


def format_slot(start: datetime, end: datetime) -> str:
    start_local, end_local = local(start), local(end)
    return f"{date_format(start_local.date(), 'SHORT_DATE_FORMAT')} {start_local:%H:%M}–{end_local:%H:%M}"


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


def _series_slots(
    *,
    starts_at: datetime,
    ends_at: datetime,
    recurrence: str,
    until: date | None,
    count: int | None,
    cap: int,
) -> list[tuple[datetime, datetime]]:
    start_local, end_local = local(starts_at), local(ends_at)
    day_offset = (end_local.date() - start_local.date()).days
    slots = []
    for day in occurrence_dates(
        recurrence=recurrence, first=start_local.date(), until=until, count=count, cap=cap
    ):
        start = datetime.combine(day, start_local.time(), tzinfo=WARSAW)
        end = datetime.combine(day + timedelta(days=day_offset), end_local.time(), tzinfo=WARSAW)
        slots.append((start, end))
    return slots


def _month_key(moment: datetime) -> tuple[int, int]:
    moment = local(moment)
    return moment.year, moment.month


def _hours_by_month(slots: Iterable[tuple[datetime, datetime]]) -> dict[tuple[int, int], float]:
    hours: dict[tuple[int, int], float] = defaultdict(float)
    for start, end in slots:
        hours[_month_key(start)] += (end - start).total_seconds() / 3600
    return dict(hours)


def organisation_hours_used(
    *, organisation: Organisation, months: Iterable[tuple[int, int]], exclude_ids: Iterable[int] = ()
) -> dict[tuple[int, int], float]:
    """Hours of the organisation's holding bookings in each month (Warsaw time)."""
    months = sorted(set(months))
    if not months:
        return {}
    first = datetime(months[0][0], months[0][1], 1, tzinfo=WARSAW)
    last_year, last_month = months[-1]
    after = datetime(last_year + (last_month == 12), last_month % 12 + 1, 1, tzinfo=WARSAW)
    rows = (
        Booking.objects.filter(
            organisation=organisation,
            kind=BookingKind.ORGANISATION,
            status__in=BLOCKING_STATUSES,
            starts_at__gte=first,
            starts_at__lt=after,
        )
        .exclude(pk__in=list(exclude_ids))
        .values_list("starts_at", "ends_at")
    )
    used = _hours_by_month(rows)
    return {month: used.get(month, 0.0) for month in months}


def organisation_no_show_count(*, organisation: Organisation, settings: CentreSettings, now=None) -> int:
    now = now or timezone.now()
    since = now - timedelta(days=settings["spaces.no_show_window_days"])
    return Booking.objects.filter(
        organisation=organisation, attendance=Attendance.NO_SHOW, starts_at__gte=since
    ).count()


def _validate_common(
    *,
    room: Room,
    actor,
    organisation: Organisation | None,
    kind: str,
    title: str,
    attendees: int | None,
    equipment: dict[EquipmentItem, int],
) -> None:
    centre = room.centre
    if kind == BookingKind.ORGANISATION:
        if organisation is None:
            raise ApplicationError(
                _("Wybierz organizację, w imieniu której rezerwujesz."), field="organisation"
            )
        if organisation.centre_id != room.centre_id:
            raise ApplicationError(_("Ta organizacja nie należy do tego centrum."), field="organisation")
        if not can_book_room(actor, room, organisation):
            raise ApplicationError(
                _("Nie możesz rezerwować tej sali w imieniu tej organizacji."), field="organisation"
            )
    elif not can_book_for_centre(actor, centre):
        raise ApplicationError(_("Wydarzenia centrum i blokady sal wpisują tylko pracownicy centrum."))
    if not room.is_active:
        raise ApplicationError(_("Ta sala nie przyjmuje teraz rezerwacji."), field="room")
    if not (title or "").strip():
        raise ApplicationError(_("Podaj tytuł spotkania."), field="title")
    if kind in (BookingKind.ORGANISATION, BookingKind.CENTRE):
        if not attendees:
            raise ApplicationError(_("Podaj przewidywaną liczbę uczestników."), field="attendees")
        if attendees > room.capacity:
            raise ApplicationError(
                _("Sala „%(room)s” mieści najwyżej %(capacity)s osób, a podano %(attendees)s.")
                % {"room": room.name, "capacity": room.capacity, "attendees": attendees},
                field="attendees",
            )
    for item, quantity in equipment.items():
        if item.centre_id != centre.pk or not item.is_active:
            raise ApplicationError(_("Tego sprzętu nie ma w centrum."), field="equipment")
        if quantity < 1:
            raise ApplicationError(_("Liczba sztuk sprzętu musi być dodatnia."), field="equipment")
        if item.condition not in USABLE_CONDITIONS:
            raise ApplicationError(
                _("Sprzęt „%(item)s” jest teraz niesprawny.") % {"item": item.name}, field="equipment"
            )
        if quantity > item.quantity:
            raise ApplicationError(
                _("Centrum ma %(stock)s szt. sprzętu „%(item)s”, a zamówiono %(quantity)s.")
                % {"stock": item.quantity, "item": item.name, "quantity": quantity},
                field="equipment",
            )


def booking_preview(
    *,
    room: Room,
    actor,
    organisation: Organisation | None,
    starts_at: datetime,
    ends_at: datetime,
    title: str,
    attendees: int | None,
    recurrence: str = Recurrence.ONCE,
    until: date | None = None,
    count: int | None = None,
    skip_dates: Iterable[date] = (),
    equipment: dict[EquipmentItem, int] | None = None,
    kind: str = BookingKind.ORGANISATION,
    now: datetime | None = None,
) -> BookingPlan:
    """Check a request without storing it: each occurrence with its problems and conflicts, and the quota."""
    equipment = equipment or {}
    settings = CentreSettings(room.centre)
    if ends_at <= starts_at:
        raise ApplicationError(_("Koniec musi być później niż początek."), field="ends_at")
    _validate_common(
        room=room,
        actor=actor,
        organisation=organisation,
        kind=kind,
        title=title,
        attendees=attendees,
        equipment=equipment,
    )
    staff = is_centre_staff(actor, room.centre)
    if kind == BookingKind.ORGANISATION and not staff:
        threshold = settings["spaces.no_show_block_threshold"]
        if (
            threshold
            and organisation_no_show_count(organisation=organisation, settings=settings, now=now) >= threshold
        ):
            raise ApplicationError(
                _(
                    "Organizacja ma %(count)s nieobecności na rezerwacjach w ostatnich %(days)s dniach, "
                    "więc nowe rezerwacje są wstrzymane. Skontaktuj się z centrum."
                )
                % {"count": threshold, "days": settings["spaces.no_show_window_days"]}
            )
    slots = _series_slots(
        starts_at=starts_at,
        ends_at=ends_at,
        recurrence=recurrence,
        until=until,
        count=count,
        cap=settings["spaces.max_series_occurrences"],
    )
    skip = set(skip_dates)
    skipped = [local(s).date() for s, _e in slots if local(s).date() in skip]
    slots = [(s, e) for s, e in slots if local(s).date() not in skip]
    if not slots:
        raise ApplicationError(_("Nie został żaden termin do zarezerwowania."))
    checks = check_slots(
        room=room,
        slots=slots,
        enforce_booking_rules=not staff,
        settings=settings,
        now=now,
    )
    if equipment:
        for check in checks:
            in_use = equipment_in_use(
                item_ids=[i.pk for i in equipment], start=check.starts_at, end=check.ends_at, now=now
            )
            for item, quantity in equipment.items():
                free = item.quantity - in_use.get(item.pk, 0)
                if quantity > free:
                    check.problems.append(
                        _("Sprzęt „%(item)s”: wolnych %(free)s szt. w tym czasie.")
                        % {"item": item.name, "free": max(free, 0)}
                    )
    plan = BookingPlan(room=room, checks=checks, skipped=skipped)
    if kind == BookingKind.ORGANISATION:
        plan.quota_hours = settings["spaces.quota_hours_per_month"]
        plan.quota_requested = _hours_by_month(slots)
        plan.quota_used = organisation_hours_used(organisation=organisation, months=plan.quota_requested)
        if plan.quota_hours and not staff:
            for month, hours in plan.quota_requested.items():
                if plan.quota_used[month] + hours > plan.quota_hours:
                    raise ApplicationError(
                        _(
                            "Limit centrum to %(quota)s godzin rezerwacji na organizację w miesiącu. "
                            "W %(month)02d/%(year)s organizacja ma już %(used)s h, a ta rezerwacja to %(hours)s h."
                        )
                        % {
                            "quota": plan.quota_hours,
                            "month": month[1],
                            "year": month[0],
                            "used": _hours(plan.quota_used[month]),
                            "hours": _hours(hours),
                        }
                    )
    return plan


def _hours(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _raise_for_problems(plan: BookingPlan) -> None:
    bad = plan.conflicts
    if not bad:
        return
    lines = []
    for check in bad[:_MAX_LISTED]:
        reasons = list(check.problems)
        if check.conflict is not None:
            reasons.append(_("termin zajęty"))
        lines.append(f"{format_slot(check.starts_at, check.ends_at)}: {'; '.join(reasons)}")
    more = len(bad) - _MAX_LISTED
    message = _("Nie można zarezerwować: %(list)s.") % {"list": " | ".join(lines)}
    if more > 0:
        message += " " + _("Oraz %(count)s innych terminów.") % {"count": more}
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


def _insert(bookings: list[Booking]) -> None:
    """Insert in a savepoint: on PostgreSQL a concurrent overlapping insert fails the exclusion constraint."""
    for booking in bookings:
        try:
            booking.full_clean(validate_constraints=False, validate_unique=False)
        except ValidationError as exc:
            field_name, messages = next(iter(exc.message_dict.items()))
            raise ApplicationError(" ".join(messages), field=None if field_name == "__all__" else field_name)
    try:
        with transaction.atomic():
            for booking in bookings:
                booking.save()
    except IntegrityError:
        raise ApplicationError(slot_taken_message(), field="starts_at")


@transaction.atomic
def booking_request(
    *,
    room: Room,
    actor,
    organisation: Organisation | None,
    starts_at: datetime,
    ends_at: datetime,
    title: str,
    purpose: str = "",
    attendees: int | None = None,
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    recurrence: str = Recurrence.ONCE,
    until: date | None = None,
    count: int | None = None,
    skip_dates: Iterable[date] = (),
    equipment: dict[EquipmentItem, int] | None = None,
    kind: str = BookingKind.ORGANISATION,
) -> list[Booking]:
    """Book a room for one slot or a series. Any occurrence that breaks a rule or collides refuses the whole."""
    equipment = {item: qty for item, qty in (equipment or {}).items() if qty}
    if organisation is not None and kind == BookingKind.ORGANISATION:
        # Two requests of one organisation at once must not both slip under its monthly quota.
        Organisation.objects.select_for_update(of=("self",)).filter(pk=organisation.pk).first()
    _lock_equipment(equipment)
    plan = booking_preview(
        room=room,
        actor=actor,
        organisation=organisation,
        starts_at=starts_at,
        ends_at=ends_at,
        title=title,
        attendees=attendees,
        recurrence=recurrence,
        until=until,
        count=count,
        skip_dates=skip_dates,
        equipment=equipment,
        kind=kind,
    )
    _raise_for_problems(plan)
    if kind == BookingKind.ORGANISATION and not purpose.strip():
        raise ApplicationError(_("Opisz działanie statutowe, które odbędzie się w sali."), field="purpose")
    staff = is_centre_staff(actor, room.centre)
    rules = room_rules(room)
    auto = kind != BookingKind.ORGANISATION or staff or not rules.requires_approval
    status = BookingStatus.APPROVED if auto else BookingStatus.PENDING
    now = timezone.now()
    series = None
    if len(plan.slots) > 1 or recurrence != Recurrence.ONCE:
        first_local, end_local = local(starts_at), local(ends_at)
        series = BookingSeries(
            centre=room.centre,
            room=room,
            organisation=organisation if kind == BookingKind.ORGANISATION else None,
            requested_by=actor if getattr(actor, "is_authenticated", False) else None,
            title=title.strip(),
            recurrence=recurrence,
            first_date=first_local.date(),
            until_date=until,
            count=count,
            start_time=first_local.time(),
            end_time=end_local.time(),
            skipped_dates=[d.isoformat() for d in plan.skipped],
        )
        series.full_clean()
        series.save()
    bookings = [
        Booking(
            centre=room.centre,
            room=room,
            series=series,
            kind=kind,
            organisation=organisation if kind in (BookingKind.ORGANISATION, BookingKind.LET) else None,
            requested_by=actor if getattr(actor, "is_authenticated", False) else None,
            title=title.strip(),
            purpose=purpose.strip(),
            attendees=attendees,
            contact_name=contact_name.strip(),
            contact_phone=contact_phone.strip(),
            contact_email=contact_email.strip(),
            starts_at=start,
            ends_at=end,
            status=status,
            status_changed_at=now,
            decided_by=actor if auto and staff else None,
        )
        for start, end in plan.slots
    ]
    _insert(bookings)
    if equipment:
        _check_equipment_stock(equipment, plan.slots, exclude_booking_ids=[b.pk for b in bookings])
        BookingEquipment.objects.bulk_create(
            [
                BookingEquipment(centre=room.centre, booking=b, item=item, quantity=qty)
                for b in bookings
                for item, qty in equipment.items()
            ]
        )
    for booking in bookings:
        audit_log(
            actor=actor,
            obj=booking,
            action="booking.created",
            new={
                "status": booking.status,
                "starts_at": booking.starts_at,
                "ends_at": booking.ends_at,
                "kind": kind,
            },
        )
    if kind == BookingKind.ORGANISATION:
        context = {
            "bookings": bookings,
            "first": bookings[0],
            "room": room,
            "organisation": organisation,
            "series": series,
        }
        if status == BookingStatus.PENDING:
            notify.send(
                centre=room.centre,
                to=notify.booking_recipients(bookings[0]),
                event="request_received_to_organisation",
                context=context,
            )
            notify.send(
                centre=room.centre,
                to=notify.staff_recipients(room.centre),
                event="request_received_to_staff",
                context=context,
            )
        else:
            notify.send(
                centre=room.centre,
                to=notify.booking_recipients(bookings[0]),
                event="approved_to_organisation",
                context=context,
            )
    return bookings


# --- Transitions ---------------------------------------------------------------------------------


def occurrences_in_scope(booking: Booking, scope: str) -> list[Booking]:
    """`one`: this booking; `following`: this and later occurrences of its series; `series`: all of them."""
    if scope == "one" or booking.series_id is None:
        return [booking]
    qs = Booking.objects.filter(series_id=booking.series_id, centre=booking.centre).select_related(
        "room", "organisation", "requested_by", "centre"
    )
    if scope == "following":
        qs = qs.filter(starts_at__gte=booking.starts_at)
    elif scope != "series":
        raise ApplicationError(_("Nieznany zakres zmiany."))
    return list(qs.order_by("starts_at"))


def _transition(booking: Booking, action: str) -> str:
    target = TRANSITIONS.get(booking.status, {}).get(action)
    if target is None:
        raise ApplicationError(
            _("Rezerwacji w stanie „%(status)s” nie można teraz zmienić w ten sposób.")
            % {"status": booking.get_status_display()}
        )
    return target


def _set_status(booking: Booking, *, action: str, actor, reason: str = "", decided: bool = False) -> None:
    old = booking.status
    booking.status = _transition(booking, action)
    booking.status_changed_at = timezone.now()
    fields = ["status", "status_changed_at", "updated_at"]
    if decided:
        booking.decided_by = actor if getattr(actor, "is_authenticated", False) else None
        booking.decision_reason = reason
        fields += ["decided_by", "decision_reason"]
    booking.save(update_fields=fields)
    audit_log(
        actor=actor,
        obj=booking,
        action=f"booking.{action}",
        old={"status": old},
        new={"status": booking.status},
        reason=reason,
    )


def _locked(bookings: list[Booking]) -> list[Booking]:
    ids = [b.pk for b in bookings]
    return list(
        Booking.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("room", "organisation", "requested_by", "centre", "series")
        .order_by("starts_at")
    )


@transaction.atomic
def booking_approve(*, booking: Booking, actor, scope: str = "one", reason: str = "") -> list[Booking]:
    if not can_approve_booking(actor, booking):
        raise ApplicationError(_("Rezerwacje zatwierdzają pracownicy centrum."))
    targets = [b for b in _locked(occurrences_in_scope(booking, scope)) if "approve" in TRANSITIONS[b.status]]
    if not targets:
        _transition(booking, "approve")
    for b in targets:
        _set_status(b, action="approve", actor=actor, reason=reason, decided=True)
    context = {
        "bookings": targets,
        "first": targets[0],
        "room": targets[0].room,
        "organisation": targets[0].organisation,
        "reason": reason,
    }
    notify.send(
        centre=booking.centre,
        to=notify.booking_recipients(targets[0]),
        event="approved_to_organisation",
        context=context,
    )
    return targets


@transaction.atomic
def booking_reject(*, booking: Booking, actor, reason: str, scope: str = "one") -> list[Booking]:
    if not can_reject_booking(actor, booking):
        raise ApplicationError(_("Rezerwacje odrzucają pracownicy centrum."))
    if not (reason or "").strip():
        raise ApplicationError(_("Podaj powód odrzucenia – organizacja go zobaczy."), field="reason")
    targets = [b for b in _locked(occurrences_in_scope(booking, scope)) if "reject" in TRANSITIONS[b.status]]
    if not targets:
        _transition(booking, "reject")
    for b in targets:
        _set_status(b, action="reject", actor=actor, reason=reason.strip(), decided=True)
    context = {
        "bookings": targets,
        "first": targets[0],
        "room": targets[0].room,
        "organisation": targets[0].organisation,
        "reason": reason.strip(),
    }
    notify.send(
        centre=booking.centre,
        to=notify.booking_recipients(targets[0]),
        event="rejected_to_organisation",
        context=context,
    )
    from .waiting import offer_freed_slots

    for b in targets:
        offer_freed_slots(room=b.room, starts_at=b.starts_at, ends_at=b.ends_at)
    return targets


@transaction.atomic
def booking_cancel(*, booking: Booking, actor, scope: str = "one", reason: str = "") -> list[Booking]:
    """Cancel one occurrence or this and the following ones; freed slots go to the waiting list."""
    if not can_cancel_booking(actor, booking):
        raise ApplicationError(_("Nie możesz anulować tej rezerwacji."))
    staff = is_centre_staff(actor, booking.centre)
    now = timezone.now()
    targets = [b for b in _locked(occurrences_in_scope(booking, scope)) if "cancel" in TRANSITIONS[b.status]]
    if not staff:
        targets = [b for b in targets if b.starts_at > now]
    if not targets:
        if booking.starts_at <= now and not staff:
            raise ApplicationError(_("Rezerwacji, która już się zaczęła, nie można anulować."))
        _transition(booking, "cancel")
    for b in targets:
        _set_status(b, action="cancel", actor=actor, reason=reason)
    first = targets[0]
    context = {
        "bookings": targets,
        "first": first,
        "room": first.room,
        "organisation": first.organisation,
        "reason": reason,
        "by_staff": staff,
    }
    if first.kind == BookingKind.ORGANISATION:
        notify.send(
            centre=booking.centre,
            to=notify.booking_recipients(first),
            event="cancelled_to_organisation",
            context=context,
        )
        if not staff:
            notify.send(
                centre=booking.centre,
                to=notify.staff_recipients(booking.centre),
                event="cancelled_to_staff",
                context=context,
            )
    from .waiting import offer_freed_slots

    for b in targets:
        offer_freed_slots(room=b.room, starts_at=b.starts_at, ends_at=b.ends_at)
    return targets


@transaction.atomic
def booking_reschedule(
    *, booking: Booking, actor, start_time: time, end_time: time, day: date | None = None, scope: str = "one"
) -> list[Booking]:
    """New hours for one occurrence (optionally a new day) or for this and the following ones."""
    if not can_reschedule_booking(actor, booking):
        raise ApplicationError(_("Nie możesz zmienić tej rezerwacji."))
    if end_time <= start_time:
        raise ApplicationError(_("Koniec musi być później niż początek."), field="end_time")
    if scope != "one" and day is not None:
        raise ApplicationError(_("Datę można zmienić tylko dla jednego terminu."), field="day")
    staff = is_centre_staff(actor, booking.centre)
    targets = [
        b for b in _locked(occurrences_in_scope(booking, scope)) if "reschedule" in TRANSITIONS[b.status]
    ]
    if not staff:
        targets = [b for b in targets if b.starts_at > timezone.now()]
    if not targets:
        raise ApplicationError(_("Tej rezerwacji nie można już zmienić."))
    room = targets[0].room
    new_slots = []
    for b in targets:
        on = day if (day is not None and b.pk == booking.pk) else local(b.starts_at).date()
        new_slots.append(
            (datetime.combine(on, start_time, tzinfo=WARSAW), datetime.combine(on, end_time, tzinfo=WARSAW))
        )
    checks = check_slots(
        room=room,
        slots=new_slots,
        enforce_booking_rules=not staff and booking.kind == BookingKind.ORGANISATION,
        exclude_ids=[b.pk for b in targets],
    )
    _raise_for_problems(BookingPlan(room=room, checks=checks))
    equipment = {
        row.item: row.quantity
        for row in BookingEquipment.objects.filter(booking__in=targets).select_related("item")
    }
    if equipment:
        _lock_equipment(equipment)
        _check_equipment_stock(equipment, new_slots, exclude_booking_ids=[b.pk for b in targets])
    if booking.kind == BookingKind.ORGANISATION and booking.organisation_id and not staff:
        settings = CentreSettings(booking.centre)
        quota = settings["spaces.quota_hours_per_month"]
        if quota:
            requested = _hours_by_month(new_slots)
            used = organisation_hours_used(
                organisation=booking.organisation, months=requested, exclude_ids=[b.pk for b in targets]
            )
            for month, hours in requested.items():
                if used[month] + hours > quota:
                    raise ApplicationError(
                        _(
                            "Po zmianie organizacja przekroczyłaby limit %(quota)s godzin w %(month)02d/%(year)s."
                        )
                        % {"quota": quota, "month": month[1], "year": month[0]}
                    )
    needs_approval = (
        booking.kind == BookingKind.ORGANISATION and not staff and room_rules(room).requires_approval
    )
    try:
        with transaction.atomic():
            for b, (start, end) in zip(targets, new_slots, strict=True):
                old = {"status": b.status, "starts_at": b.starts_at, "ends_at": b.ends_at}
                b.starts_at, b.ends_at = start, end
                if needs_approval and b.status == BookingStatus.APPROVED:
                    b.status = TRANSITIONS[b.status]["reschedule"]
                    b.status_changed_at = timezone.now()
                b.save(update_fields=["starts_at", "ends_at", "status", "status_changed_at", "updated_at"])
                audit_log(
                    actor=actor,
                    obj=b,
                    action="booking.reschedule",
                    old=old,
                    new={"status": b.status, "starts_at": start, "ends_at": end},
                )
    except IntegrityError:
        raise ApplicationError(slot_taken_message(), field="start_time")
    if needs_approval:
        context = {
            "bookings": targets,
            "first": targets[0],
            "room": room,
            "organisation": booking.organisation,
            "series": booking.series,
        }
        notify.send(
            centre=booking.centre,
            to=notify.staff_recipients(booking.centre),
            event="request_received_to_staff",
            context=context,
        )
    return targets


@transaction.atomic
def booking_mark_attendance(*, booking: Booking, actor, attendance: str) -> Booking:
    """Staff record whether the organisation came; no-shows count on its record."""
    if not can_mark_attendance(actor, booking):
        raise ApplicationError(_("Obecność odnotowują pracownicy centrum."))
    if attendance not in Attendance.values:
        raise ApplicationError(_("Nieznana wartość obecności."), field="attendance")
    booking = _locked([booking])[0]
    if booking.status != BookingStatus.APPROVED:
        raise ApplicationError(_("Obecność odnotowuje się tylko na zatwierdzonych rezerwacjach."))
    if booking.starts_at > timezone.now():
        raise ApplicationError(_("Obecność można odnotować dopiero, gdy rezerwacja się zacznie."))
    old = booking.attendance
    booking.attendance = attendance
    booking.attendance_marked_by = actor
    booking.attendance_marked_at = timezone.now()
    booking.save(update_fields=["attendance", "attendance_marked_by", "attendance_marked_at", "updated_at"])
    audit_log(
        actor=actor,
        obj=booking,
        action="booking.attendance",
        old={"attendance": old},
        new={"attendance": attendance},
    )
    return booking
