"""The demo reports: every centre with contracts gets reports in several states, a return and a control with
recommendations; seeding again adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from centrum.core.models import Centre
from centrum.grants.models import Control, ControlRecommendation, GrantReturn, Report


@pytest.mark.django_db
def test_demo_reports_in_every_centre():
    call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())
    for centre in Centre.objects.filter(slug__in=("kalisz", "zory", "czestochowa")):
        statuses = set(Report.objects.filter(centre=centre).values_list("status", flat=True))
        assert {"accepted", "submitted"} <= statuses, (centre.slug, statuses)
        assert GrantReturn.objects.filter(centre=centre).exists(), centre.slug
        assert ControlRecommendation.objects.filter(centre=centre, done_on__isnull=True).exists(), centre.slug
    assert GrantReturn.objects.filter(centre__slug="czestochowa", paid_on__isnull=False).exists()
    before = (Report.objects.count(), Control.objects.count(), GrantReturn.objects.count())
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert (Report.objects.count(), Control.objects.count(), GrantReturn.objects.count()) == before
