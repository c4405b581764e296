"""Two officials decide one application at once (one accepts, the other rejects): one wins, the other is told
someone decided meanwhile; one decision in the history, one e-mail."""

import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.core.workflow import TransitionRefused, workflow_apply
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ..models import Initiative
from .factories import initiative_in_state

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def test_two_officials_deciding_at_once_one_wins():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    officials = [UserFactory(email=f"urzednik{i}@example.org") for i in range(2)]
    for user in officials:
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.OFFICIAL)
    initiative = initiative_in_state(centre=centre, state="submitted")
    copies = [Initiative.objects.get(pk=initiative.pk) for _ in officials]
    actions = ("accept", "reject")

    def decide(i):
        return workflow_apply(obj=copies[i], action=actions[i], actor=officials[i], reason=f"Decyzja {i}")

    results = _race(decide, 2)
    won = [i for i, r in enumerate(results) if not isinstance(r, Exception)]
    assert len(won) == 1, results
    assert all(isinstance(r, TransitionRefused) for r in results if isinstance(r, Exception)), results
    stored = Initiative.objects.get(pk=initiative.pk)
    assert stored.status == ("accepted", "rejected")[won[0]] and stored.decided_by == officials[won[0]]
    assert AuditEntry.objects.filter(action__in=("initiative.accepted", "initiative.rejected")).count() == 1
    assert OutboxMessage.objects.filter(event="decision_to_applicant").count() == 1
