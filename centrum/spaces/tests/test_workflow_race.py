"""Two staff decide on one organisation at the same moment, each from the page they loaded: one wins.

The loser's page showed a state that no longer holds; the engine re-checks on the locked row and says so
instead of applying a decision taken on stale information (SQLite and PostgreSQL).
"""

import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation
from centrum.organisations.services import organisation_transition
from centrum.organisations.tests.factories import OrganisationFactory

from .test_concurrency import _race

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def test_two_decisions_racing_on_one_object_one_wins():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    org = OrganisationFactory(centre=centre, status=OrganisationStatus.PENDING, nip="", regon="")
    staff = []
    for i in range(2):
        user = UserFactory(email=f"decyduje{i}@example.org")
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.STAFF)
        staff.append(user)
    # Both pages were loaded while the organisation was pending.
    seen = [Organisation.objects.get(pk=org.pk) for _ in range(2)]
    decisions = [("verify", ""), ("reject", "Brak wpisu w rejestrze")]

    def worker(i):
        action, reason = decisions[i]
        return organisation_transition(organisation=seen[i], action=action, actor=staff[i], reason=reason)

    results = _race(worker, 2)
    wins = [r for r in results if isinstance(r, Organisation)]
    losses = [r for r in results if isinstance(r, ApplicationError)]
    assert len(wins) == 1 and len(losses) == 1, results
    assert "Ktoś właśnie zmienił ten stan" in losses[0].message
    org.refresh_from_db()
    assert org.status == wins[0].status
    assert (
        AuditEntry.objects.filter(
            object_id=str(org.pk), action__in=["organisation.verify", "organisation.reject"]
        ).count()
        == 1
    )
