"""Two proposals of one company (one NIP) sent at once: one profile is stored, the other is told the NIP
already has one (the partial unique index decides, not a read before the write); and two staff members
deciding one proposal at once (publish and reject): one wins, one mail to the proposer."""

import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.core.workflow import TransitionRefused, workflow_apply
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ..models import Company
from ..services import company_propose
from .factories import company_in_state

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def test_two_proposals_of_one_nip_at_once_store_one_profile():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")

    def propose(i):
        return company_propose(
            centre=centre,
            data={
                "name": f"Firma {i}",
                "nip": "5730000015",
                "email": f"f{i}@example.com",
                "offers_money": True,
            },
            proposer_email=f"f{i}@example.com",
        )

    results = _race(propose, 2)
    stored = [r for r in results if isinstance(r, Company)]
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert len(stored) == 1 and len(refused) == 1, results
    assert refused[0].field == "nip"
    assert Company.objects.filter(nip="5730000015").count() == 1
    assert AuditEntry.objects.filter(action="company.proposed").count() == 1


def test_two_staff_deciding_one_proposal_at_once_one_wins():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    staff = [UserFactory(email=f"pracownik{i}@example.org") for i in range(2)]
    for user in staff:
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.STAFF)
    company = company_in_state(centre=centre, state="proposed")
    copies = [Company.objects.get(pk=company.pk) for _ in staff]
    actions = ("approve", "reject")

    def decide(i):
        return workflow_apply(obj=copies[i], action=actions[i], actor=staff[i], reason=f"Decyzja {i}")

    results = _race(decide, 2)
    won = [i for i, r in enumerate(results) if not isinstance(r, Exception)]
    assert len(won) == 1, results
    assert all(isinstance(r, TransitionRefused) for r in results if isinstance(r, Exception)), results
    assert Company.objects.get(pk=company.pk).status == ("published", "rejected")[won[0]]
    assert OutboxMessage.objects.count() == 1
