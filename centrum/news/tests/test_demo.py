"""The demo: news and events in every centre (some waiting for moderation), Mysłowice and Częstochowa rich,
their public pages render; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from centrum.core.models import Centre

from ..models import ErrorReport, Event, NewsItem


@pytest.mark.django_db
def test_demo_news_and_events_in_every_centre():
    call_command("seed_demo", "--strict", force=True, stdout=StringIO(), stderr=StringIO())
    for centre in Centre.objects.all():
        news, events = NewsItem.objects.filter(centre=centre), Event.objects.filter(centre=centre)
        assert news.filter(status="published").count() >= 2 and news.filter(status="submitted").exists()
        assert events.filter(status="published").count() >= 2 and events.filter(status="submitted").exists()
        assert ErrorReport.objects.filter(centre=centre).exists()
        client = Client(HTTP_HOST=centre.primary_host)
        for url in ("/aktualnosci/", "/wydarzenia/", "/wydarzenia/lista/", "/aktualnosci/rss/"):
            assert client.get(url).status_code == 200, (centre.slug, url)
    for slug in ("myslowice", "czestochowa"):
        assert NewsItem.objects.filter(centre__slug=slug, status="published").count() >= 5
        assert Event.objects.filter(centre__slug=slug, status="published").count() >= 5
    assert NewsItem.objects.filter(
        centre__slug="myslowice", title="Ruszyła Lokalna Platforma Wiedzy"
    ).exists()
    before = NewsItem.objects.count(), Event.objects.count()
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    assert (NewsItem.objects.count(), Event.objects.count()) == before


@pytest.mark.django_db
def test_english_pages_render(client_for, centre):
    client = client_for(centre)
    client.cookies["django_language"] = "en"
    body = client.get("/wydarzenia/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Events calendar" in body and "Report an error" in body
