"""The evaluation API: a competition's criteria, scores and ranking, for officials only."""

from decimal import Decimal

import pytest

from ...choices import CompetitionStatus
from ..factories import CompetitionFactory
from .test_export import _accepted, _score_all

pytestmark = pytest.mark.django_db


def _url(competition):
    return f"/api/v1/grants/evaluation/competitions/{competition.pk}/scores"


def test_an_official_reads_the_scores_and_the_ranking(
    client_for, centre, competition, commission, official_user, django_assert_max_num_queries
):
    _score_all(competition, _accepted(competition, 1))
    client = client_for(centre, official_user)
    with django_assert_max_num_queries(40) as small:
        assert client.get(_url(competition)).status_code == 200
    _score_all(competition, _accepted(competition, 5))
    with django_assert_max_num_queries(len(small.captured_queries)):
        body = client.get(_url(competition)).json()
    assert [c["name"] for c in body["criteria"]] == ["Możliwość realizacji", "Kalkulacja kosztów"]
    assert len(body["scores"]) == 6 * 2 * 2
    first = body["ranking"][0]
    # 4.5 × 1 + 4.5 × 2 by both members
    assert first["place"] == 1 and Decimal(first["average"]) == Decimal("13.50")
    assert first["members_scored"] == 2


def test_others_are_refused(client_for, centre, competition, commission, evaluator, org_admin, staff_user):
    assert client_for(centre).get(_url(competition)).status_code == 401
    assert client_for(centre, evaluator).get(_url(competition)).status_code == 403
    for user in (org_admin, staff_user):
        assert client_for(centre, user).get(_url(competition)).status_code in (403, 404)


def test_another_centres_competition_is_not_found(client_for, centre, other_centre, official_user):
    foreign = CompetitionFactory(centre=other_centre, status=CompetitionStatus.EVALUATION)
    assert client_for(centre, official_user).get(_url(foreign)).status_code == 404
