"""Attendance: staff record whether the organisation came to an approved booking."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError

from ..choices import Attendance, BookingStatus
from ..models import Booking
from ..permissions import can_mark_attendance
from .booking_transitions import _locked


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
