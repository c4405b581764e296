"""Two small-grant contracts that together would break a limit, stored at once: exactly one wins (the
centre's row is locked and the grants re-counted inside the lock). Real threads with their own
connections, on SQLite and PostgreSQL (`race_database`)."""

from decimal import Decimal

import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.test_concurrency import _race

from ...choices import ContractKind, SmallGrantStatus
from ...models import Contract, SmallGrantComment, SmallGrantOffer
from ...services.small_grants import small_grant_comment_file, small_grant_contract_create
from ..factories import ContractFactory, planned_grants, small_grant

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]
VALUES = {"bank_account": "PL61109010140000071219812874"}


def _world():
    centre = CentreFactory(slug="czestochowa", host="czestochowa.localhost")
    official = UserFactory(email="urzednik@example.org")
    CentreRoleFactory(user=official, centre=centre, role=CentreRoleKind.OFFICIAL)
    return centre, official


def _contract_both(offers, official):
    return _race(
        lambda i: small_grant_contract_create(
            small_grant=SmallGrantOffer.objects.get(pk=offers[i].pk), actor=official, values=VALUES
        ),
        2,
    )


def test_two_grants_of_one_organisation_over_its_yearly_limit_one_wins():
    centre, official = _world()
    planned_grants(centre=centre)
    organisation = OrganisationFactory(centre=centre, nip="", regon="")
    # 12 000 zł this year already: each 5 000 zł grant fits alone (17 000), both do not (22 000 > 20 000)
    ContractFactory(
        centre=centre,
        organisation=organisation,
        kind=ContractKind.SMALL_GRANT,
        offer=None,
        title="Wcześniejszy",
        grant_amount=Decimal("8000.00"),
        concluded_on=warsaw_today(),
    )
    ContractFactory(
        centre=centre,
        organisation=organisation,
        kind=ContractKind.SMALL_GRANT,
        offer=None,
        title="Drugi wcześniejszy",
        grant_amount=Decimal("4000.00"),
        concluded_on=warsaw_today(),
    )
    offers = [
        small_grant(centre=centre, organisation=organisation, status="published", title=f"Zadanie {i}")
        for i in range(2)
    ]
    results = _contract_both(offers, official)
    assert sum(isinstance(r, Contract) for r in results) == 1, results
    loser = next(r for r in results if not isinstance(r, Contract))
    assert isinstance(loser, ApplicationError) and "Limit roczny organizacji" in loser.message
    assert Contract.objects.filter(organisation=organisation).count() == 3
    assert SmallGrantOffer.objects.filter(status=SmallGrantStatus.CONTRACTED).count() == 1


def test_two_organisations_over_the_municipal_cap_one_wins():
    centre, official = _world()
    # 20 % of 40 000 zł = 8 000 zł: each 5 000 zł grant fits alone, both do not
    planned_grants(centre=centre, amount=Decimal("40000.00"))
    offers = [
        small_grant(
            centre=centre,
            organisation=OrganisationFactory(centre=centre, nip="", regon=""),
            status="published",
            title=f"Zadanie {i}",
        )
        for i in range(2)
    ]
    results = _contract_both(offers, official)
    assert sum(isinstance(r, Contract) for r in results) == 1, results
    loser = next(r for r in results if not isinstance(r, Contract))
    assert isinstance(loser, ApplicationError) and "Limit gminy" in loser.message
    assert Contract.objects.count() == 1


def test_a_comment_racing_the_contract_never_lands_after_it():
    """The period is checked on the locked offer: a comment and the contract on the last day and the day
    after cannot both pass; here the period is over, so the comment is refused whatever the order."""
    centre, official = _world()
    planned_grants(centre=centre)
    offer = small_grant(
        centre=centre, organisation=OrganisationFactory(centre=centre, nip="", regon=""), status="published"
    )

    def worker(i):
        fresh = SmallGrantOffer.objects.get(pk=offer.pk)
        if i == 0:
            return small_grant_contract_create(small_grant=fresh, actor=official, values=VALUES)
        return small_grant_comment_file(offer=fresh, name="Jan", body="Za późno")

    results = _race(worker, 2)
    assert isinstance(results[0], Contract) and isinstance(results[1], ApplicationError)
    assert not SmallGrantComment.objects.exists()
