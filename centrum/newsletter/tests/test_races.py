"""A second send of the same announcement, raced: two staff (or a double click) send at once, and two
workers deliver at once. One send wins; each address gets one mail."""

import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.core.workflow import TransitionRefused
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ..choices import AnnouncementStatus
from ..models import Announcement, AnnouncementRecipient
from ..services import announcement_send, deliver_batch
from .factories import announcement_in_state, organisation_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def _world(count: int):
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    staff = [UserFactory(email=f"pracownik{i}@example.org") for i in range(count)]
    for user in staff:
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.STAFF)
    for n in range(5):
        organisation_in(centre, "1", email=f"org{n}@example.org", nip="", regon="")
    return centre, staff


def test_two_sends_at_once_one_wins():
    centre, staff = _world(3)
    announcement = announcement_in_state(centre=centre)
    copies = [Announcement.objects.get(pk=announcement.pk) for _ in staff]

    def send(i):
        return announcement_send(announcement=copies[i], actor=staff[i])

    results = _race(send, len(staff))
    won = [r for r in results if not isinstance(r, Exception)]
    assert len(won) == 1, results
    assert all(isinstance(r, TransitionRefused) for r in results if isinstance(r, Exception)), results
    assert Announcement.objects.get(pk=announcement.pk).status == AnnouncementStatus.SENDING
    assert AnnouncementRecipient.objects.filter(announcement=announcement).count() == 5
    assert AuditEntry.objects.filter(action="announcement.sent").count() == 1


def test_two_workers_delivering_at_once_queue_each_address_once():
    centre, _staff = _world(1)
    announcement = announcement_in_state(centre=centre, state=AnnouncementStatus.SENDING)

    def deliver(i):
        return deliver_batch(announcement=Announcement.objects.get(pk=announcement.pk), limit=100)

    results = _race(deliver, 3)
    assert sorted(results) == [0, 0, 5], results
    addresses = [m.to[0] for m in OutboxMessage.objects.filter(centre=centre)]
    assert len(addresses) == len(set(addresses)) == 5
