"""Two officials publish or void the same competition at once: one wins, the other is told, one audit entry."""

import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.models import AuditEntry
from centrum.core.tests.factories import CentreFactory
from centrum.core.workflow import TransitionRefused, workflow_apply
from centrum.grants.choices import CompetitionStatus
from centrum.grants.models import Competition
from centrum.grants.tests.factories import competition_in_state
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def _officials(centre):
    people = []
    for i in range(2):
        user = UserFactory(email=f"urzednik{i}@example.org")
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.OFFICIAL)
        people.append(user)
    return people


@pytest.mark.parametrize(
    ("state", "action"), [("draft", "publish"), ("published", "void"), ("evaluation", "void")]
)
def test_two_officials_at_once_one_wins(state, action):
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    officials = _officials(centre)
    competition = competition_in_state(centre=centre, state=state)
    copies = [Competition.objects.get(pk=competition.pk) for _ in officials]

    results = _race(
        lambda i: workflow_apply(
            obj=copies[i], action=action, actor=officials[i], reason="Brak ofert spełniających wymogi"
        ),
        2,
    )
    won = [r for r in results if not isinstance(r, Exception)]
    assert len(won) == 1, results
    assert all(isinstance(r, TransitionRefused) for r in results if isinstance(r, Exception)), results
    expected = CompetitionStatus.PUBLISHED if action == "publish" else CompetitionStatus.VOIDED
    assert Competition.objects.get(pk=competition.pk).status == expected
    assert (
        AuditEntry.objects.filter(object_id=str(competition.pk), action=f"competition.{action}").count() == 1
    )
