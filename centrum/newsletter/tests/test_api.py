"""The API: the topics anyone may subscribe to; the announcements for staff only, of their own centre."""

import pytest

from .factories import announcement_in_state

pytestmark = pytest.mark.django_db


def test_topics_are_public(anon, centre, topics):
    response = anon.get("/api/v1/newsletter/topics")
    assert response.status_code == 200
    topics = {t["key"]: t["by_fields"] for t in response.json()}
    assert topics.items() >= {"test.news": False, "test.calls": True}.items()


def test_announcements_for_staff_of_the_centre_only(
    anon, client_for, centre, other_centre, staff_user, plain_user
):
    mine = announcement_in_state(centre=centre, subject="Nasz komunikat")
    announcement_in_state(centre=other_centre, subject="Cudzy komunikat")
    response = client_for(centre, staff_user).get("/api/v1/newsletter/announcements")
    assert response.status_code == 200
    assert [a["id"] for a in response.json()] == [mine.pk]
    assert client_for(centre, plain_user).get("/api/v1/newsletter/announcements").status_code == 403
    assert anon.get("/api/v1/newsletter/announcements").status_code == 401
    assert client_for(centre, staff_user).get("/api/v1/newsletter/announcements?page=0").status_code == 422
