"""A competition closed for offers (in evaluation) with criteria and two filed offers, a commission of an
official and an NGO nominee, and their accounts."""

from decimal import Decimal

import pytest

from centrum.accounts.tests.factories import UserFactory
from centrum.organisations.tests.factories import OrganisationFactory

from ...choices import CompetitionStatus, MemberSide, MemberStatus, OfferStatus
from ...models import CommissionMember, ScoringCriterion
from ...services.evaluation import commission_for
from ..factories import CompetitionFactory, OfferFactory


@pytest.fixture
def competition(centre):
    competition = CompetitionFactory(
        centre=centre, status=CompetitionStatus.EVALUATION, funds_total=Decimal("25000")
    )
    ScoringCriterion.objects.create(
        centre=centre,
        competition=competition,
        position=1,
        name="Możliwość realizacji",
        statutory_point=1,
        max_points=Decimal("10"),
        weight=Decimal("1"),
    )
    ScoringCriterion.objects.create(
        centre=centre,
        competition=competition,
        position=2,
        name="Kalkulacja kosztów",
        statutory_point=2,
        max_points=Decimal("5"),
        weight=Decimal("2"),
    )
    return competition


@pytest.fixture
def offers(centre, competition):
    first = OfferFactory(
        competition=competition,
        centre=centre,
        status=OfferStatus.SUBMITTED,
        number="1",
        organisation=OrganisationFactory(
            centre=centre, name="Fundacja Pierwsza", email="fundacja@example.org"
        ),
        contact_email="kontakt1@example.org",
    )
    second = OfferFactory(
        competition=competition,
        centre=centre,
        status=OfferStatus.SUBMITTED,
        number="2",
        organisation=OrganisationFactory(centre=centre, name="Stowarzyszenie Drugie"),
        contact_email="kontakt2@example.org",
    )
    return first, second


@pytest.fixture
def evaluator(centre):
    return UserFactory(email="oceniajacy@example.org", full_name="Adam Oceniający")


@pytest.fixture
def ngo_evaluator(centre):
    return UserFactory(email="ngo@example.org", full_name="Nina Organizacyjna")


@pytest.fixture
def commission(centre, competition, evaluator, ngo_evaluator):
    commission = commission_for(competition)
    CommissionMember.objects.create(
        centre=centre,
        commission=commission,
        user=evaluator,
        full_name=evaluator.full_name,
        email=evaluator.email,
        side=MemberSide.OFFICIAL,
        status=MemberStatus.APPOINTED,
        chair=True,
    )
    CommissionMember.objects.create(
        centre=centre,
        commission=commission,
        full_name=ngo_evaluator.full_name,
        email=ngo_evaluator.email,
        side=MemberSide.NGO,
        status=MemberStatus.APPOINTED,
        nominated_by=OrganisationFactory(centre=centre, name="Organizacja Zgłaszająca"),
    )
    return commission
