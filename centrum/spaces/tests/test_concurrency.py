"""Two requests for the same slot at the same moment: exactly one wins, on SQLite and on PostgreSQL."""

import contextvars
import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.choices import BLOCKING_STATUSES, BookingStatus
from centrum.spaces.models import Booking, BookingEquipment, EquipmentItem, Room
from centrum.spaces.services import booking_request

from .factories import BookingFactory, EquipmentFactory, RoomFactory, next_open_day, slot

pytestmark = [
    pytest.mark.dates,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("race_database"),
]

RACERS = 4


def _race(worker, count: int) -> list[object]:
    """Run `worker(i)` in `count` threads released together; each thread has its own DB connection."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i):
        try:
            barrier.wait(timeout=10)
            results[i] = worker(i)
        except Exception as exc:  # the outcome is what the test inspects
            results[i] = exc
        finally:
            connections.close_all()

    # Each thread works in a copy of the test's context (its platform scope), as the test body would.
    threads = [threading.Thread(target=contextvars.copy_context().run, args=(run, i)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def _members(centre, count):
    members = []
    for i in range(count):
        org = OrganisationFactory(centre=centre, name=f"Stowarzyszenie Wyścigowe {i}", nip="", regon="")
        user = UserFactory(email=f"racer{i}@example.org")
        MembershipFactory(user=user, organisation=org, role=MembershipRole.ADMIN)
        members.append((user, org))
    return members


def test_simultaneous_requests_for_one_slot_exactly_one_wins():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    room = RoomFactory(centre=centre, name="Sala wykładowa")
    members = _members(centre, RACERS)
    start, end = slot(next_open_day(), 17, 19)

    def worker(i):
        user, org = members[i]
        return booking_request(
            room=Room.objects.get(pk=room.pk),
            actor=user,
            organisation=org,
            starts_at=start,
            ends_at=end,
            title=f"Warsztaty {i}",
            purpose="Zajęcia statutowe",
            attendees=10,
        )

    results = _race(worker, RACERS)
    wins = [r for r in results if isinstance(r, list)]
    losses = [r for r in results if isinstance(r, ApplicationError)]
    assert len(wins) == 1, results
    assert len(losses) == RACERS - 1, results
    for loss in losses:
        assert "zaj" in loss.message  # "termin zajęty" / "zajęła inna rezerwacja"
    assert Booking.objects.filter(room=room, status__in=BLOCKING_STATUSES).count() == 1


def test_simultaneous_requests_cannot_overcommit_equipment():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    rooms = [RoomFactory(centre=centre, name=f"Sala warsztatowa {i}") for i in range(RACERS)]
    projector = EquipmentFactory(centre=centre, name="Rzutnik", quantity=1)
    members = _members(centre, RACERS)
    start, end = slot(next_open_day(), 10, 12)

    def worker(i):
        user, org = members[i]
        return booking_request(
            room=Room.objects.get(pk=rooms[i].pk),
            actor=user,
            organisation=org,
            starts_at=start,
            ends_at=end,
            title="Szkolenie",
            purpose="Zajęcia statutowe",
            attendees=5,
            equipment={EquipmentItem.objects.get(pk=projector.pk): 1},
        )

    results = _race(worker, RACERS)
    assert len([r for r in results if isinstance(r, list)]) == 1, results
    assert all(isinstance(r, ApplicationError | list) for r in results), results
    assert BookingEquipment.objects.filter(item=projector).count() == 1


def test_database_refuses_an_overlap_that_skips_the_services():
    """The last line of defence: even code that forgets the checks cannot store an overlap on PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no exclusion constraints; its guarantee is the serialised transaction above")
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    room = RoomFactory(centre=centre)
    first = BookingFactory(room=room, status=BookingStatus.APPROVED)
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(
            room=room, starts_at=first.starts_at, ends_at=first.ends_at, status=BookingStatus.PENDING
        )
    # A cancelled booking does not hold the room.
    BookingFactory(
        room=room, starts_at=first.starts_at, ends_at=first.ends_at, status=BookingStatus.CANCELLED
    )
