"""What the app gives the public site through `core.portal`: the funding-call sources (its own and the
grants module's), the newsletter topic "nabory i konkursy" and the organisation page's section."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.core import portal
from centrum.core.calendar import warsaw_today
from centrum.organisations.models import ActivityArea

from ..choices import PracticeStatus
from .factories import FundingCallFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def test_registered_sources():
    assert {"practices", "articles", "funding_calls", "organisations"} <= set(portal.SEARCH_SOURCES)
    assert {"knowledge", "grants"} <= set(portal.FUNDING_CALL_SOURCES)
    assert portal.NEWSLETTER_TOPICS["funding_calls"].by_fields is True
    assert "practices" in portal.ORGANISATION_SECTIONS
    assert portal.SEARCH_PAGES[0].url_name == "search:search"


@pytest.mark.dates
def test_grants_source_lists_competitions_taking_offers_only(centre):
    from centrum.grants.tests.factories import CompetitionFactory

    area = ActivityArea.objects.first()
    CompetitionFactory(centre=centre, title="Otwarty", status="published", sphere=area)
    CompetitionFactory(centre=centre, title="Szkic", status="draft")
    CompetitionFactory(
        centre=centre,
        title="Po terminie",
        status="published",
        offers_deadline=timezone.now() - timedelta(hours=1),
    )
    entries = portal.FUNDING_CALL_SOURCES["grants"].calls(centre, warsaw_today())
    assert [e.title for e in entries] == ["Otwarty"]
    assert entries[0].fields == ((area.code,) if area else ())


@pytest.mark.dates
def test_knowledge_source_and_newsletter_topic(centre):
    area = ActivityArea.objects.first()
    call = FundingCallFactory(centre=centre, title="Nowy nabór")
    call.fields.set([area])
    FundingCallFactory(centre=centre, title="Minął", deadline=warsaw_today() - timedelta(days=1))
    entries = portal.FUNDING_CALL_SOURCES["knowledge"].calls(centre, warsaw_today())
    assert [e.title for e in entries] == ["Nowy nabór"] and entries[0].fields == (area.code,)
    now = timezone.now()
    items = portal.NEWSLETTER_TOPICS["funding_calls"].items(
        centre, now - timedelta(days=1), now + timedelta(minutes=1)
    )
    assert {i.title for i in items} == {"Nowy nabór", "Minął"}
    assert (
        portal.NEWSLETTER_TOPICS["funding_calls"].items(
            centre, now + timedelta(minutes=1), now + timedelta(days=1)
        )
        == []
    )


def test_organisation_section_lists_its_published_practices(centre, organisation):
    assert portal.ORGANISATION_SECTIONS["practices"].context(centre, organisation) is None
    PracticeFactory(centre=centre, organisation=organisation, title="Nasza praktyka")
    PracticeFactory(centre=centre, organisation=organisation, title="Czeka", status=PracticeStatus.SUBMITTED)
    section = portal.ORGANISATION_SECTIONS["practices"].context(centre, organisation)
    assert [p.title for p in section["practices"]] == ["Nasza praktyka"]


def test_dashboard_card_counts_practices_to_moderate(staff_client, centre):
    PracticeFactory(centre=centre, status=PracticeStatus.SUBMITTED)
    body = staff_client.get(reverse("core:staff_dashboard")).content.decode()
    assert "Platforma wiedzy" in body and reverse("knowledge:moderation") in body


def test_api_lists_practices_and_calls(anon, centre):
    PracticeFactory(centre=centre, title="Praktyka API")
    FundingCallFactory(centre=centre, title="Nabór API")
    assert anon.get("/api/v1/knowledge/practices").json()[0]["title"] == "Praktyka API"
    assert "Nabór API" in [c["title"] for c in anon.get("/api/v1/knowledge/calls").json()]
    assert anon.get("/api/v1/knowledge/practices/999999").status_code == 404
    assert anon.get("/api/v1/knowledge/articles").status_code == 200
