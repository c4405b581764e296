"""Two staff approve two requests for the last place under the centre's limit at the same moment: one wins,
the other is told; on SQLite and on PostgreSQL (the centre's row is locked while the limit is counted)."""

import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import CentreSetting
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ..choices import AgreementStatus
from ..models import AddressAgreement
from ..services import agreement_approve
from .factories import AgreementFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def test_two_approvals_for_the_last_place_one_wins():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    CentreSetting.objects.create(centre=centre, key="addresses.max_organisations", value=1)
    staff = []
    for i in range(2):
        user = UserFactory(email=f"pracownik{i}@example.org")
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.STAFF)
        staff.append(user)
    requests = [
        AgreementFactory(
            centre=centre,
            organisation=OrganisationFactory(centre=centre, name=f"Fundacja {i}", nip="", regon=""),
            status=AgreementStatus.REQUESTED,
            number="",
        )
        for i in range(2)
    ]

    def approve(i):
        agreement = AddressAgreement.objects.get(pk=requests[i].pk)
        return agreement_approve(
            agreement=agreement, actor=staff[i], starts_on=agreement.starts_on, ends_on=agreement.ends_on
        )

    results = _race(approve, 2)
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert len(refused) == 1 and "limit" in refused[0].message, results
    assert AddressAgreement.objects.filter(status=AgreementStatus.ACTIVE).count() == 1
