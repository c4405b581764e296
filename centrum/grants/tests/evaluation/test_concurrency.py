"""Races on SQLite and PostgreSQL: two officials award grants that together exceed the competition's funds
(the competition row is locked while the awarded sum is counted), and a member saving scores while an official
closes the scoring (the commission row is locked): one wins, the other is told."""

from decimal import Decimal

import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ...choices import CompetitionStatus, MemberSide, MemberStatus, OfferStatus
from ...models import CommissionMember, Declaration, Offer, Score, ScoringCriterion
from ...services.evaluation import commission_for, offer_decide, scores_save, scoring_close
from ..factories import CompetitionFactory, OfferFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def _world():
    centre = CentreFactory(slug="czestochowa", host="czestochowa.localhost")
    competition = CompetitionFactory(
        centre=centre, status=CompetitionStatus.EVALUATION, funds_total=Decimal("15000")
    )
    officials = []
    for i in range(2):
        user = UserFactory(email=f"urzednik{i}@example.org")
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.OFFICIAL)
        officials.append(user)
    offers = [
        OfferFactory(
            competition=competition,
            centre=centre,
            status=OfferStatus.FORMALLY_ACCEPTED,
            organisation=OrganisationFactory(centre=centre, name=f"Fundacja {i}", nip="", regon=""),
        )
        for i in range(2)
    ]
    return centre, competition, officials, offers


def test_two_awards_over_the_funds_one_wins():
    _centre, _competition, officials, offers = _world()  # 10 000 zł each, 15 000 zł in the competition

    def award(i):
        offer = Offer.objects.select_related("competition").get(pk=offers[i].pk)
        return offer_decide(offer=offer, actor=officials[i], select=True, amount=Decimal("10000"))

    results = _race(award, 2)
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert len(refused) == 1 and "środki konkursu" in refused[0].message, results
    assert Offer.objects.filter(status=OfferStatus.SELECTED).count() == 1


def test_scores_racing_the_closing_never_change_after_it():
    centre, competition, officials, offers = _world()
    criterion = ScoringCriterion.objects.create(
        centre=centre, competition=competition, name="Jakość", max_points=Decimal("10")
    )
    commission = commission_for(competition)
    member_user = UserFactory(email="czlonek@example.org")
    member = CommissionMember.objects.create(
        centre=centre,
        commission=commission,
        user=member_user,
        full_name="Członek",
        email=member_user.email,
        side=MemberSide.OFFICIAL,
        status=MemberStatus.APPOINTED,
    )
    commission.without_ngo = "none_nominated"
    commission.save()
    for offer in offers:
        Declaration.objects.create(centre=centre, member=member, offer=offer, no_conflict=True)
    scores_save(offer=offers[0], actor=member_user, points={criterion.pk: "5"})
    scores_save(offer=offers[1], actor=member_user, points={criterion.pk: "5"})

    def act(i):
        if i == 0:
            return scoring_close(competition=competition, actor=officials[0])
        offer = Offer.objects.select_related("competition").get(pk=offers[0].pk)
        return scores_save(offer=offer, actor=member_user, points={criterion.pk: "9"})

    results = _race(act, 2)
    points = Score.objects.get(offer=offers[0]).points
    closed = commission_for(competition).scoring_closed_at is not None
    assert closed, results
    if isinstance(results[1], ApplicationError):
        assert "zamknięta" in results[1].message and points == Decimal("5")
    else:
        assert points == Decimal("9")  # saved before the closing took the lock
