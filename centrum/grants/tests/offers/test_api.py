"""The offers API: the organisation's offers, a draft, its content, submission with the service's rules;
officials read a competition's filed offers."""

import pytest

from centrum.grants.models import Offer
from centrum.grants.tests.factories import CompetitionFactory, complete_offer

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_create_fill_and_submit_through_the_api(client_for, centre, organisation, org_admin, official_user):
    competition = CompetitionFactory(centre=centre)
    client = client_for(centre, org_admin)
    response = client.post(
        "/api/v1/grants/offers",
        {"competition_id": competition.pk, "organisation_id": organisation.pk},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    source = complete_offer(competition=competition, organisation=organisation)
    body = client.get(f"/api/v1/grants/offers/{source.pk}/content").json()
    payload = {
        **body["header"],
        "declarations": [k for k, v in body["declarations"].items() if v],
        "offerors": body["offerors"],
        "actions": body["actions"],
        "results": body["results"],
        "lines": body["lines"],
        "shares": [],
    }
    bad = {**payload, "requested_grant": "-1"}
    assert client.put(f"/api/v1/grants/offers/{pk}", bad, content_type="application/json").status_code == 422
    response = client.put(f"/api/v1/grants/offers/{pk}", payload, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["total_cost"] == "10000.00"
    unbalanced = {**payload, "requested_grant": "9500.00"}
    client.put(f"/api/v1/grants/offers/{pk}", unbalanced, content_type="application/json")
    refused = client.post(f"/api/v1/grants/offers/{pk}/submit")
    assert refused.status_code == 400 and "V.B" in refused.json()["detail"]
    client.put(f"/api/v1/grants/offers/{pk}", payload, content_type="application/json")
    filed = client.post(f"/api/v1/grants/offers/{pk}/submit")
    assert (
        filed.status_code == 200
        and filed.json()["status"] == "submitted"
        and len(filed.json()["checksum"]) == 64
    )
    edited = client.put(f"/api/v1/grants/offers/{pk}", payload, content_type="application/json")
    assert edited.status_code == 400
    assert [o["id"] for o in client.get("/api/v1/grants/offers").json()] == sorted([pk, source.pk])
    assert client.get(f"/api/v1/grants/offers/competition/{competition.pk}").status_code == 403
    official = client_for(centre, official_user).get(f"/api/v1/grants/offers/competition/{competition.pk}")
    assert [o["id"] for o in official.json()] == [pk]
    assert Offer.objects.get(pk=pk).status == "submitted"


def test_another_centres_offer_is_404(client_for, other_centre, centre, org_admin):
    theirs = complete_offer(competition__centre=other_centre)
    assert client_for(centre, org_admin).get(f"/api/v1/grants/offers/{theirs.pk}").status_code == 404
