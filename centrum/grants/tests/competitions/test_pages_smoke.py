"""Every page of competitions answers for the people it is for."""

import pytest
from django.urls import reverse

from centrum.grants.choices import CompetitionStatus
from centrum.grants.tests.factories import competition_in_state

pytestmark = pytest.mark.django_db


def test_pages_render(centre, official_client, anon):
    draft = competition_in_state(centre=centre, state=CompetitionStatus.DRAFT)
    decided = competition_in_state(centre=centre, state=CompetitionStatus.DECIDED)
    for name, kwargs in [
        ("grants:index", {}),
        ("grants:desk", {}),
        ("grants:competition_new", {}),
        ("grants:reasons_requests", {}),
        ("grants:competition", {"pk": draft.pk}),
        ("grants:board", {"pk": draft.pk}),
        ("grants:competition_edit", {"pk": draft.pk}),
        ("grants:publications", {"pk": draft.pk}),
        ("grants:results", {"pk": decided.pk}),
        ("grants:reasons_request_new", {"pk": decided.pk}),
        ("grants:competition_pdf", {"pk": decided.pk}),
        ("grants:results_pdf", {"pk": decided.pk}),
        ("grants:competition_bip", {"pk": decided.pk}),
    ]:
        response = official_client.get(reverse(name, kwargs=kwargs))
        assert response.status_code == 200, (name, response.status_code)
    for what in ("oferty", "wyniki"):
        for fmt in ("csv", "xlsx"):
            response = official_client.get(
                reverse("grants:competition_export", kwargs={"pk": decided.pk, "what": what, "fmt": fmt})
            )
            assert response.status_code == 200
            b"".join(response.streaming_content)
