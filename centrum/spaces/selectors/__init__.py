"""Reads of rooms, bookings, the waiting list, loans, lets and feeds. Every selector takes the centre.

One module per concern; every name is importable from `centrum.spaces.selectors` as before.
"""

from .bookings import (
    booking_get_visible,
    booking_queue,
    booking_queue_count,
    bookings_for_user,
    bookings_to_mark,
    organisations_acting_for,
    organisations_active,
    staff_dashboard_counts,
    waiting_for_user,
    waiting_get_visible,
    waiting_list,
)
from .feeds import (
    feed_bookings_for_organisation,
    feed_bookings_for_room,
    organisation_feed_get,
    organisation_feeds_by_organisation,
)
from .free_rooms import FreeRooms, free_rooms
from .free_slots import (
    FreeSlot,
    RoomFreeSlots,
    free_slot_search,
    free_slots,
)
from .free_slots import _round_up as _round_up  # private, imported by its test
from .history import organisation_support_history
from .loans import (
    loan_get_visible,
    loan_list,
    loans_for_user,
    loans_overdue,
)
from .rooms import (
    BusySlot,
    DayAvailability,
    day_bounds,
    equipment_get,
    equipment_list,
    let_get,
    let_list,
    lets_active,
    planner,
    room_get,
    room_list,
    room_public_week,
    week_start,
)
from .uses import (
    equipment_use_get,
    equipment_use_list,
    equipment_use_summary,
    equipment_uses_for_organisation,
    walk_in_equipment,
)

__all__ = [
    "BusySlot",
    "DayAvailability",
    "FreeRooms",
    "FreeSlot",
    "RoomFreeSlots",
    "booking_get_visible",
    "booking_queue",
    "booking_queue_count",
    "bookings_for_user",
    "bookings_to_mark",
    "day_bounds",
    "equipment_get",
    "equipment_list",
    "equipment_use_get",
    "equipment_use_list",
    "equipment_use_summary",
    "equipment_uses_for_organisation",
    "feed_bookings_for_organisation",
    "feed_bookings_for_room",
    "free_rooms",
    "free_slot_search",
    "free_slots",
    "let_get",
    "let_list",
    "lets_active",
    "loan_get_visible",
    "loan_list",
    "loans_for_user",
    "loans_overdue",
    "organisation_feed_get",
    "organisation_feeds_by_organisation",
    "organisations_acting_for",
    "organisation_support_history",
    "organisations_active",
    "planner",
    "room_get",
    "room_list",
    "room_public_week",
    "staff_dashboard_counts",
    "waiting_for_user",
    "waiting_get_visible",
    "waiting_list",
    "walk_in_equipment",
    "week_start",
]
