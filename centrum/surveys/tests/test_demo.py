"""The demo: every centre has last year's self-assessment answered and closed, the training-needs survey
open with answers, a residents' survey open to anyone and targets; Miechów has this year's self-assessment
as a draft with no answers, and two organisations its demo members answer for; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from centrum.core.calendar import warsaw_today
from centrum.core.indicators import needs_for
from centrum.core.models import Centre
from centrum.core.scopes import centre_scope

from ..models import IndicatorTarget, Response, Survey


@pytest.mark.django_db
def test_demo_surveys():
    call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())
    year = warsaw_today().year
    for centre in Centre.objects.all():
        last = Survey.objects.get(centre=centre, purpose="index", year=year - 1)
        assert last.status == "closed" and last.responses.count() >= 3, centre.slug
        assert Survey.objects.filter(centre=centre, purpose="needs", status="open").exists()
        assert Survey.objects.filter(centre=centre, respondent_mode="open", status="open").exists()
        assert IndicatorTarget.objects.filter(centre=centre).exists()
        with centre_scope(centre):
            assert needs_for(centre, "trainings"), centre.slug
    this_year = Survey.objects.get(centre__slug="miechow", purpose="index", year=year)
    assert this_year.status == "draft" and not this_year.responses.exists()
    from centrum.organisations.models import Organisation

    members = Organisation.objects.filter(
        centre__slug="miechow", memberships__user__email__startswith="czlonek@"
    )
    admins = Organisation.objects.filter(
        centre__slug="miechow", memberships__user__email__startswith="prezes@"
    )
    assert members.exists() and admins.exists()
    before = Response.objects.count()
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert Response.objects.count() == before
