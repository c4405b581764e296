"""What news gives the public site: search hits, calendar entries, newsletter topics, the organisation's
section, the staff dashboard card."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.core import portal
from centrum.organisations.tests.factories import OrganisationFactory

from .factories import EventFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


def test_search_is_diacritics_insensitive_and_public_only(centre, other_centre):
    NewsItemFactory(centre=centre, title="Zbiórka podręczników w Łodzi")
    NewsItemFactory(centre=centre, title="Zbiórka ukryta", status="submitted")
    NewsItemFactory(centre=other_centre, title="Zbiórka cudza")
    EventFactory(centre=centre, title="Piknik", description="<p>Zbiórka darów</p>")
    hits = portal.SEARCH_SOURCES["news"].search(centre, ["zbiorka", "lodzi"], 10)
    assert [h.title for h in hits] == ["Zbiórka podręczników w Łodzi"] and hits[0].rank == 2
    events = portal.SEARCH_SOURCES["events"].search(centre, ["zbiorka"], 10)
    assert [(h.title, h.rank) for h in events] == [("Piknik", 1)]


def test_calendar_source_and_topics(centre):
    event = EventFactory(centre=centre, accessibility=["wheelchair"], accessibility_notes="Winda")
    now = timezone.now()
    entries = list(portal.CALENDAR_SOURCES["events"].entries(centre, now, now + timedelta(days=30)))
    assert [e.uid for e in entries] == [f"news-event-{event.pk}"]
    assert "wózkach" in entries[0].accessibility and "Winda" in entries[0].accessibility
    NewsItemFactory(centre=centre, title="Nowość")
    items = portal.NEWSLETTER_TOPICS["news"].items(centre, now - timedelta(days=1), now + timedelta(days=1))
    assert [i.title for i in items] == ["Nowość"]
    events = portal.NEWSLETTER_TOPICS["events"].items(
        centre, now - timedelta(days=1), now + timedelta(days=1)
    )
    assert [i.title for i in events] == [event.title]


def test_organisation_section(centre):
    organisation = OrganisationFactory(centre=centre)
    section = portal.ORGANISATION_SECTIONS["news"]
    assert section.context(centre, organisation) is None
    NewsItemFactory(centre=centre, organisation=organisation, title="Nasze wieści")
    assert [n.title for n in section.context(centre, organisation)["news"]] == ["Nasze wieści"]


def test_staff_dashboard_card(staff_client, centre):
    NewsItemFactory(centre=centre, status="submitted")
    body = staff_client.get(reverse("core:staff_dashboard")).content.decode()
    assert "Do moderacji: aktualności 1, wydarzenia 0" in body


def test_api_lists_published_news_and_events(anon, centre):
    NewsItemFactory(centre=centre, title="Publiczna")
    NewsItemFactory(centre=centre, title="Ukryta", status="submitted")
    EventFactory(centre=centre, title="Festyn")
    assert [n["title"] for n in anon.get("/api/v1/news").json()] == ["Publiczna"]
    assert [e["title"] for e in anon.get("/api/v1/news/events").json()] == ["Festyn"]
    assert anon.get("/api/v1/news/999999").status_code == 404
