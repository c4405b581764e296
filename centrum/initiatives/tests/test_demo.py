"""The demo: every centre has the resolution, the catalogue and applications in several stages (one carried
out in each); Częstochowa twelve of its 37 a year; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from centrum.core.models import Centre

from ..models import Area, Initiative, InitiativeRules


@pytest.mark.django_db
def test_demo_initiatives_in_every_centre():
    call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())
    for centre in Centre.objects.all():
        rows = Initiative.objects.filter(centre=centre)
        assert rows.count() >= 3, centre.slug
        assert rows.filter(status="completed").exists(), centre.slug
        assert Area.objects.filter(centre=centre).count() == 7
        assert InitiativeRules.objects.filter(centre=centre).exists()
    czestochowa = Initiative.objects.filter(centre__slug="czestochowa")
    assert czestochowa.count() == 12
    assert {
        "draft",
        "submitted",
        "accepted",
        "rejected",
        "agreement",
        "signed",
        "completed",
        "cancelled",
    } <= set(czestochowa.values_list("status", flat=True))
    miechow = Initiative.objects.get(centre__slug="miechow", status="completed")
    assert miechow.group_name.startswith("Mieszkańcy wsi")
    before = Initiative.objects.count()
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert Initiative.objects.count() == before
