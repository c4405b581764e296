"""Rescheduling: new hours for one occurrence (optionally a new day) or for this and the following ones."""

from datetime import date, datetime, time

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centrum.core.calendar import WARSAW
from centrum.core.centre_settings import CentreSettings
from centrum.core.exceptions import ApplicationError
from centrum.core.permissions import is_centre_staff
from centrum.core.workflow import workflow_apply

from ..availability import check_slots, local, room_rules
from ..choices import BookingKind, BookingStatus
from ..models import Booking, BookingEquipment
from ..permissions import can_reschedule_booking
from ..workflows import BOOKING_STATUS
from . import notify
from .bookers import check_person_quota, person_hours_used
from .booking_checks import (
    BookingPlan,
    _check_equipment_stock,
    _hours_by_month,
    _lock_equipment,
    _raise_for_problems,
    organisation_hours_used,
    slot_taken_message,
)
from .booking_transitions import _locked, occurrences_in_scope


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
        b
        for b in _locked(occurrences_in_scope(booking, scope))
        if BOOKING_STATUS.allows(b.status, "reschedule")
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
                        ngettext(
                            "Po zmianie organizacja przekroczyłaby limit %(quota)s godziny w %(month)02d/%(year)s.",
                            "Po zmianie organizacja przekroczyłaby limit %(quota)s godzin w %(month)02d/%(year)s.",
                            quota,
                        )
                        % {"quota": quota, "month": month[1], "year": month[0]}
                    )
    if booking.is_personal_booker and not staff:
        requested = _hours_by_month(new_slots)
        check_person_quota(
            quota=CentreSettings(booking.centre)["spaces.residents_quota_hours_per_month"],
            used=person_hours_used(
                centre=booking.centre,
                user=booking.requested_by,
                months=requested,
                exclude_ids=[b.pk for b in targets],
            ),
            requested=requested,
        )
    # A resident's or group's new hours always go back to staff, whatever the room's approval rule.
    needs_approval = (
        booking.kind == BookingKind.ORGANISATION
        and not staff
        and (booking.is_personal_booker or room_rules(room).requires_approval)
    )
    try:
        with transaction.atomic():
            for b, (start, end) in zip(targets, new_slots, strict=True):
                to_staff = needs_approval and b.status == BookingStatus.APPROVED
                workflow_apply(
                    obj=b,
                    action="reschedule_for_approval" if to_staff else "reschedule",
                    actor=actor,
                    workflow=BOOKING_STATUS,
                    values={"starts_at": start, "ends_at": end},
                )
    except IntegrityError:
        raise ApplicationError(slot_taken_message(), field="start_time")
    if needs_approval:
        context = {
            "bookings": targets,
            "first": targets[0],
            "room": room,
            "organisation": booking.organisation,
            "booker": booking.booker_label,
            "series": booking.series,
        }
        notify.send(
            centre=booking.centre,
            to=notify.staff_recipients(booking.centre),
            event="request_received_to_staff",
            context=context,
        )
    return targets
