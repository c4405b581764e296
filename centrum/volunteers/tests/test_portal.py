"""What the volunteer centre gives the public site: published offers to the search box, event shifts to the
calendar, new offers to the newsletter topic, an organisation's open offers to its page; the API; the job
that closes ended offers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from centrum.core import portal
from centrum.core.calendar import warsaw_today
from centrum.core.models import AuditEntry

from ..jobs import close_ended_offers
from ..models import Offer
from .factories import OfferFactory, host_with_member, shift_for

pytestmark = pytest.mark.django_db


def test_search_finds_published_offers_diacritics_insensitive(centre):
    host, _ = host_with_member(centre)
    OfferFactory(centre=centre, host=host, title="Zbiórka żywności", search_text=" zbiorka zywnosci ")
    OfferFactory(
        centre=centre, host=host, title="Szkic zbiórki", search_text=" szkic zbiorki ", status="draft"
    )
    hits = list(portal.SEARCH_SOURCES["volunteers.offers"].search(centre, ["zywnosci"], 10))
    assert [h.title for h in hits] == ["Zbiórka żywności"]
    assert hits[0].url.startswith("/wolontariat/oferty/")


def test_calendar_lists_shifts_of_published_event_offers(centre):
    host, _ = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host, kind="event", title="Piknik NGO")
    shift_for(offer, label="Stoisko")
    draft = OfferFactory(centre=centre, host=host, kind="event", status="draft")
    shift_for(draft)
    now = timezone.now()
    entries = list(
        portal.CALENDAR_SOURCES["volunteers.shifts"].entries(centre, now, now + timedelta(days=30))
    )
    assert [e.title for e in entries] == ["Piknik NGO: Stoisko"]


def test_newsletter_topic_and_organisation_section(centre):
    host, _ = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host, title="Korepetycje")
    now = timezone.now()
    topic = portal.NEWSLETTER_TOPICS["volunteers.offers"]
    assert topic.by_fields
    items = list(topic.items(centre, now - timedelta(days=1), now + timedelta(days=1)))
    assert [i.title for i in items] == ["Korepetycje"]
    section = portal.ORGANISATION_SECTIONS["volunteers.offers"].context(centre, host.organisation)
    assert section == {"offers": [offer]}
    other, _ = host_with_member(centre, email="inny@example.org")
    assert portal.ORGANISATION_SECTIONS["volunteers.offers"].context(centre, other.organisation) is None


def test_api_lists_published_offers(client_for, centre, anon):
    host, _ = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host, title="Sprzątanie parku")
    OfferFactory(centre=centre, host=host, title="Szkic", status="draft")
    data = anon.get("/api/v1/volunteers/offers").json()
    assert [o["title"] for o in data] == ["Sprzątanie parku"]
    assert anon.get(f"/api/v1/volunteers/offers/{offer.pk}").json()["free_places"] == offer.capacity
    assert anon.get("/api/v1/volunteers/statistics").status_code == 401


def test_job_closes_offers_whose_last_day_passed(centre):
    host, _ = host_with_member(centre)
    ended = OfferFactory(
        centre=centre,
        host=host,
        starts_on=warsaw_today() - timedelta(days=10),
        ends_on=warsaw_today() - timedelta(days=1),
    )
    running = OfferFactory(centre=centre, host=host)
    assert close_ended_offers(centre) == "closed 1"
    assert Offer.objects.get(pk=ended.pk).status == "closed"
    assert Offer.objects.get(pk=running.pk).status == "published"
    assert AuditEntry.objects.filter(action="offer.closed").count() == 1
