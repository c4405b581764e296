"""The scores export (CSV for Polish Excel, XLSX): officials only, every score, constant queries."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ...choices import OfferStatus
from ...models import CommissionMember, Score, ScoringCriterion
from ..factories import OfferFactory

pytestmark = pytest.mark.django_db


def _score_all(competition, offers):
    for offer in offers:
        for member in CommissionMember.objects.filter(commission__competition=competition):
            for criterion in ScoringCriterion.objects.filter(competition=competition):
                Score.objects.create(
                    centre=competition.centre,
                    member=member,
                    offer=offer,
                    criterion=criterion,
                    points=Decimal("4.5"),
                    comment="Spójny harmonogram",
                )


def _accepted(competition, n):
    return [
        OfferFactory(competition=competition, centre=competition.centre, status=OfferStatus.FORMALLY_ACCEPTED)
        for _ in range(n)
    ]


def test_the_csv_lists_every_score_for_polish_excel(
    client_for, centre, competition, commission, official_user, django_assert_max_num_queries
):
    _score_all(competition, _accepted(competition, 1))
    client = client_for(centre, official_user)
    url = reverse("grants:competition_export", args=[competition.pk, "oceny", "csv"])
    with django_assert_max_num_queries(30) as small:
        body = b"".join(client.get(url).streaming_content)
    _score_all(competition, _accepted(competition, 6))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
        body = b"".join(response.streaming_content)
    assert response["Content-Type"].startswith("text/csv")
    text = body.decode("utf-8-sig")
    lines = text.strip().split("\r\n")
    assert lines[0].startswith("Nr oferty;Oferent")
    assert len(lines) == 1 + 7 * 2 * 2  # offers × members × criteria
    assert "Spójny harmonogram" in text and "Adam Oceniający" in text


def test_the_xlsx_is_a_workbook(client_for, centre, competition, commission, official_user):
    _score_all(competition, _accepted(competition, 1))
    response = client_for(centre, official_user).get(
        reverse("grants:competition_export", args=[competition.pk, "oceny", "xlsx"])
    )
    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and body[:2] == b"PK"
    assert 'filename="oceny-' in response["Content-Disposition"]


def test_an_unknown_format_is_not_found(client_for, centre, competition, official_user):
    url = reverse("grants:competition_export", args=[competition.pk, "oceny", "pdf"])
    assert client_for(centre, official_user).get(url).status_code == 404


def test_only_officials_export(client_for, centre, competition, commission, evaluator, org_admin, staff_user):
    url = reverse("grants:competition_export", args=[competition.pk, "oceny", "csv"])
    assert client_for(centre).get(url).status_code == 302
    for user in (evaluator, org_admin, staff_user):
        assert client_for(centre, user).get(url).status_code in (403, 404)
