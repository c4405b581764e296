"""The demo: Żory, Częstochowa and Mysłowice get volunteers (one a minor with the guardian's consent), hosts
(a MOPS and a school among them), offers in every state, applications, agreements and hours; other centres a
little; the demo staff member is the coordinator; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from centrum.accounts.models import CentreRole
from centrum.core.models import Centre

from ..models import Agreement, Application, Host, HoursEntry, Offer, Volunteer


@pytest.mark.django_db
def test_demo_volunteer_centres():
    call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())
    for centre in Centre.objects.all():
        assert Offer.objects.filter(centre=centre, status="published").exists(), centre.slug
        assert Agreement.objects.filter(centre=centre).exists(), centre.slug
        assert CentreRole.objects.filter(centre=centre, role="coordinator").exists(), centre.slug
        # the demo organisation admin has a draft to edit (the every-page walk reaches the offer form)
        draft = Offer.objects.get(centre=centre, status="draft")
        assert draft.host.organisation.memberships.filter(user__email__startswith="prezes@").exists()
    for slug in ("zory", "czestochowa", "myslowice"):
        hosts = Host.objects.filter(centre__slug=slug)
        assert {"welfare", "school"} <= set(hosts.values_list("body_kind", flat=True)), slug
        assert hosts.filter(kind="organisation").count() == 2
        assert Volunteer.objects.filter(centre__slug=slug).count() == 6
        assert Volunteer.objects.filter(centre__slug=slug, guardian_consent="paper").count() == 1
        assert {"published", "submitted", "draft"} <= set(
            Offer.objects.filter(centre__slug=slug).values_list("status", flat=True)
        )
        assert Offer.objects.filter(centre__slug=slug, kind="event", shifts__isnull=False).exists()
        assert {"applied", "accepted", "declined"} <= set(
            Application.objects.filter(centre__slug=slug).values_list("status", flat=True)
        )
        assert HoursEntry.objects.filter(centre__slug=slug, status="confirmed").exists()
        assert Agreement.objects.filter(centre__slug=slug, insurance_flagged=True).exists()
    before = Offer.objects.count()
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert Offer.objects.count() == before
