"""Two people taking the last seat at once: one gets it, the other is wait-listed (and told); one person
registering twice at once: one registration. Real threads with their own connections, on SQLite and
PostgreSQL (`race_database`)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from centrum.core.exceptions import ApplicationError
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.spaces.tests.test_concurrency import _race

from ..models import Registration, Training
from ..services import registration_cancel, registration_create
from .factories import training_with_session

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]

RACERS = 4


def _centre():
    return CentreFactory(slug="miechow", host="miechow.localhost")


def test_the_last_seat_goes_to_exactly_one_the_others_wait():
    training = training_with_session(_centre(), capacity=1)

    def worker(i):
        return registration_create(
            training=Training.objects.get(pk=training.pk),
            actor=AnonymousUser(),
            name=f"Osoba {i}",
            email=f"o{i}@example.org",
        )

    results = _race(worker, RACERS)
    assert not [r for r in results if isinstance(r, Exception)], results
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == ["confirmed"] + ["waiting"] * (RACERS - 1)
    assert OutboxMessage.objects.filter(event="registration_waiting_to_person").count() == RACERS - 1


def test_one_person_registering_twice_at_once_gets_one_registration():
    training = training_with_session(_centre(), capacity=5)

    def worker(i):
        return registration_create(
            training=Training.objects.get(pk=training.pk),
            actor=AnonymousUser(),
            name="Jan",
            email="jan@example.org",
        )

    results = _race(worker, RACERS)
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert len(refused) == RACERS - 1, results
    assert Registration.objects.count() == 1


def test_two_cancellations_at_once_promote_exactly_two_waiting_people():
    training = training_with_session(_centre(), capacity=2)
    confirmed = [
        registration_create(training=training, actor=AnonymousUser(), name=f"P{i}", email=f"p{i}@example.org")
        for i in range(2)
    ]
    for i in range(3):
        registration_create(training=training, actor=AnonymousUser(), name=f"W{i}", email=f"w{i}@example.org")

    staff = [_staff(training), _staff(training)]

    def worker(i):
        registration = Registration.objects.get(pk=confirmed[i].pk)
        return registration_cancel(registration=registration, actor=staff[i])

    results = _race(worker, 2)
    assert not [r for r in results if isinstance(r, Exception)], results
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert [statuses[f"w{i}@example.org"] for i in range(3)] == ["confirmed", "confirmed", "waiting"]


def _staff(training):
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory

    user = UserFactory()
    CentreRoleFactory(centre=training.centre, user=user, role=CentreRoleKind.STAFF)
    return user
