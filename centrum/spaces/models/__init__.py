from .bookings import (
    Booking,
    BookingEquipment,
    BookingSeries,
    OrganisationCalendarFeed,
    RoomLet,
    WaitingListEntry,
)
from .loans import Loan, LoanItem
from .rooms import EquipmentItem, Room, RoomOpeningHours, RoomPhoto

__all__ = [
    "Booking",
    "BookingEquipment",
    "BookingSeries",
    "EquipmentItem",
    "Loan",
    "LoanItem",
    "OrganisationCalendarFeed",
    "Room",
    "RoomLet",
    "RoomOpeningHours",
    "RoomPhoto",
    "WaitingListEntry",
]
