"""Booking writes, one module per concern; every name is importable from here as before the split.

- `booking_checks`: slot wording, the plan of a request, monthly quota, equipment stock.
- `booking_requests`: request one slot or a series (`booking_preview`, `booking_request`).
- `booking_transitions`: approve, reject, cancel (one occurrence, the following ones, the series).
- `booking_reschedule`: new hours or a new day.
- `booking_attendance`: whether the organisation came.
"""

from .booking_attendance import booking_mark_attendance
from .booking_checks import (
    BookingPlan,
    format_slot,
    organisation_hours_used,
    organisation_no_show_count,
    organisations_hours_used_in_month,
    slot_taken_message,
)
from .booking_requests import booking_preview, booking_request
from .booking_reschedule import booking_reschedule
from .booking_transitions import booking_approve, booking_cancel, booking_reject, occurrences_in_scope

__all__ = [
    "BookingPlan",
    "booking_approve",
    "booking_cancel",
    "booking_mark_attendance",
    "booking_preview",
    "booking_reject",
    "booking_request",
    "booking_reschedule",
    "format_slot",
    "occurrences_in_scope",
    "organisation_hours_used",
    "organisation_no_show_count",
    "organisations_hours_used_in_month",
    "slot_taken_message",
]
