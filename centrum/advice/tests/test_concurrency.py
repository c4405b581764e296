"""Two people take the same advice slot at once: exactly one wins, the others are told, on SQLite and
PostgreSQL (the partial unique index on (adviser, starts_at) of booked appointments decides)."""

import pytest
from django.db import IntegrityError, transaction

from centrum.core.exceptions import ApplicationError
from centrum.core.tests.factories import CentreFactory
from centrum.spaces.tests.test_concurrency import _race

from ..choices import AppointmentStatus
from ..models import Adviser, Appointment
from ..services import appointment_book
from .factories import AdviserFactory, AppointmentFactory, monday_slot

pytestmark = [
    pytest.mark.dates,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("race_database"),
]

RACERS = 4


def test_simultaneous_bookings_of_one_slot_exactly_one_wins():
    centre = CentreFactory(slug="myslowice", host="myslowice.localhost")
    adviser = AdviserFactory(centre=centre)
    start, _end = monday_slot(11)

    def worker(i):
        return appointment_book(
            centre=centre,
            adviser=Adviser.objects.get(pk=adviser.pk),
            starts_at=start,
            actor=None,
            topic="Zakładanie stowarzyszenia",
            question="Od czego zacząć?",
            name=f"Osoba {i}",
            email=f"osoba{i}@example.org",
            founding=True,
        )

    results = _race(worker, RACERS)
    wins = [r for r in results if isinstance(r, Appointment)]
    losses = [r for r in results if isinstance(r, ApplicationError)]
    assert len(wins) == 1, results
    assert len(losses) == RACERS - 1, results
    assert all("zaj" in loss.message for loss in losses)
    assert Appointment.objects.filter(adviser=adviser, status=AppointmentStatus.BOOKED).count() == 1


def test_the_database_refuses_a_second_booking_that_skips_the_services():
    centre = CentreFactory(slug="myslowice", host="myslowice.localhost")
    first = AppointmentFactory(adviser=AdviserFactory(centre=centre))
    with pytest.raises(IntegrityError), transaction.atomic():
        AppointmentFactory(adviser=first.adviser, starts_at=first.starts_at)
    # A cancelled appointment frees the slot.
    AppointmentFactory(adviser=first.adviser, starts_at=first.starts_at, status=AppointmentStatus.CANCELLED)
    Appointment.objects.filter(pk=first.pk).update(status=AppointmentStatus.CANCELLED)
    AppointmentFactory(adviser=first.adviser, starts_at=first.starts_at)
