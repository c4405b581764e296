import pytest
from django.test import RequestFactory
from django.urls import reverse

from centrum.accounts.models import MembershipRole
from centrum.accounts.selectors import ACTIVE_ORGANISATION_SESSION_KEY, active_organisation_for
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core import registry
from centrum.core.models import AuditEntry
from centrum.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def second_organisation(centre, org_admin):
    org = OrganisationFactory(centre=centre, name="Fundacja Alfa")
    MembershipFactory(user=org_admin, organisation=org, role=MembershipRole.MEMBER)
    return org


def test_dashboard_needs_login(anon):
    response = anon.get(reverse("accounts:dashboard"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_dashboard_lists_my_organisations_roles_and_links(
    client_for, centre, org_admin, organisation, staff_user
):
    from centrum.accounts.tests.factories import CentreRoleFactory

    CentreRoleFactory(centre=centre, user=org_admin, role="adviser")
    body = client_for(centre, org_admin).get(reverse("accounts:dashboard")).content.decode()
    assert organisation.name in body
    assert "administrator" in body
    assert "doradca" in body
    assert reverse("accounts:members", kwargs={"pk": organisation.pk}) in body
    for name in ["mfa_index", "account_email", "account_change_password", "accounts:api_tokens"]:
        assert reverse(name) in body
    assert body.count("<h1") == 1


def test_dashboard_does_not_show_another_centres_organisations(client_for, centre, other_centre, org_admin):
    foreign = OrganisationFactory(centre=other_centre, name="Obca Fundacja Żorska")
    MembershipFactory(user=org_admin, organisation=foreign)
    body = client_for(centre, org_admin).get(reverse("accounts:dashboard")).content.decode()
    assert "Obca Fundacja Żorska" not in body


def test_dashboard_query_count(
    client_for, centre, org_admin, second_organisation, django_assert_max_num_queries
):
    for i in range(5):
        MembershipFactory(user=org_admin, organisation=OrganisationFactory(centre=centre, name=f"Org {i}"))
    client = client_for(centre, org_admin)
    # Flat in the organisations; each app's card on this page may ask once whether it has something to show.
    account_cards = [c for c in registry.DASHBOARD_CARDS.values() if c.place == registry.ACCOUNT]
    with django_assert_max_num_queries(11 + len(account_cards)):
        assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_switch_active_organisation(client_for, centre, org_admin, organisation, second_organisation):
    client = client_for(centre, org_admin)
    response = client.post(reverse("accounts:set_active_organisation"), {"organisation": organisation.pk})
    assert response.status_code == 302
    assert client.session[ACTIVE_ORGANISATION_SESSION_KEY] == organisation.pk
    client.post(reverse("accounts:set_active_organisation"), {"organisation": second_organisation.pk})
    assert client.session[ACTIVE_ORGANISATION_SESSION_KEY] == second_organisation.pk


def test_cannot_switch_to_someone_elses_or_another_centres_organisation(
    client_for, centre, other_centre, org_admin, organisation
):
    stranger_org = OrganisationFactory(centre=centre)
    foreign = OrganisationFactory(centre=other_centre)
    MembershipFactory(user=org_admin, organisation=foreign)
    client = client_for(centre, org_admin)
    for pk in [stranger_org.pk, foreign.pk, "abc", ""]:
        client.post(reverse("accounts:set_active_organisation"), {"organisation": pk})
        assert ACTIVE_ORGANISATION_SESSION_KEY not in client.session


def test_switch_needs_post_and_login(client_for, anon, centre, org_admin):
    assert anon.post(reverse("accounts:set_active_organisation")).status_code == 302
    assert client_for(centre, org_admin).get(reverse("accounts:set_active_organisation")).status_code == 405


def _request(centre, user, session=None):
    request = RequestFactory().get("/")
    request.centre = centre
    request.user = user
    request.session = session or {}
    return request


def test_active_organisation_selector(centre, other_centre, org_admin, organisation, second_organisation):
    # No choice yet: the first by name.
    assert active_organisation_for(_request(centre, org_admin)) == second_organisation
    chosen = _request(centre, org_admin, {ACTIVE_ORGANISATION_SESSION_KEY: organisation.pk})
    assert active_organisation_for(chosen) == organisation
    # A stale or forged id never leaks another organisation.
    foreign = OrganisationFactory(centre=other_centre)
    MembershipFactory(user=org_admin, organisation=foreign)
    forged = _request(centre, org_admin, {ACTIVE_ORGANISATION_SESSION_KEY: foreign.pk})
    assert active_organisation_for(forged) == second_organisation
    stranger = OrganisationFactory(centre=centre, name="AAA Obca")
    forged = _request(centre, org_admin, {ACTIVE_ORGANISATION_SESSION_KEY: stranger.pk})
    assert active_organisation_for(forged) != stranger
    # In the other centre the person acts only for that centre's organisation.
    assert active_organisation_for(_request(other_centre, org_admin)) == foreign


def test_active_organisation_none_for_anonymous_or_non_member(centre, plain_user):
    from django.contrib.auth.models import AnonymousUser

    assert active_organisation_for(_request(centre, AnonymousUser())) is None
    assert active_organisation_for(_request(centre, plain_user)) is None
    assert active_organisation_for(_request(None, plain_user)) is None


def test_profile_update(client_for, centre, plain_user):
    client = client_for(centre, plain_user)
    assert client.get(reverse("accounts:profile")).status_code == 200
    response = client.post(
        reverse("accounts:profile"), {"full_name": "Paweł Nowy", "phone": "600 100 200", "language": "en"}
    )
    assert response.status_code == 302
    plain_user.refresh_from_db()
    assert (plain_user.full_name, plain_user.language) == ("Paweł Nowy", "en")
    assert AuditEntry.objects.filter(action="user.profile_updated").exists()


def test_profile_garbage_changes_nothing(client_for, centre, plain_user):
    client = client_for(centre, plain_user)
    response = client.post(reverse("accounts:profile"), {"full_name": "x" * 500, "language": "xx"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    plain_user.refresh_from_db()
    assert plain_user.full_name == "Paweł Mieszkaniec"


def test_profile_needs_login(anon):
    assert anon.get(reverse("accounts:profile")).status_code == 302


def test_dashboard_lists_pending_invitations_for_my_email(client_for, centre, org_admin, organisation):
    from centrum.accounts.services import membership_invite

    invitee = UserFactory(email="zaproszona@example.org")
    membership_invite(organisation=organisation, email=invitee.email, actor=org_admin)
    body = client_for(centre, invitee).get(reverse("accounts:dashboard")).content.decode()
    assert "Zaproszenia do organizacji" in body and organisation.name in body
