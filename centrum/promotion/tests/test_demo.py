"""The demo: every centre has organisations' pages with a logo, companies (one proposal to moderate) and
activation offers; Częstochowa the most; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from centrum.core.models import Centre

from ..models import ActivationOffer, Company, OrganisationPage


@pytest.mark.django_db
def test_demo_promotion_in_every_centre():
    call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())
    for centre in Centre.objects.all():
        pages = OrganisationPage.objects.filter(centre=centre)
        assert pages.count() >= 3 and all(p.logo and p.logo_alt for p in pages), centre.slug
        assert Company.objects.filter(centre=centre, status="published").exists(), centre.slug
        assert Company.objects.filter(centre=centre, status="proposed").count() == 1, centre.slug
        assert ActivationOffer.objects.filter(centre=centre).count() >= 2, centre.slug
    assert Company.objects.filter(centre__slug="czestochowa").count() == 6
    assert ActivationOffer.objects.filter(centre__slug="czestochowa").count() == 5
    before = (Company.objects.count(), OrganisationPage.objects.count(), ActivationOffer.objects.count())
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert (
        Company.objects.count(),
        OrganisationPage.objects.count(),
        ActivationOffer.objects.count(),
    ) == before
