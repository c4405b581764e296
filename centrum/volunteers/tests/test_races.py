"""Two volunteers for the last place: the host (two tabs, or the host and the coordinator) accepts both at once;
one is accepted, the other is told there is no place left; the offer never holds more than its capacity. The
same for a shift of an event, and for two volunteers applying to the last place at once (both may wait for a
decision, only one can be accepted)."""

import pytest

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.core.workflow import workflow_apply
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ..models import Application, Offer, Shift
from ..workflows import APPLICATION_STATUS
from .factories import OfferFactory, VolunteerFactory, application_for, host_of, shift_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def _host(centre):
    organisation = OrganisationFactory(centre=centre, email="fundacja@example.org", nip="")
    member = UserFactory(email="host@example.org")
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.ADMIN)
    return host_of(organisation), member


@pytest.mark.parametrize("with_shift", [False, True])
def test_two_acceptances_for_the_last_place_one_wins(with_shift):
    centre = CentreFactory(slug="zory", host="zory.localhost")
    host, member = _host(centre)
    offer = OfferFactory(centre=centre, host=host, capacity=1, kind="event" if with_shift else "period")
    shift = shift_for(offer, capacity=1) if with_shift else None
    applications = [
        application_for(
            offer, VolunteerFactory(centre=centre, user=UserFactory(email=f"v{i}@example.org")), shift=shift
        )
        for i in range(2)
    ]
    copies = [Application.objects.get(pk=a.pk) for a in applications]

    def accept(i):
        return workflow_apply(obj=copies[i], action="accept", actor=member, workflow=APPLICATION_STATUS)

    results = _race(accept, 2)
    won = [i for i, r in enumerate(results) if not isinstance(r, Exception)]
    assert len(won) == 1, results
    lost = [r for r in results if isinstance(r, Exception)]
    assert all(isinstance(r, ApplicationError) and "wolnych miejsc" in r.message for r in lost), results
    place = Shift.objects.get(pk=shift.pk) if with_shift else Offer.objects.get(pk=offer.pk)
    assert place.taken == 1
    assert Application.objects.filter(status="accepted").count() == 1
    assert AuditEntry.objects.filter(action="application.accepted").count() == 1
    assert OutboxMessage.objects.filter(event="decision_to_volunteer").count() == 1
