"""Every state × action × role of bookings, through the real services (tests/test_workflows.py walks the engine)."""

from datetime import time, timedelta

import pytest

from centrum.core.exceptions import ApplicationError
from centrum.spaces.choices import BookingStatus
from centrum.spaces.models import Booking
from centrum.spaces.services import (
    booking_approve,
    booking_cancel,
    booking_reject,
    booking_reschedule,
    offer_accept,
    offer_decline,
)

from .factories import BookingFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

# Written by hand from the product rules: state -> action -> target.
TRANSITIONS = {
    BookingStatus.OFFERED: {"accept": "pending", "decline": "cancelled", "expire": "expired"},
    BookingStatus.PENDING: {
        "approve": "approved",
        "reject": "rejected",
        "cancel": "cancelled",
        "reschedule": "pending",
    },
    BookingStatus.APPROVED: {"cancel": "cancelled", "reschedule": "pending"},
    BookingStatus.REJECTED: {},
    BookingStatus.CANCELLED: {},
    BookingStatus.EXPIRED: {},
}

ACTIONS = {
    "approve": lambda b, u: booking_approve(booking=b, actor=u),
    "reject": lambda b, u: booking_reject(booking=b, actor=u, reason="Sala w remoncie"),
    "cancel": lambda b, u: booking_cancel(booking=b, actor=u),
    "reschedule": lambda b, u: booking_reschedule(
        booking=b,
        actor=u,
        start_time=time(13),
        end_time=time(15),
    ),
    "accept": lambda b, u: offer_accept(booking=b, actor=u),
    "decline": lambda b, u: offer_decline(booking=b, actor=u),
}
# Who may take each action at all (when the state allows it).
ALLOWED_ROLES = {
    "approve": {"staff"},
    "reject": {"staff"},
    "cancel": {"staff", "member"},
    "reschedule": {"staff", "member"},
    "accept": {"member"},
    "decline": {"member", "staff"},  # staff decline for the organisation (e.g. withdrawing its entry)
}


@pytest.fixture
def actors(staff_user, org_member, plain_user, second_member):
    return {"staff": staff_user, "member": org_member, "stranger": plain_user, "other_org": second_member}


@pytest.mark.parametrize("status", list(BookingStatus.values))
@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", ["staff", "member", "stranger", "other_org"])
def test_transition_matrix(room, organisation, actors, status, action, role):
    start, end = slot(next_open_day(), 17, 19)
    booking = BookingFactory(
        room=room,
        organisation=organisation,
        starts_at=start,
        ends_at=end,
        status=status,
        offer_expires_at=start - timedelta(hours=1) if status == BookingStatus.OFFERED else None,
    )
    allowed = action in TRANSITIONS[status] and role in ALLOWED_ROLES[action]
    if allowed:
        ACTIONS[action](booking, actors[role])
        booking.refresh_from_db()
        expected = TRANSITIONS[status][action]
        if action == "reschedule" and (role == "staff" or status == BookingStatus.PENDING):
            expected = status
        assert booking.status == expected
    else:
        with pytest.raises(ApplicationError):
            ACTIONS[action](booking, actors[role])
        assert Booking.objects.get(pk=booking.pk).status == status
