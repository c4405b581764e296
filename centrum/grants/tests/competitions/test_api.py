"""The competitions API: list and detail for anyone (announced only), a competition's offers for officials."""

from datetime import timedelta

import pytest

from centrum.grants.choices import CompetitionStatus, OfferStatus
from centrum.grants.tests.factories import OfferFactory, competition_in_state

pytestmark = pytest.mark.django_db


def test_list_and_detail_are_public_and_hide_drafts(
    anon, centre, other_centre, django_assert_max_num_queries
):
    published = competition_in_state(centre=centre, state=CompetitionStatus.PUBLISHED)
    draft = competition_in_state(centre=centre, state=CompetitionStatus.DRAFT)
    theirs = competition_in_state(centre=other_centre, state=CompetitionStatus.PUBLISHED)
    with django_assert_max_num_queries(6):
        rows = anon.get("/api/v1/grants/competitions").json()
    assert [r["id"] for r in rows] == [published.pk]
    assert anon.get("/api/v1/grants/competitions?state=rozstrzygniete").json() == []
    detail = anon.get(f"/api/v1/grants/competitions/{published.pk}").json()
    assert detail["funds_total"] == "100000.00" and len(detail["publications"]) == 9
    assert anon.get(f"/api/v1/grants/competitions/{draft.pk}").status_code == 404
    assert anon.get(f"/api/v1/grants/competitions/{theirs.pk}").status_code == 404


def test_offers_for_officials_only(anon, client_for, centre, official_user, staff_user):
    competition = competition_in_state(centre=centre, state=CompetitionStatus.EVALUATION)
    OfferFactory(
        competition=competition,
        status=OfferStatus.SUBMITTED,
        submitted_at=competition.offers_deadline - timedelta(hours=2),
    )
    OfferFactory(competition=competition, status=OfferStatus.DRAFT)
    url = f"/api/v1/grants/competitions/{competition.pk}/offers"
    assert anon.get(url).status_code == 401
    assert client_for(centre, staff_user).get(url).status_code == 403
    rows = client_for(centre, official_user).get(url).json()
    assert [r["status"] for r in rows] == ["submitted"]
