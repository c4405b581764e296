"""The contracts API: officials list the centre's contracts with the desk's filters; officials and the
organisation's members read one contract; others get 403/404."""

import pytest

from ...choices import PaperSigning
from ...services.contracts import contract_create_from_offer, contract_sign

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def contract(offer, official_user):
    return contract_create_from_offer(offer=offer, actor=official_user, values={})


def test_officials_list_and_filter(client_for, centre, contract, official_user, org_admin):
    client = client_for(centre, official_user)
    rows = client.get("/api/v1/grants/contracts").json()
    assert [r["number"] for r in rows] == [contract.number]
    assert client.get("/api/v1/grants/contracts", {"status": "signed"}).json() == []
    assert client.get("/api/v1/grants/contracts", {"status": "nonsense"}).status_code == 200
    assert client.get("/api/v1/grants/contracts", {"year": "abc"}).status_code == 422
    assert client_for(centre, org_admin).get("/api/v1/grants/contracts").status_code == 403


def test_members_read_their_contract(
    client_for, centre, other_centre, contract, official_user, org_member, plain_user
):
    contract_sign(
        contract=contract,
        actor=official_user,
        representatives=[{"name": "Anna Kowalska", "function": "Prezes"}],
        signing=PaperSigning.PAPER,
    )
    body = client_for(centre, org_member).get(f"/api/v1/grants/contracts/{contract.pk}").json()
    assert body["grant_amount"] == "9000.00" and len(body["cost_lines"]) == 2
    assert body["representatives"][0]["name"] == "Anna Kowalska" and body["status"] == "signed"
    assert client_for(centre, plain_user).get(f"/api/v1/grants/contracts/{contract.pk}").status_code == 404
    assert (
        client_for(other_centre, official_user).get(f"/api/v1/grants/contracts/{contract.pk}").status_code
        == 404
    )
