"""On-delete rules: a centre goes with everything it owns; an organisation or a room with bookings stays."""

import pytest
from django.db.models import RestrictedError

from centrum.core.models import Centre
from centrum.organisations.models import Organisation
from centrum.spaces.choices import LoanStatus
from centrum.spaces.models import Booking, BookingEquipment, EquipmentItem, Loan, LoanItem, Room, RoomLet

from .factories import BookingFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def booked(centre, room, organisation, projector):
    booking = BookingFactory(room=room, organisation=organisation)
    BookingEquipment.objects.create(centre=centre, booking=booking, item=projector, quantity=1)
    loan = Loan.objects.create(
        centre=centre,
        number="UŻ/2026/0001",
        organisation=organisation,
        purpose="Piknik",
        starts_on=booking.starts_at.date(),
        due_on=booking.starts_at.date(),
        status=LoanStatus.APPROVED,
    )
    LoanItem.objects.create(centre=centre, loan=loan, item=projector, quantity=1)
    start, end = slot(next_open_day(weeks_ahead=3), 8, 20)
    let_booking = BookingFactory(
        room=room, organisation=organisation, kind="let", starts_at=start, ends_at=end
    )
    RoomLet.objects.create(
        centre=centre,
        room=room,
        organisation=organisation,
        booking=let_booking,
        starts_on=let_booking.starts_at.date(),
        ends_on=let_booking.starts_at.date(),
    )
    return booking


def test_deleting_a_centre_takes_its_rooms_bookings_and_loans(centre, other_room, booked):
    other_booking = BookingFactory(room=other_room)
    centre.delete()
    assert not Centre.objects.filter(pk=centre.pk).exists()
    assert list(Booking.objects.values_list("pk", flat=True)) == [other_booking.pk]
    assert not Loan.objects.exists() and not RoomLet.objects.exists()
    assert list(Room.objects.all()) == [other_room]


def test_an_organisation_with_bookings_or_loans_cannot_be_deleted_directly(organisation, booked):
    with pytest.raises(RestrictedError):
        organisation.delete()
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert Booking.objects.filter(pk=booked.pk).exists()


def test_a_room_or_equipment_in_use_cannot_be_deleted_directly(room, projector, booked):
    with pytest.raises(RestrictedError):
        room.delete()
    with pytest.raises(RestrictedError):
        projector.delete()
    assert Room.objects.filter(pk=room.pk).exists() and EquipmentItem.objects.filter(pk=projector.pk).exists()
