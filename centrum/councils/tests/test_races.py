"""Two admins of one organisation vote at once (for different candidates): one vote is stored, the other is
refused clearly; the unique constraint decides on PostgreSQL."""

import pytest

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ..models import Candidate, Vote
from ..services import vote_cast
from .factories import ElectionFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def test_one_organisation_voting_twice_at_once_one_vote_counts():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    organisation = OrganisationFactory(centre=centre)
    admins = [UserFactory(email=f"prezes{i}@example.org") for i in range(2)]
    for user in admins:
        MembershipFactory(user=user, organisation=organisation, role=MembershipRole.ADMIN)
    election = ElectionFactory(centre=centre)
    candidates = [
        Candidate.objects.create(
            centre=centre,
            election=election,
            organisation=OrganisationFactory(centre=centre),
            person_name=f"Kandydat {i}",
            consent=True,
            nominated_by=admins[0],
        )
        for i in range(2)
    ]

    def cast(i):
        return vote_cast(
            election=election, actor=admins[i], organisation=organisation, candidate=candidates[i]
        )

    results = _race(cast, 2)
    failed = [r for r in results if isinstance(r, Exception)]
    assert len(failed) == 1 and isinstance(failed[0], ApplicationError), results
    assert "już oddała głos" in failed[0].message
    assert Vote.objects.filter(election=election, organisation=organisation).count() == 1
    assert AuditEntry.objects.filter(action="election.voted").count() == 1
