"""The demo seeder: Żory's practice from its seed page, Mysłowice's knowledge base, calls in every centre;
idempotent."""

import random

import pytest

from centrum.core.tests.factories import CentreFactory

from ..demo import seed
from ..models import Article, Document, FundingCall, GoodPractice, Leader

pytestmark = pytest.mark.django_db


def _centre(slug):
    return CentreFactory(slug=slug, name=f"Centrum {slug}")


def test_zory_gets_its_seed_practice_with_the_metryka():
    centre = _centre("zory")
    assert seed(centre=centre, rng=random.Random(1))
    practice = GoodPractice.objects.get(centre=centre, title="Żorskie Centrum Organizacji Pozarządowych")
    assert (practice.locality, practice.voivodeship, practice.population) == ("Żory", "24", 60938)
    assert str(practice.added_on) == "2009-10-21" and str(practice.updated_on) == "2011-03-13"
    assert practice.attachments.count() == 1
    assert FundingCall.objects.filter(centre=centre).count() >= 3
    assert seed(centre=centre, rng=random.Random(1)) is None


def test_myslowice_gets_the_knowledge_base():
    centre = _centre("myslowice")
    seed(centre=centre, rng=random.Random(1))
    assert Article.objects.filter(centre=centre).values("category").distinct().count() == 5
    assert Document.objects.filter(centre=centre).count() == 3
    assert not Leader.objects.filter(centre=centre).exists()  # no demo people in a bare centre
