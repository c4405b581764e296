"""Booking requests: one slot or a series, checked occurrence by occurrence (preview), then stored."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centrum.core.audit import audit_log
from centrum.core.calendar import WARSAW
from centrum.core.centre_settings import CentreSettings
from centrum.core.exceptions import ApplicationError
from centrum.core.permissions import is_centre_staff
from centrum.organisations.models import Organisation

from ..availability import check_slots, equipment_in_use, local, room_rules
from ..choices import USABLE_CONDITIONS, BookingKind, BookingStatus, Recurrence
from ..models import Booking, BookingEquipment, BookingSeries, EquipmentItem, Room
from ..permissions import can_book_for_centre, can_book_room
from ..recurrence import occurrence_dates
from . import notify
from .bookers import ORGANISATION, Booker, check_person_quota, lock_person, person_hours_used
from .booking_checks import (
    BookingPlan,
    _check_equipment_stock,
    _hours,
    _hours_by_month,
    _lock_equipment,
    _raise_for_problems,
    check_capacity,
    organisation_hours_used,
    organisation_no_show_count,
    slot_taken_message,
)


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


def _validate_common(
    *,
    room: Room,
    actor,
    organisation: Organisation | None,
    kind: str,
    title: str,
    attendees: int | None,
    equipment: dict[EquipmentItem, int],
    booker: Booker = ORGANISATION,
) -> None:
    centre = room.centre
    if booker.personal:
        if kind != BookingKind.ORGANISATION:
            raise ApplicationError(_("Mieszkaniec ani grupa nieformalna nie wpisuje wydarzeń centrum."))
        booker.validate(actor=actor, centre=centre, room=room, organisation=organisation)
    elif kind == BookingKind.ORGANISATION:
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
    # An organisation says how many people come (the room's capacity, the centre's statistics); staff
    # entering a centre event or a block need not.
    if kind == BookingKind.ORGANISATION and not attendees:
        raise ApplicationError(_("Podaj przewidywaną liczbę uczestników."), field="attendees")
    if kind in (BookingKind.ORGANISATION, BookingKind.CENTRE):
        check_capacity(room, attendees)
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
    booker: Booker = ORGANISATION,
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
        booker=booker,
    )
    staff = is_centre_staff(actor, room.centre)
    if kind == BookingKind.ORGANISATION and not staff and not booker.personal:
        threshold = settings["spaces.no_show_block_threshold"]
        no_shows = (
            organisation_no_show_count(organisation=organisation, settings=settings, now=now)
            if threshold
            else 0
        )
        if threshold and no_shows >= threshold:
            raise ApplicationError(
                ngettext(
                    "Organizacja ma %(count)s nieobecność na rezerwacjach w ostatnich %(days)s dniach, "
                    "więc nowe rezerwacje są wstrzymane. Skontaktuj się z centrum.",
                    "Organizacja ma %(count)s nieobecności na rezerwacjach w ostatnich %(days)s dniach, "
                    "więc nowe rezerwacje są wstrzymane. Skontaktuj się z centrum.",
                    no_shows,
                )
                % {"count": no_shows, "days": settings["spaces.no_show_window_days"]}
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
    if booker.personal:
        plan.quota_hours = settings["spaces.residents_quota_hours_per_month"]
        plan.quota_requested = _hours_by_month(slots)
        plan.quota_used = person_hours_used(centre=room.centre, user=actor, months=plan.quota_requested)
        if not staff:
            check_person_quota(quota=plan.quota_hours, used=plan.quota_used, requested=plan.quota_requested)
    elif kind == BookingKind.ORGANISATION:
        plan.quota_hours = settings["spaces.quota_hours_per_month"]
        plan.quota_requested = _hours_by_month(slots)
        plan.quota_used = organisation_hours_used(organisation=organisation, months=plan.quota_requested)
        if plan.quota_hours and not staff:
            for month, hours in plan.quota_requested.items():
                if plan.quota_used[month] + hours > plan.quota_hours:
                    raise ApplicationError(
                        ngettext(
                            "Limit centrum to %(quota)s godzina rezerwacji na organizację w miesiącu. "
                            "W %(month)02d/%(year)s organizacja ma już %(used)s h, a ta rezerwacja to %(hours)s h.",
                            "Limit centrum to %(quota)s godzin rezerwacji na organizację w miesiącu. "
                            "W %(month)02d/%(year)s organizacja ma już %(used)s h, a ta rezerwacja to %(hours)s h.",
                            plan.quota_hours,
                        )
                        % {
                            "quota": plan.quota_hours,
                            "month": month[1],
                            "year": month[0],
                            "used": _hours(plan.quota_used[month]),
                            "hours": _hours(hours),
                        },
                        # The page shows the member the same per-month table staff see.
                        extra={"plan": plan},
                    )
    return plan


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


def series_create(
    *,
    room: Room,
    actor,
    organisation: Organisation | None,
    title: str,
    recurrence: str,
    starts_at: datetime,
    ends_at: datetime,
    until: date | None,
    count: int | None,
    skipped: Iterable[date] = (),
    booker: Booker = ORGANISATION,
) -> BookingSeries:
    """What a person asked for when booking (or waiting for) a recurring slot."""
    first_local, end_local = local(starts_at), local(ends_at)
    series = BookingSeries(
        centre=room.centre,
        room=room,
        organisation=organisation,
        **booker.fields(),
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
        title=title.strip(),
        recurrence=recurrence,
        first_date=first_local.date(),
        until_date=until,
        count=count,
        start_time=first_local.time(),
        end_time=end_local.time(),
        skipped_dates=[d.isoformat() for d in skipped],
    )
    series.full_clean()
    series.save()
    return series


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
    booker: Booker = ORGANISATION,
) -> list[Booking]:
    """Book a room for one slot or a series. Any occurrence that breaks a rule or collides refuses the whole.

    A resident's or an informal group's request always waits for staff, whatever the room's approval rule."""
    equipment = {item: qty for item, qty in (equipment or {}).items() if qty}
    if booker.personal and getattr(actor, "pk", None):
        lock_person(actor)
    elif organisation is not None and kind == BookingKind.ORGANISATION:
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
        booker=booker,
    )
    _raise_for_problems(plan)
    if kind == BookingKind.ORGANISATION and not purpose.strip():
        raise ApplicationError(_("Opisz działanie statutowe, które odbędzie się w sali."), field="purpose")
    staff = is_centre_staff(actor, room.centre)
    rules = room_rules(room)
    auto = not booker.personal and (kind != BookingKind.ORGANISATION or staff or not rules.requires_approval)
    status = BookingStatus.APPROVED if auto else BookingStatus.PENDING
    now = timezone.now()
    series = None
    if len(plan.slots) > 1 or recurrence != Recurrence.ONCE:
        series = series_create(
            room=room,
            actor=actor,
            organisation=organisation if kind == BookingKind.ORGANISATION and not booker.personal else None,
            booker=booker,
            title=title,
            recurrence=recurrence,
            starts_at=starts_at,
            ends_at=ends_at,
            until=until,
            count=count,
            skipped=plan.skipped,
        )
    bookings = [
        Booking(
            centre=room.centre,
            room=room,
            series=series,
            kind=kind,
            organisation=organisation
            if kind in (BookingKind.ORGANISATION, BookingKind.LET) and not booker.personal
            else None,
            **booker.fields(),
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
            "organisation": organisation if not booker.personal else None,
            "booker": bookings[0].booker_label,
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
