"""The demo seeder fills a centre once; the JSON API lists bodies with their composition and the opinions;
an organisation's member sees elections and joint requests on "Moje konto"."""

import random

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today

from ..demo import seed
from ..models import Body, BodyKind, JointRequest, Member
from .factories import BodyFactory, ElectionFactory

pytestmark = pytest.mark.django_db


def test_demo_seeds_kinds_and_bodies_once(centre, organisation):
    assert seed(centre=centre, rng=random.Random(1)).startswith("bodies")
    assert BodyKind.objects.filter(centre=centre).count() == 4
    assert Body.objects.filter(centre=centre, name="Kaliska Rada Seniorów").exists()
    assert seed(centre=centre, rng=random.Random(1)) is None


def test_api_lists_bodies_and_opinions(centre, anon, other_centre):
    body = BodyFactory(centre=centre, name="Rada Kaliska")
    Member.objects.create(centre=centre, body=body, person_name="Anna", side="ngo", from_date=warsaw_today())
    other = BodyFactory(centre=other_centre)
    listed = anon.get("/api/v1/councils").json()
    assert [b["name"] for b in listed] == ["Rada Kaliska"]
    detail = anon.get(f"/api/v1/councils/{body.pk}").json()
    assert detail["members"][0]["person_name"] == "Anna"
    assert anon.get(f"/api/v1/councils/{other.pk}").status_code == 404
    assert anon.get("/api/v1/councils/opinions").status_code == 200


def test_account_card_shows_open_elections_and_requests(centre, client_for, org_admin):
    election = ElectionFactory(centre=centre)
    JointRequest.objects.create(centre=centre, kind=election.body.kind, title="Wniosek o radę")
    body = client_for(centre, org_admin).get(reverse("accounts:dashboard")).content.decode()
    assert election.get_absolute_url() in body and "Wniosek o radę" in body
