"""The evaluation demo: a commission, formal checks, declarations and scores in the competition in evaluation;
idempotent."""

import random

import pytest

from centrum.accounts.demo import demo_email, ensure_user
from centrum.accounts.models import CentreRole, CentreRoleKind
from centrum.organisations.tests.factories import OrganisationFactory

from ...choices import OfferStatus
from ...demo import evaluation
from ...models import Commission, Declaration, Offer, Score

pytestmark = pytest.mark.django_db


def test_the_demo_seats_a_commission_and_leaves_work_for_the_walk(centre, competition):
    for index in range(6):
        OrganisationFactory(centre=centre, name=f"Organizacja demonstracyjna {index}")
    official = ensure_user(demo_email("urzednik", centre.slug), "Beata Urzędniczka")
    CentreRole.objects.create(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    ensure_user(demo_email("oceniajacy", centre.slug), "Marcin Oceniający")

    assert evaluation.seed(centre=centre, rng=random.Random(1))
    commission = Commission.objects.get(competition=competition)
    assert commission.members.count() == 3 and commission.members.filter(user__isnull=False).count() == 2
    statuses = list(
        Offer.objects.filter(competition=competition).order_by("id").values_list("status", flat=True)
    )
    assert {OfferStatus.SUBMITTED, OfferStatus.FORMALLY_ACCEPTED, OfferStatus.CORRECTION} <= set(statuses)
    assert Declaration.objects.count() == 1 and Score.objects.count() == 2  # two criteria
    assert evaluation.seed(centre=centre, rng=random.Random(1)) is None
    assert Commission.objects.count() == 1


def test_czestochowa_has_two_members_scoring(competition):
    centre = competition.centre
    centre.slug = "czestochowa"
    centre.save(update_fields=["slug"])
    for index in range(6):
        OrganisationFactory(centre=centre, name=f"Organizacja częstochowska {index}")
    official = ensure_user(demo_email("urzednik", centre.slug), "Beata Urzędniczka")
    CentreRole.objects.create(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    ensure_user(demo_email("oceniajacy", centre.slug), "Marcin Oceniający")

    assert evaluation.seed(centre=centre, rng=random.Random(2))
    assert Declaration.objects.count() == 2 and Score.objects.count() == 4
    assert Score.objects.values("member").distinct().count() == 2
