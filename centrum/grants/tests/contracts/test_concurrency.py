"""Races on one offer: two officials drafting its contract at once store one contract with one number;
two members saving its updated budget at once store one update. Real threads with their own connections,
on SQLite and PostgreSQL (`race_database`)."""

from decimal import Decimal

import pytest

from centrum.accounts.models import CentreRole, CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.test_concurrency import _race

from ...models import BudgetUpdate, Contract, Offer
from ...services.contracts import budget_update_save, contract_create_from_offer, update_initial_content
from .conftest import selected_offer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def _world(awarded: str):
    centre = CentreFactory(slug="czestochowa", host="czestochowa.localhost")
    organisation = OrganisationFactory(centre=centre, nip="", regon="")
    admin = UserFactory(email="prezes@example.org")
    member = UserFactory(email="czlonek@example.org")
    MembershipFactory(user=admin, organisation=organisation, role=MembershipRole.ADMIN)
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
    official = UserFactory(email="urzednik@example.org")
    CentreRole.objects.create(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    return selected_offer(organisation, awarded=Decimal(awarded)), (admin, member), official


def test_two_officials_draft_one_contract():
    offer, _people, official = _world("9000.00")
    results = _race(
        lambda i: contract_create_from_offer(offer=Offer.objects.get(pk=offer.pk), actor=official, values={}),
        2,
    )
    assert sum(isinstance(r, Contract) for r in results) == 1
    assert all(isinstance(r, (Contract, ApplicationError)) for r in results), results
    assert Contract.objects.count() == 1


def test_two_officials_drafting_two_contracts_get_two_numbers():
    offer, _people, official = _world("9000.00")
    second = selected_offer(
        OrganisationFactory(centre=offer.centre, nip="", regon=""), awarded=Decimal("9000")
    )
    offers = [offer, second]
    results = _race(
        lambda i: contract_create_from_offer(
            offer=Offer.objects.get(pk=offers[i].pk), actor=official, values={}
        ),
        2,
    )
    assert all(isinstance(r, Contract) for r in results), results
    assert len(set(Contract.objects.values_list("number", flat=True))) == 2


def test_two_members_store_one_update():
    offer, people, _official = _world("7000.00")
    content = update_initial_content(offer)
    results = _race(
        lambda i: budget_update_save(offer=Offer.objects.get(pk=offer.pk), content=content, actor=people[i]),
        2,
    )
    assert all(isinstance(r, (BudgetUpdate, ApplicationError)) for r in results), results
    assert BudgetUpdate.objects.count() == 1
