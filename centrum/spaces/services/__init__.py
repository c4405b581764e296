"""Writes of the spaces app. Each service is atomic, checks permissions, audits and mails through the outbox."""

from .bookings import (
    BookingPlan,
    booking_approve,
    booking_cancel,
    booking_mark_attendance,
    booking_preview,
    booking_reject,
    booking_request,
    booking_reschedule,
    format_slot,
    organisation_hours_used,
    organisation_no_show_count,
    organisations_hours_used_in_month,
)
from .lets import let_create, let_end
from .loans import (
    loan_approve,
    loan_cancel,
    loan_hand_over,
    loan_reject,
    loan_request,
    loan_return,
    loans_overdue_notify,
)
from .photos import room_photo_add, room_photo_move, room_photo_remove, room_photo_update
from .reminders import bookings_remind
from .rooms import equipment_save, organisation_feed_token, room_save
from .uses import equipment_use_quota, equipment_use_record, equipment_use_remove
from .waiting import (
    offer_accept,
    offer_decline,
    offers_expire,
    waiting_list_join,
    waiting_list_join_series,
    waiting_list_withdraw,
)

__all__ = [
    "BookingPlan",
    "booking_approve",
    "booking_cancel",
    "booking_mark_attendance",
    "booking_preview",
    "booking_reject",
    "booking_request",
    "booking_reschedule",
    "bookings_remind",
    "equipment_save",
    "equipment_use_quota",
    "equipment_use_record",
    "equipment_use_remove",
    "format_slot",
    "let_create",
    "let_end",
    "loan_approve",
    "loan_cancel",
    "loan_hand_over",
    "loan_reject",
    "loan_request",
    "loan_return",
    "loans_overdue_notify",
    "offer_accept",
    "offer_decline",
    "offers_expire",
    "organisation_feed_token",
    "organisation_hours_used",
    "organisation_no_show_count",
    "organisations_hours_used_in_month",
    "room_photo_add",
    "room_photo_move",
    "room_photo_remove",
    "room_photo_update",
    "room_save",
    "waiting_list_join",
    "waiting_list_join_series",
    "waiting_list_withdraw",
]
