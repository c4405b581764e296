"""Organisation endpoints: each as anonymous, member, admin and staff; another centre's id is a 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.api.tests.conftest import API, OrganisationFactory, bearer, send
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.text import fold
from centrum.organisations.choices import LegalForm, OrganisationStatus
from centrum.organisations.models import ActivityArea, Organisation


def registration(**extra):
    return {
        "name": "Fundacja Łódzka Żyrafa",
        "legal_form": "fundacja",
        "registry_kind": "krs_s",
        "krs": "206867",
        "nip": "526-104-08-28",
        "regon": "302046830",
        "city": "Łódź",
        "email": "biuro@zyrafa.example.org",
        "areas": ["14", "16"],
        **extra,
    }


@pytest.fixture
def pending(centre, plain_user):
    return OrganisationFactory(
        centre=centre, name="Oczekujące Koło", status=OrganisationStatus.PENDING, submitted_by=plain_user
    )


@pytest.fixture
def foreign(other_centre):
    return OrganisationFactory(centre=other_centre, name="Żorskie Stowarzyszenie")


# ---- GET /organisations ----------------------------------------------------------------------


def test_directory_lists_public_organisations_of_this_centre_only(anon, organisation, pending, foreign):
    suspended = OrganisationFactory(
        centre=organisation.centre, name="Zawieszone", status=OrganisationStatus.SUSPENDED
    )
    OrganisationFactory(centre=organisation.centre, name="Usunięte", status=OrganisationStatus.REMOVED)
    response = anon.get(f"{API}/organisations")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [o["id"] for o in body["results"]] == [organisation.pk, suspended.pk]
    item = body["results"][0]
    assert set(item) == {
        "id", "name", "short_name", "legal_form", "legal_form_label", "city", "is_opp",
        "status", "krs", "district", "areas", "logo_url",
    }  # fmt: skip
    assert "nip" not in item and "bank_account" not in item


def test_directory_search_ignores_diacritics_and_case(anon, centre):
    org = OrganisationFactory(
        centre=centre, name="Fundacja Łódzka Żyrafa", search_text=fold("Fundacja Łódzka Żyrafa Kalisz")
    )
    OrganisationFactory(centre=centre, name="Inna")
    for q in ["lodzka", "ŁÓDZKA żyrafa", "  zyrafa  "]:
        results = anon.get(f"{API}/organisations", {"q": q}).json()["results"]
        assert [o["id"] for o in results] == [org.pk], q


def test_directory_filters(anon, centre, district):
    area = ActivityArea.objects.get(code="14")
    match = OrganisationFactory(
        centre=centre, legal_form=LegalForm.FOUNDATION, is_opp=True, district=district
    )
    match.areas.add(area)
    OrganisationFactory(centre=centre, legal_form=LegalForm.ASSOCIATION)
    params = {"area": "14", "legal_form": "fundacja", "opp": "true", "district": district.pk}
    for key, value in params.items():
        results = anon.get(f"{API}/organisations", {key: value}).json()["results"]
        assert [o["id"] for o in results] == [match.pk], key
    item = anon.get(f"{API}/organisations", params).json()["results"][0]
    assert item["district"] == {"id": district.pk, "name": "Śródmieście"}
    assert item["areas"] == ["14"]
    not_opp = anon.get(f"{API}/organisations", {"opp": "false"}).json()["results"]
    assert match.pk not in [o["id"] for o in not_opp]


def test_directory_pagination_with_limit_offset_and_page(anon, centre):
    orgs = [OrganisationFactory(centre=centre, name=f"Organizacja {i:02d}") for i in range(7)]
    body = anon.get(f"{API}/organisations", {"limit": 3, "offset": 3}).json()
    assert body["count"] == 7 and body["limit"] == 3 and body["offset"] == 3
    assert [o["id"] for o in body["results"]] == [o.pk for o in orgs[3:6]]
    body = anon.get(f"{API}/organisations", {"limit": 3, "page": 3}).json()
    assert [o["id"] for o in body["results"]] == [orgs[6].pk] and body["offset"] == 6
    assert body["count_capped"] is False


@pytest.mark.parametrize("params", [{"offset": 7}, {"offset": 100}, {"limit": 3, "page": 4}, {"page": 2}])
def test_directory_refuses_a_page_past_the_last(anon, centre, params):
    for i in range(7):
        OrganisationFactory(centre=centre, name=f"Organizacja {i:02d}")
    response = anon.get(f"{API}/organisations", params)
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Nie ma takiej strony: wyników jest 7")
    # the first page of nothing is an empty page, not an error
    empty = anon.get(f"{API}/organisations", {"q": "nic takiego"})
    assert empty.status_code == 200 and empty.json()["results"] == [] and empty.json()["count"] == 0


def test_directory_counts_and_pages_as_far_as_the_html_page(anon, centre, monkeypatch):
    monkeypatch.setattr("centrum.organisations.api.DIRECTORY_COUNT_CAP", 5)
    for i in range(7):
        OrganisationFactory(centre=centre, name=f"Organizacja {i:02d}")
    body = anon.get(f"{API}/organisations", {"limit": 2, "page": 3}).json()
    assert body["count"] == 5 and body["count_capped"] is True and len(body["results"]) == 1
    response = anon.get(f"{API}/organisations", {"offset": 5})
    assert response.status_code == 404 and "zawęź wyszukiwanie" in response.json()["detail"]


def test_paging_past_the_last_page_is_documented():
    from centrum.api.api import api

    operation = api.get_openapi_schema()["paths"]["/api/v1/organisations"]["get"]
    assert 404 in operation["responses"]
    assert "404" in operation["description"]


def test_directory_orders_equal_names_by_id(anon, centre):
    orgs = [OrganisationFactory(centre=centre, name="Takie Samo") for _ in range(4)]
    assert [o["id"] for o in anon.get(f"{API}/organisations").json()["results"]] == [o.pk for o in orgs]


@pytest.mark.parametrize(
    "params",
    [{"limit": 101}, {"limit": 0}, {"offset": -1}, {"page": 0}, {"legal_form": "spolka"}, {"district": "x"}],
)
def test_directory_bad_parameters_are_422(anon, db, params):
    response = anon.get(f"{API}/organisations", params)
    assert response.status_code == 422
    assert response.json()["field"] == next(iter(params))


@pytest.mark.parametrize("language", ["pl", "en"])
def test_directory_unknown_district_or_area_is_422_naming_the_parameter(
    anon, centre, district, other_district, language
):
    OrganisationFactory(centre=centre, district=district)
    cases = [
        ({"district": other_district.pk}, "district"),  # another centre's district
        ({"district": 999_999}, "district"),
        ({"area": "99"}, "area"),
        ({"area": "14", "district": other_district.pk}, "district"),
    ]
    for params, field in cases:
        response = anon.get(f"{API}/organisations", params, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 422, params
        body = response.json()
        assert body["field"] == field and [e["field"] for e in body["errors"]] == [field], params
        assert f"{field}:" in body["detail"], body
    polish = anon.get(f"{API}/organisations", {"area": "99"}, HTTP_ACCEPT_LANGUAGE="pl").json()
    assert polish["detail"] == "Popraw dane: area: Nie ma takich sfer pożytku publicznego: 99."
    district_error = anon.get(
        f"{API}/organisations", {"district": other_district.pk}, HTTP_ACCEPT_LANGUAGE="pl"
    ).json()
    assert "Nie ma takiej dzielnicy w tym centrum." in district_error["detail"]
    english = anon.get(f"{API}/organisations", {"area": "99"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["detail"] == "Correct the data: area: There are no such activity areas: 99."


def test_directory_known_filters_without_matches_are_an_empty_page(anon, centre, district):
    OrganisationFactory(centre=centre)
    for params in [{"district": district.pk}, {"area": "14"}, {"area": ""}]:
        response = anon.get(f"{API}/organisations", params)
        assert response.status_code == 200, params
    assert anon.get(f"{API}/organisations", {"district": district.pk}).json()["count"] == 0
    assert anon.get(f"{API}/organisations", {"area": ""}).json()["count"] == 1


def test_directory_query_count_does_not_grow(anon, centre, district):
    area = ActivityArea.objects.get(code="1")

    def make(n):
        for _ in range(n):
            OrganisationFactory(centre=centre, district=district).areas.add(area)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert anon.get(f"{API}/organisations", {"limit": 100}).status_code == 200
        return len(ctx)

    make(2)
    queries()  # the first request also caches the centre of the host
    few = queries()
    make(15)
    assert queries() == few
    assert few <= 5  # centre, settings (module on?), count, page (with districts), areas


# ---- GET /organisations/{id} -----------------------------------------------------------------


def test_detail_public_for_anonymous_without_internal_data(anon, organisation):
    response = anon.get(f"{API}/organisations/{organisation.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == organisation.name and body["nip"] == organisation.nip
    assert body["internal"] is None
    assert body["permissions"] == {"can_edit": False, "can_change_status": False}


def test_detail_internal_for_admin_and_staff_not_member(
    client_for, centre, organisation, org_admin, org_member, staff_user
):
    for user, can_edit in [(org_admin, True), (staff_user, True), (org_member, False)]:
        body = client_for(centre, user).get(f"{API}/organisations/{organisation.pk}").json()
        assert (body["internal"] is not None) is can_edit
        assert body["permissions"]["can_edit"] is can_edit


def test_staff_see_the_krs_liquidation_flag(client_for, centre, organisation, staff_user):
    Organisation.objects.filter(pk=organisation.pk).update(krs_register_status="liquidation")
    internal = client_for(centre, staff_user).get(f"{API}/organisations/{organisation.pk}").json()["internal"]
    assert internal["krs_register_status"] == "liquidation"
    assert internal["krs_register_status_label"] == "w likwidacji"


def test_pending_detail_only_for_submitter_and_staff(client_for, centre, pending, staff_user, org_member):
    url = f"{API}/organisations/{pending.pk}"
    assert client_for(centre).get(url).status_code == 404
    assert client_for(centre, org_member).get(url).status_code == 404
    assert client_for(centre, pending.submitted_by).get(url).status_code == 200
    assert client_for(centre, staff_user).get(url).json()["permissions"]["can_change_status"] is True


def test_unknown_id_is_404_and_bad_id_422(anon, db):
    assert anon.get(f"{API}/organisations/999999").status_code == 404
    assert anon.get(f"{API}/organisations/{10**30}").status_code == 422
    assert anon.get(f"{API}/organisations/abc").status_code == 422


# ---- another centre's id: 404 on every endpoint taking an id ---------------------------------


@pytest.mark.parametrize(
    "method, suffix, body",
    [
        ("get", "", None),
        ("patch", "", {"name": "Przejęta"}),
        ("post", "/status", {"action": "suspend", "reason": "test"}),
    ],
)
def test_other_centres_organisation_is_404_everywhere(
    client_for, centre, staff_user, foreign, make_token, method, suffix, body
):
    _, key = make_token(staff_user, centre)
    for client, extra in [(client_for(centre, staff_user), {}), (client_for(centre), bearer(key))]:
        response = send(client, method, f"/organisations/{foreign.pk}{suffix}", body, **extra)
        assert response.status_code == 404
        assert response.json()["detail"]
    foreign.refresh_from_db()
    assert foreign.name == "Żorskie Stowarzyszenie" and foreign.status == OrganisationStatus.ACTIVE


# ---- POST /organisations ---------------------------------------------------------------------


def test_register_anonymous_is_401(anon, db):
    assert send(anon, "post", "/organisations", registration()).status_code == 401
    assert not Organisation.objects.exists()


def test_register_by_person_is_pending(client_for, centre, plain_user, staff_user, district):
    response = send(
        client_for(centre, plain_user), "post", "/organisations", registration(district=district.pk)
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    org = Organisation.objects.get(pk=body["id"])
    assert org.status == OrganisationStatus.PENDING and org.submitted_by == plain_user
    assert org.centre == centre and org.district == district
    assert (org.krs, org.nip) == ("0000206867", "5261040828")
    assert sorted(body["areas"]) == ["14", "16"]
    assert AuditEntry.objects.filter(action="organisation.created", object_id=str(org.pk)).exists()
    assert any(staff_user.email in message.to for message in OutboxMessage.objects.all())


def test_register_active_only_by_staff(client_for, centre, plain_user, staff_user):
    response = send(client_for(centre, plain_user), "post", "/organisations", registration(status="active"))
    assert response.status_code == 403
    assert not Organisation.objects.exists()
    response = send(client_for(centre, staff_user), "post", "/organisations", registration(status="active"))
    assert response.status_code == 201
    assert response.json()["status"] == "active"


def test_register_duplicate_is_400_with_field(client_for, centre, plain_user):
    OrganisationFactory(centre=centre, nip="5261040828", krs="0000000001")
    response = send(client_for(centre, plain_user), "post", "/organisations", registration())
    assert response.status_code == 400
    assert response.json()["field"] == "nip"
    assert Organisation.objects.count() == 1


def test_same_identifiers_allowed_in_another_centre(client_for, centre, other_centre, plain_user):
    OrganisationFactory(centre=other_centre, nip="5261040828", krs="0000206867", regon="302046830")
    assert send(client_for(centre, plain_user), "post", "/organisations", registration()).status_code == 201


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("nip", "5261040829", ["nip", "NIP"]),
        ("regon", "12345", ["regon", "REGON"]),
        ("krs", "00000000000001", ["krs", "KRS"]),
        ("bank_account", "PL61109010140000071219812875", ["bank_account", "rachunku"]),
        ("email", "nie-email", ["email"]),
        ("website", "javascript:alert(1)", ["website"]),
        ("postal_code", "62800", ["postal_code", "00-000"]),
    ],
)
def test_register_bad_identifier_is_422_naming_the_field(client_for, centre, plain_user, field, value, words):
    response = send(client_for(centre, plain_user), "post", "/organisations", registration(**{field: value}))
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == field
    for word in words:
        assert word in body["detail"]
    assert not Organisation.objects.exists()


def test_register_unknown_area_or_other_centres_district_is_422(
    client_for, centre, plain_user, other_district
):
    client = client_for(centre, plain_user)
    response = send(client, "post", "/organisations", registration(areas=["14", "99"]))
    assert (
        response.status_code == 422
        and response.json()["field"] == "areas"
        and "99" in response.json()["detail"]
    )
    response = send(client, "post", "/organisations", registration(district=other_district.pk))
    assert response.status_code == 422 and response.json()["field"] == "district"
    assert not Organisation.objects.exists()


# ---- PATCH /organisations/{id} ---------------------------------------------------------------


def test_patch_anonymous_401_member_403(client_for, centre, organisation, org_member):
    url = f"/organisations/{organisation.pk}"
    assert send(client_for(centre), "patch", url, {"name": "Nowa"}).status_code == 401
    response = send(client_for(centre, org_member), "patch", url, {"name": "Nowa"})
    assert response.status_code == 403 and response.json()["detail"]
    organisation.refresh_from_db()
    assert organisation.name == "Stowarzyszenie Kaliskie Inicjatywy"


@pytest.mark.parametrize("who", ["org_admin", "staff_user"])
def test_patch_by_admin_and_staff_changes_only_sent_fields(
    client_for, centre, organisation, district, who, request
):
    user = request.getfixturevalue(who)
    before_nip = organisation.nip
    response = send(
        client_for(centre, user),
        "patch",
        f"/organisations/{organisation.pk}",
        {"description": "Nowy opis", "district": district.pk, "areas": ["3"], "reason": "aktualizacja"},
    )
    assert response.status_code == 200, response.json()
    organisation.refresh_from_db()
    assert organisation.description == "Nowy opis" and organisation.district == district
    assert organisation.nip == before_nip
    assert list(organisation.areas.values_list("code", flat=True)) == ["3"]
    entry = AuditEntry.objects.get(action="organisation.updated", object_id=str(organisation.pk))
    assert entry.reason == "aktualizacja" and entry.actor == user


def test_patch_can_clear_district_but_not_name(client_for, centre, organisation, org_admin, district):
    organisation.district = district
    organisation.save()
    client = client_for(centre, org_admin)
    url = f"/organisations/{organisation.pk}"
    assert send(client, "patch", url, {"district": None}).status_code == 200
    organisation.refresh_from_db()
    assert organisation.district is None
    response = send(client, "patch", url, {"name": None})
    assert response.status_code == 422 and response.json()["field"] == "name"


def test_patch_bad_regon_and_unknown_field_are_422(client_for, centre, organisation, org_admin):
    client = client_for(centre, org_admin)
    url = f"/organisations/{organisation.pk}"
    response = send(client, "patch", url, {"regon": "123456789"})
    assert response.status_code == 422 and "REGON" in response.json()["detail"]
    response = send(client, "patch", url, {"status": "active"})
    assert response.status_code == 422 and response.json()["field"] == "status"
    assert not AuditEntry.objects.filter(action="organisation.updated").exists()


def test_admin_of_pending_organisation_cannot_patch_but_staff_can(client_for, centre, pending, staff_user):
    admin = UserFactory(email="admin-pending@example.org")
    MembershipFactory(user=admin, organisation=pending, role=MembershipRole.ADMIN)
    url = f"/organisations/{pending.pk}"
    assert send(client_for(centre, admin), "patch", url, {"city": "Opole"}).status_code in {403, 404}
    assert send(client_for(centre, staff_user), "patch", url, {"city": "Opole"}).status_code == 200


# ---- POST /organisations/{id}/status ---------------------------------------------------------


def test_status_by_anonymous_member_admin_refused(client_for, centre, organisation, org_member, org_admin):
    url = f"/organisations/{organisation.pk}/status"
    body = {"action": "suspend", "reason": "Brak sprawozdań"}
    assert send(client_for(centre), "post", url, body).status_code == 401
    assert send(client_for(centre, org_member), "post", url, body).status_code == 403
    assert send(client_for(centre, org_admin), "post", url, body).status_code == 403
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.ACTIVE


def test_staff_verifies_pending_registration(client_for, centre, pending, staff_user):
    response = send(
        client_for(centre, staff_user), "post", f"/organisations/{pending.pk}/status", {"action": "verify"}
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "active"
    assert pending.memberships.get(user=pending.submitted_by).role == MembershipRole.ADMIN


def test_status_rules_broken_are_400_a_state_conflict_409_and_bad_action_422(
    client_for, centre, organisation, staff_user
):
    client = client_for(centre, staff_user)
    url = f"/organisations/{organisation.pk}/status"
    response = send(client, "post", url, {"action": "suspend"})
    assert response.status_code == 400 and response.json()["field"] == "reason"
    # An active organisation is not verified again: the state no longer allows it (a conflict, not bad input).
    response = send(client, "post", url, {"action": "verify"})
    assert response.status_code == 409 and response.json()["detail"]
    response = send(client, "post", url, {"action": "delete"})
    assert response.status_code == 422 and response.json()["field"] == "action"
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.ACTIVE
    response = send(client, "post", url, {"action": "suspend", "reason": "Brak sprawozdań"})
    assert response.status_code == 200 and response.json()["status"] == "suspended"
