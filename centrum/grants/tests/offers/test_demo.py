"""The demo offers: every centre gets some, Częstochowa the most (a joint one, several states)."""

from io import StringIO

import pytest
from django.core.management import call_command

from centrum.core.models import Centre
from centrum.grants.models import Offer


@pytest.mark.django_db
def test_demo_offers_in_every_centre():
    call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())
    counts = {c.slug: Offer.objects.filter(centre=c).count() for c in Centre.objects.all()}
    assert all(counts[slug] >= 2 for slug in ("kalisz", "zory", "miechow", "czestochowa")), counts
    assert counts["czestochowa"] == max(counts.values())
    czestochowa = Offer.objects.filter(centre__slug="czestochowa")
    assert czestochowa.filter(is_joint=True, status="submitted").exists()
    assert {"draft", "submitted", "withdrawn", "correction"} <= set(
        czestochowa.values_list("status", flat=True)
    )
    assert all(o.checksum for o in czestochowa.filter(status="submitted"))
    before = Offer.objects.count()
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert Offer.objects.count() == before
