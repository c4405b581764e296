"""GET /me, /areas and /districts."""

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory
from centrum.api.tests.conftest import API, OrganisationFactory, bearer
from centrum.organisations.catalogue import PUBLIC_BENEFIT_AREAS


def test_me_member_and_admin_see_their_organisations_with_roles(
    client_for, centre, organisation, org_member, org_admin
):
    other = OrganisationFactory(centre=centre, name="Aaa Pierwsza")
    MembershipFactory(user=org_admin, organisation=other, role=MembershipRole.MEMBER)
    body = client_for(centre, org_admin).get(f"{API}/me").json()
    assert body["email"] == org_admin.email and body["authenticated_by"] == "session"
    assert body["centre"] == {"slug": "kalisz", "name": centre.name}
    assert body["roles"] == [] and body["is_centre_staff"] is False
    assert [(o["id"], o["role"]) for o in body["organisations"]] == [
        (other.pk, "member"),
        (organisation.pk, "admin"),
    ]
    member = client_for(centre, org_member).get(f"{API}/me").json()
    assert [(o["id"], o["role"]) for o in member["organisations"]] == [(organisation.pk, "member")]


def test_me_staff_roles(client_for, centre, staff_user):
    body = client_for(centre, staff_user).get(f"{API}/me").json()
    assert body["roles"] == ["staff"] and body["is_centre_staff"] is True
    assert body["organisations"] == []


def test_me_lists_only_this_centres_organisations(client_for, other_centre, org_admin, make_token, centre):
    foreign = OrganisationFactory(centre=other_centre)
    MembershipFactory(user=org_admin, organisation=foreign, role=MembershipRole.ADMIN)
    body = client_for(other_centre, org_admin).get(f"{API}/me").json()
    assert [o["id"] for o in body["organisations"]] == [foreign.pk]
    _, key = make_token(org_admin, centre)
    body = client_for(centre).get(f"{API}/me", **bearer(key)).json()
    assert foreign.pk not in [o["id"] for o in body["organisations"]]


def test_areas_catalogue_public(anon, db):
    body = anon.get(f"{API}/areas").json()
    assert {"code": "33", "name": body[-1]["name"]} == body[-1]
    assert [a["code"] for a in body] == [code for code, _ in PUBLIC_BENEFIT_AREAS]


def test_districts_of_this_centre_only(anon, client_for, centre, staff_user, district, other_district):
    assert anon.get(f"{API}/districts").json() == [{"id": district.pk, "name": "Śródmieście"}]
    assert client_for(centre, staff_user).get(f"{API}/districts").status_code == 200
