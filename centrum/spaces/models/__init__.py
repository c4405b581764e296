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
from .uses import EquipmentUse

__all__ = [
    "Booking",
    "BookingEquipment",
    "BookingSeries",
    "EquipmentItem",
    "EquipmentUse",
    "Loan",
    "LoanItem",
    "OrganisationCalendarFeed",
    "Room",
    "RoomLet",
    "RoomOpeningHours",
    "RoomPhoto",
    "WaitingListEntry",
]
