"""The small grants API: the published offers (public, comments after the period) and, for officials,
every filed offer with its deadlines and comments."""

from datetime import timedelta

import pytest
from django.utils import timezone

from centrum.core.calendar import warsaw_today
from centrum.grants.models import SmallGrantComment
from centrum.grants.tests.factories import small_grant

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_public_list_and_detail(client_for, centre, organisation, django_assert_max_num_queries):
    offer = small_grant(centre=centre, organisation=organisation, status="published", published_ago=2)
    small_grant(centre=centre, organisation=organisation, title="Szkic niepubliczny")
    SmallGrantComment.objects.create(
        centre=centre, offer=offer, name="Jan", body="Uwaga", filed_at=timezone.now()
    )
    client = client_for(centre)
    with django_assert_max_num_queries(8):
        rows = client.get("/api/v1/grants/small-grants").json()
    assert [r["id"] for r in rows] == [offer.pk] and rows[0]["comments_until"] == str(offer.comments_until)
    body = client.get(f"/api/v1/grants/small-grants/{offer.pk}").json()
    assert len(body["publications"]) == 3 and body["comments"] == []  # the period still runs
    offer.comments_until = warsaw_today() - timedelta(days=1)
    offer.save()
    assert client.get(f"/api/v1/grants/small-grants/{offer.pk}").json()["comments"][0]["body"] == "Uwaga"


def test_a_draft_is_404_in_public(client_for, centre, organisation):
    draft = small_grant(centre=centre, organisation=organisation)
    assert client_for(centre).get(f"/api/v1/grants/small-grants/{draft.pk}").status_code == 404


def test_officials_read_every_filed_offer(client_for, centre, organisation, official_user, org_admin):
    received = small_grant(centre=centre, organisation=organisation, status="received")
    small_grant(centre=centre, organisation=organisation)  # a draft is not filed
    client = client_for(centre, official_user)
    rows = client.get("/api/v1/grants/small-grants-desk").json()
    assert [r["id"] for r in rows] == [received.pk] and rows[0]["publish_by"] == str(received.publish_by)
    assert client.get(f"/api/v1/grants/small-grants-desk/{received.pk}").status_code == 200
    assert client_for(centre, org_admin).get("/api/v1/grants/small-grants-desk").status_code == 403
    assert client_for(centre).get("/api/v1/grants/small-grants-desk").status_code == 401


def test_another_centres_offer_is_404(client_for, centre, other_centre, organisation, official_user):
    offer = small_grant(centre=centre, organisation=organisation, status="published", published_ago=2)
    assert client_for(other_centre).get(f"/api/v1/grants/small-grants/{offer.pk}").status_code == 404
