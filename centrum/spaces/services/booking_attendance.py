"""Attendance: staff record whether the organisation came to an approved booking."""

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError
from centrum.core.workflow import workflow_apply

from ..choices import Attendance
from ..models import Booking
from ..workflows import BOOKING_ATTENDANCE


@transaction.atomic
def booking_mark_attendance(*, booking: Booking, actor, attendance: str) -> Booking:
    """Staff record whether the organisation came; no-shows count on its record."""
    if attendance not in Attendance.values:
        raise ApplicationError(_("Nieznana wartość obecności."), field="attendance")
    return workflow_apply(
        obj=booking,
        action=attendance,
        actor=actor,
        workflow=BOOKING_ATTENDANCE,
    )
