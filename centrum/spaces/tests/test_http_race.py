"""Two decisions on one booking at once through the pages and the API: one wins, the other hears why.

A double click on approve or cancel, two staff members, staff approving while the member cancels: real
concurrent requests (a thread each, its own database connection), never a 500.
"""

import json

import pytest
from django.test import Client

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.models import AuditEntry
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.choices import BookingStatus
from centrum.spaces.models import Booking

from .factories import BookingFactory, RoomFactory, next_open_day, slot
from .test_concurrency import _race

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]

ROUNDS = 2


@pytest.fixture
def people():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    organisation = OrganisationFactory(centre=centre, name="Stowarzyszenie Dwóch Kliknięć", nip="", regon="")
    member = UserFactory(email="prezes-race@example.org")
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.ADMIN)
    staff = []
    for i in range(2):
        user = UserFactory(email=f"pracownik-race{i}@example.org")
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.STAFF)
        staff.append(user)
    room = RoomFactory(centre=centre, name="Sala konferencyjna")
    return {"centre": centre, "organisation": organisation, "member": member, "staff": staff, "room": room}


def _booking(people, status):
    start, end = slot(next_open_day(), 8 + Booking.objects.count(), 9 + Booking.objects.count())
    return BookingFactory(
        room=people["room"], organisation=people["organisation"], starts_at=start, ends_at=end, status=status
    )


def _client(people, user):
    client = Client(HTTP_HOST=people["centre"].primary_host)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _page(client, booking, action):
    data = {"state": booking.status, "cancel-scope": "one", "decision-scope": "one"}
    if action == "reject":
        data["decision-reason"] = "Sala zajęta"
    return client.post(f"/sale/rezerwacje/{booking.pk}/akcja/{action}/", data)


def _api(client, booking, action):
    body = {"reason": "Sala zajęta"} if action == "reject" else {}
    return client.post(
        f"/api/v1/rooms/bookings/{booking.pk}/{action}",
        data=json.dumps(body),
        content_type="application/json",
    )


PAIRS = [
    ("approve", "approve", ("staff0", "staff0")),  # a double click
    ("approve", "approve", ("staff0", "staff1")),  # two staff members
    ("cancel", "cancel", ("member", "member")),
    ("approve", "cancel", ("staff0", "member")),  # staff approving while the member cancels
    ("reject", "cancel", ("staff1", "member")),
    ("approve", "reject", ("staff0", "staff1")),
    ("cancel", "cancel", ("staff0", "member")),
]


def _won(layer, response) -> bool:
    if layer == "api":
        assert response.status_code in (200, 409), (response.status_code, response.content)
        if response.status_code == 409:
            detail = response.json()["detail"]
            assert "zatwierdzona" in detail or "anulowana" in detail or "odrzucona" in detail, detail
        return response.status_code == 200
    assert response.status_code == 302, response.status_code
    page = response.client.get(response.url)
    shown = [(m.level_tag, str(m)) for m in page.context["messages"]]
    assert len(shown) == 1, shown
    level, text = shown[0]
    if level == "error":
        assert "zatwierdzona" in text or "anulowana" in text or "odrzucona" in text, text
        return False
    assert "terminów: 1" in text, text
    return True


@pytest.mark.parametrize("layer", ["page", "api"])
@pytest.mark.parametrize(("first", "second", "who"), PAIRS)
def test_two_decisions_on_one_booking_at_once(people, layer, first, second, who):
    """Exactly one wins, the other gets the usual refusal (page: the message; API: 409), one audit entry."""
    actors = {"staff0": people["staff"][0], "staff1": people["staff"][1], "member": people["member"]}
    send = _page if layer == "page" else _api
    for _round in range(ROUNDS):
        booking = _booking(people, BookingStatus.PENDING)
        clients = [_client(people, actors[w]) for w in who]
        actions = (first, second)
        responses = _race(lambda i: send(clients[i], booking, actions[i]), 2)
        assert not [r for r in responses if isinstance(r, Exception)], responses
        won = [_won(layer, r) for r in responses]
        assert won.count(True) == 1, won
        winner = actions[won.index(True)]
        booking.refresh_from_db()
        assert booking.status == {"approve": "approved", "reject": "rejected", "cancel": "cancelled"}[winner]
        audits = AuditEntry.objects.filter(object_id=str(booking.pk), action__startswith="booking.")
        assert list(audits.values_list("action", flat=True)) == [f"booking.{winner}"]
