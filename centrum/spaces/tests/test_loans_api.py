"""The equipment and loans API: public equipment, my loans and the centre's, a request, staff decisions
through the loan workflow; anonymous, a forbidden role, another centre's id; flat query counts."""

import json
from datetime import timedelta

import pytest

from centrum.core.calendar import warsaw_today
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.spaces.choices import EquipmentCondition, EquipmentKind, LoanStatus
from centrum.spaces.models import Loan, LoanItem
from centrum.spaces.services import loan_request

from .conftest import make_organisation
from .factories import EquipmentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _csrf(client):
    client.cookies["csrftoken"] = "x" * 32
    client.defaults["HTTP_X_CSRFTOKEN"] = "x" * 32
    return client


def _post(client, url, payload=None):
    return client.post(url, data=json.dumps(payload or {}, default=str), content_type="application/json")


def _request_payload(organisation, item, **extra):
    payload = {
        "organisation_id": organisation.pk,
        "starts_on": (warsaw_today() + timedelta(days=3)).isoformat(),
        "due_on": (warsaw_today() + timedelta(days=5)).isoformat(),
        "purpose": "Piknik sąsiedzki",
        "items": [{"item_id": item.pk, "quantity": 1}],
    }
    payload.update(extra)
    return payload


def _loan(centre, actor, organisation, item, days=3):
    return loan_request(
        centre=centre,
        actor=actor,
        organisation=organisation,
        purpose="Festyn",
        starts_on=warsaw_today() + timedelta(days=days),
        due_on=warsaw_today() + timedelta(days=days + 1),
        items={item: 1},
    )


@pytest.fixture
def other_loan(other_centre):
    organisation = make_organisation(other_centre, "Żorskie Stowarzyszenie")
    item = EquipmentFactory(centre=other_centre)
    loan = Loan.objects.create(
        centre=other_centre,
        number="UŻ/2026/0001",
        organisation=organisation,
        purpose="Obcy festyn",
        starts_on=warsaw_today(),
        due_on=warsaw_today(),
        status=LoanStatus.REQUESTED,
    )
    LoanItem.objects.create(centre=other_centre, loan=loan, item=item, quantity=1)
    return loan


def test_equipment_is_public_without_internal_fields(anon, centre, projector):
    EquipmentFactory(centre=centre, name="Kopiarka", kind=EquipmentKind.COPIER, may_leave_building=False)
    EquipmentFactory(centre=centre, name="Stary rzutnik", is_active=False)
    response = anon.get("/api/v1/equipment")
    assert response.status_code == 200
    items = {row["name"]: row for row in response.json()}
    assert set(items) == {"Kopiarka", "Rzutnik multimedialny"}
    assert items["Kopiarka"]["walk_in_unit"] == "pages" and not items["Kopiarka"]["may_leave_building"]
    assert items["Rzutnik multimedialny"]["walk_in_unit"] is None
    assert "storage_location" not in items["Kopiarka"] and "inventory_number" not in items["Kopiarka"]


def test_member_requests_a_loan_and_sees_it_in_my_loans(
    client_for, centre, org_member, organisation, projector
):
    client = _csrf(client_for(centre, org_member))
    response = _post(client, "/api/v1/loans", _request_payload(organisation, projector))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "requested" and body["number"].startswith("UŻ/")
    assert body["booker"] == {"kind": "organisation", "id": organisation.pk, "name": organisation.name}
    assert body["items"] == [{"item_id": projector.pk, "name": projector.name, "quantity": 1}]
    assert OutboxMessage.objects.filter(event="loan_requested_to_staff").exists()
    mine = client.get("/api/v1/loans").json()
    assert mine["count"] == 1 and mine["results"][0]["id"] == body["id"]
    assert client.get(f"/api/v1/loans/{body['id']}").json()["purpose"] == "Piknik sąsiedzki"


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"purpose": "  "}, 422),
        ({"items": []}, 422),
        ({"due_on": "9999-12-31"}, 422),
        ({"starts_on": "nie-data"}, 422),
        ({"unknown": 1}, 422),
        ({"items": [{"item_id": 1, "quantity": 0}]}, 422),
        ({"due_on": (warsaw_today() + timedelta(days=1)).isoformat()}, 400),  # before the pick-up day
        ({"starts_on": (warsaw_today() - timedelta(days=1)).isoformat()}, 400),
    ],
)
def test_bad_requests_are_refused_and_nothing_stored(
    client_for, centre, org_member, organisation, projector, change, status
):
    client = _csrf(client_for(centre, org_member))
    response = _post(client, "/api/v1/loans", _request_payload(organisation, projector, **change))
    assert response.status_code == status, response.content
    assert response.json()["detail"]
    assert not Loan.objects.exists()


def test_the_same_item_twice_is_a_422(client_for, centre, org_member, organisation, projector):
    client = _csrf(client_for(centre, org_member))
    items = [{"item_id": projector.pk, "quantity": 1}] * 2
    response = _post(client, "/api/v1/loans", _request_payload(organisation, projector, items=items))
    assert response.status_code == 422 and response.json()["field"] == "items"


def test_fixed_equipment_is_refused(client_for, centre, org_member, organisation):
    copier = EquipmentFactory(centre=centre, name="Kopiarka", may_leave_building=False)
    client = _csrf(client_for(centre, org_member))
    response = _post(client, "/api/v1/loans", _request_payload(organisation, copier))
    assert response.status_code == 400 and "budynku" in response.json()["detail"]


def test_another_centres_organisation_or_item_is_404(
    client_for, centre, other_centre, org_member, organisation, projector
):
    client = _csrf(client_for(centre, org_member))
    stranger = make_organisation(other_centre, "Żorskie Stowarzyszenie")
    foreign_item = EquipmentFactory(centre=other_centre)
    assert _post(client, "/api/v1/loans", _request_payload(stranger, projector)).status_code == 404
    assert _post(client, "/api/v1/loans", _request_payload(organisation, foreign_item)).status_code == 404
    assert not Loan.objects.exists()


def test_a_stranger_cannot_request_for_an_organisation(
    client_for, centre, plain_user, organisation, projector
):
    client = _csrf(client_for(centre, plain_user))
    response = _post(client, "/api/v1/loans", _request_payload(organisation, projector))
    assert response.status_code == 400
    assert not Loan.objects.exists()


def test_staff_decide_hand_over_and_take_back(
    client_for, centre, staff_user, org_member, organisation, projector
):
    loan = _loan(centre, org_member, organisation, projector, days=0)
    client = _csrf(client_for(centre, staff_user))
    response = _post(client, f"/api/v1/loans/{loan.pk}/approve")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "approved"
    assert OutboxMessage.objects.filter(event="loan_approved_to_organisation").exists()
    handover = {"person": "Jan Kowalski", "condition": EquipmentCondition.GOOD}
    response = _post(client, f"/api/v1/loans/{loan.pk}/hand_over", handover)
    assert response.status_code == 200 and response.json()["handed_over_at"]
    response = _post(client, f"/api/v1/loans/{loan.pk}/return", {**handover, "condition": "damaged"})
    assert response.status_code == 200 and response.json()["status"] == "returned"
    projector.refresh_from_db()
    assert projector.condition == EquipmentCondition.DAMAGED
    actions = list(AuditEntry.objects.filter(object_id=str(loan.pk)).values_list("action", flat=True))
    assert {"loan.approve", "loan.hand_over", "loan.return"} <= set(actions)
    # The workflow refuses an action the state no longer allows: 409, in the usual error format.
    response = _post(client, f"/api/v1/loans/{loan.pk}/approve")
    assert response.status_code == 409 and response.json()["detail"]


def test_staff_reject_needs_a_reason(client_for, centre, staff_user, org_member, organisation, projector):
    loan = _loan(centre, org_member, organisation, projector)
    client = _csrf(client_for(centre, staff_user))
    assert _post(client, f"/api/v1/loans/{loan.pk}/reject", {"reason": " "}).status_code == 422
    response = _post(client, f"/api/v1/loans/{loan.pk}/reject", {"reason": "Sprzęt w naprawie"})
    assert response.status_code == 200 and response.json()["decision_reason"] == "Sprzęt w naprawie"


def test_bad_handover_input_is_a_422(client_for, centre, staff_user, org_member, organisation, projector):
    loan = _loan(centre, org_member, organisation, projector, days=0)
    client = _csrf(client_for(centre, staff_user))
    _post(client, f"/api/v1/loans/{loan.pk}/approve")
    for body in ({"person": "", "condition": "good"}, {"person": "Jan", "condition": "zepsuty"}, {}):
        assert _post(client, f"/api/v1/loans/{loan.pk}/hand_over", body).status_code == 422
    loan.refresh_from_db()
    assert loan.status == LoanStatus.APPROVED


def test_member_cancels_own_request_but_may_not_decide(
    client_for, centre, org_member, organisation, projector
):
    loan = _loan(centre, org_member, organisation, projector)
    client = _csrf(client_for(centre, org_member))
    for action in ("approve", "reject", "hand_over", "return"):
        body = {"reason": "x", "person": "Jan", "condition": "good"}
        if action == "approve":
            body = {}
        elif action == "reject":
            body = {"reason": "x"}
        else:
            body = {"person": "Jan", "condition": "good"}
        assert _post(client, f"/api/v1/loans/{loan.pk}/{action}", body).status_code == 403, action
    assert client.get("/api/v1/loans/centre").status_code == 403
    response = _post(client, f"/api/v1/loans/{loan.pk}/cancel", {"reason": "Zmiana planów"})
    assert response.status_code == 200 and response.json()["status"] == "cancelled"


def test_a_stranger_gets_404_for_someone_elses_loan(
    client_for, centre, plain_user, org_member, organisation, projector
):
    loan = _loan(centre, org_member, organisation, projector)
    client = _csrf(client_for(centre, plain_user))
    assert client.get(f"/api/v1/loans/{loan.pk}").status_code == 404
    assert _post(client, f"/api/v1/loans/{loan.pk}/cancel").status_code == 404
    assert client.get("/api/v1/loans").json()["count"] == 0


@pytest.mark.parametrize("action", ["approve", "reject", "cancel", "hand_over", "return", ""])
def test_another_centres_loan_is_404(client_for, centre, staff_user, other_loan, action):
    client = _csrf(client_for(centre, staff_user))
    url = f"/api/v1/loans/{other_loan.pk}" + (f"/{action}" if action else "")
    body = {"reason": "x"} if action in ("reject", "cancel") else {"person": "Jan", "condition": "good"}
    response = client.get(url) if not action else _post(client, url, body if action != "approve" else {})
    assert response.status_code == 404
    other_loan.refresh_from_db()
    assert other_loan.status == LoanStatus.REQUESTED
    assert other_loan.pk not in [row["id"] for row in client.get("/api/v1/loans/centre").json()["results"]]


def test_anonymous_is_401(anon, centre, org_member, organisation, projector):
    loan = _loan(centre, org_member, organisation, projector)
    assert anon.get("/api/v1/loans").status_code == 401
    assert anon.get("/api/v1/loans/centre").status_code == 401
    assert _post(anon, f"/api/v1/loans/{loan.pk}/approve").status_code == 401
    assert _post(anon, "/api/v1/loans", _request_payload(organisation, projector)).status_code == 401


def test_centre_list_filters_by_status_and_pages(client_for, centre, staff_user, org_member, organisation):
    items = [EquipmentFactory(centre=centre, quantity=5) for _ in range(3)]
    loans = [_loan(centre, org_member, organisation, item) for item in items]
    client = _csrf(client_for(centre, staff_user))
    _post(client, f"/api/v1/loans/{loans[0].pk}/approve")
    assert client.get("/api/v1/loans/centre?status=approved").json()["count"] == 1
    page = client.get("/api/v1/loans/centre?limit=2&offset=2").json()
    assert (page["count"], len(page["results"])) == (3, 1)
    assert client.get("/api/v1/loans/centre?status=lost").status_code == 422
    assert client.get("/api/v1/loans/centre?limit=0").status_code == 422


def test_a_module_switched_off_hides_the_paths(anon, centre):
    from centrum.core.models import CentreSetting

    CentreSetting.objects.create(centre=centre, key="module_spaces", value=False)
    assert anon.get("/api/v1/equipment").status_code == 404
    assert anon.get("/api/v1/loans").status_code == 404


def test_openapi_states_the_input_rules(anon):
    paths = anon.get("/api/v1/openapi.json").json()
    schemas = paths["components"]["schemas"]
    for path in ("/api/v1/loans/{loan_id}/approve", "/api/v1/loans/{loan_id}/reject", "/api/v1/loans"):
        assert "post" in paths["paths"][path]
    assert {"200", "400", "401", "403", "404", "422"} <= set(
        paths["paths"]["/api/v1/loans/{loan_id}/reject"]["post"]["responses"]
    )
    loan_in = schemas["LoanIn"]
    assert loan_in["properties"]["items"]["minItems"] == 1
    assert loan_in["properties"]["purpose"]["minLength"] == 1
    assert schemas["LoanRejectIn"]["properties"]["reason"]["minLength"] == 1
    assert "get" in paths["paths"]["/api/v1/equipment"]


@pytest.mark.parametrize("n", [2, 12])
def test_loan_lists_have_flat_query_counts(
    client_for, centre, staff_user, org_member, organisation, n, django_assert_num_queries
):
    for i in range(n):
        _loan(centre, org_member, organisation, EquipmentFactory(centre=centre, quantity=3), days=i % 5)
    for user, url, expected in (
        (org_member, "/api/v1/loans", 7),
        (staff_user, "/api/v1/loans/centre", 8),
        (None, "/api/v1/equipment", 3),
    ):
        client = client_for(centre, user)
        assert client.get(url).status_code == 200
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200
