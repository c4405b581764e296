"""The organisation page: who sees what, staff history and actions, administrators' links."""

import pytest
from django.urls import NoReverseMatch

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core import portal
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import ActivityArea, District
from centrum.organisations.services import organisation_transition, organisation_update
from centrum.organisations.tests.views_support import make_org


@pytest.fixture
def organisation(centre):
    # conftest's fixture builds its NIP with a python-stdnum function this version lacks
    return make_org(centre=centre, name="Stowarzyszenie Kaliskie Inicjatywy")


def url(org) -> str:
    return f"/organizacje/{org.pk}/"


def test_public_page_shows_public_data(anon, centre):
    district = District.objects.create(centre=centre, name="Śródmieście")
    org = make_org(
        centre=centre,
        name="Fundacja Pełna Danych",
        short_name="Pełna",
        nip="5261040828",
        regon="302046830",
        is_opp=True,
        website="https://pelna.example.org",
        phone="62 765 43 21",
        description="Opis działalności.",
        district=district,
        bank_account="PL61109010140000071219812874",
        correspondence_address="Skrytka 12",
    )
    org.areas.set(ActivityArea.objects.filter(code__in=["16", "17"]))
    response = anon.get(url(org))
    body = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Fundacja Pełna Danych",
        "Pełna",
        "526-104-08-28",
        "302046830",
        org.krs,
        "OPP – organizacja pożytku publicznego",
        "https://pelna.example.org",
        "tel:62765432",
        "Opis działalności.",
        "Śródmieście",
        "wspieranie i upowszechnianie kultury fizycznej",
        "stowarzyszenie rejestrowe",
    ):
        assert text in body, text
    # Only insiders see the bank account and the correspondence address; nobody but staff the history.
    assert "PL61" not in body and "Skrytka 12" not in body
    assert "Historia zmian" not in body and "Zmień status" not in body and "Edytuj" not in body
    assert body.count("<h1") == 1


def test_suspended_organisation_is_public_with_badge(anon, centre):
    org = make_org(centre=centre, status=OrganisationStatus.SUSPENDED, status_reason="Brak sprawozdań")
    body = anon.get(url(org)).content.decode()
    assert "zawieszona" in body
    assert "Brak sprawozdań" not in body


@pytest.mark.parametrize(
    "status", [OrganisationStatus.PENDING, OrganisationStatus.REJECTED, OrganisationStatus.REMOVED]
)
def test_non_public_organisation_is_404_for_strangers(anon, centre, client_for, plain_user, status):
    org = make_org(centre=centre, status=status)
    assert anon.get(url(org)).status_code == 404
    assert client_for(centre, plain_user).get(url(org)).status_code == 404


def test_submitter_and_staff_see_pending_registration(centre, client_for, plain_user, staff_user):
    org = make_org(centre=centre, status=OrganisationStatus.PENDING, submitted_by=plain_user)
    body = client_for(centre, plain_user).get(url(org)).content.decode()
    assert "czeka na weryfikację" in body and "Zmień status" not in body
    body = client_for(centre, staff_user).get(url(org)).content.decode()
    assert "Zatwierdź" in body and "Odrzuć zgłoszenie" in body


def test_submitter_sees_rejection_reason(centre, client_for, plain_user, staff_user):
    org = make_org(centre=centre, status=OrganisationStatus.PENDING, submitted_by=plain_user)
    organisation_transition(organisation=org, action="reject", actor=staff_user, reason="To nie NGO")
    body = client_for(centre, plain_user).get(url(org)).content.decode()
    assert "To nie NGO" in body


def test_other_centres_organisation_is_404(client_for, centre, other_centre, staff_user):
    foreign = make_org(centre=other_centre)
    assert client_for(centre).get(url(foreign)).status_code == 404
    assert client_for(centre, staff_user).get(url(foreign)).status_code == 404
    assert client_for(centre).get("/organizacje/999999/").status_code == 404


def test_staff_see_history_and_actions(centre, client_for, staff_user, django_assert_max_num_queries):
    org = make_org(centre=centre)
    organisation_update(organisation=org, actor=staff_user, data={"phone": "62 111 22 33"})
    client = client_for(centre, staff_user)
    client.get(url(org))
    # 12 for the page with the rooms' support history; one or two for each other service's section (advice,
    # trainings, the address service). Rows never add queries: tests/test_query_counts_walk.py.
    with django_assert_max_num_queries(16 + len(portal.ORGANISATION_SECTIONS)):  # one per app's section
        response = client.get(url(org))
    body = response.content.decode()
    assert "Historia zmian" in body and "Zmieniono dane organizacji" in body and "62 111 22 33" in body
    assert "Zawieś" in body and "Usuń z rejestru" in body and "Zatwierdź" not in body
    assert 'aria-describedby="reason-suspend-' in body
    assert "Edytuj" in body


def test_official_sees_history_but_no_actions(centre, client_for, official_user):
    org = make_org(centre=centre)
    body = client_for(centre, official_user).get(url(org)).content.decode()
    assert "Historia zmian" in body and "Zmień status" not in body


def test_org_admin_sees_edit_but_not_history(centre, client_for, organisation, org_admin):
    body = client_for(centre, org_admin).get(url(organisation)).content.decode()
    assert f"/organizacje/{organisation.pk}/edytuj/" in body
    assert "Historia zmian" not in body and "Zmień status" not in body


def test_member_sees_no_edit(centre, client_for, organisation):
    member = UserFactory(email="czlonek2@example.org")
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
    body = client_for(centre, member).get(url(organisation)).content.decode()
    assert "/edytuj/" not in body


def test_members_link_shown_only_when_accounts_provides_it(
    centre,
    client_for,
    organisation,
    org_admin,
    monkeypatch,
):
    from centrum.organisations.views import registry as views

    def missing(*args, **kwargs):
        raise NoReverseMatch("not yet")

    monkeypatch.setattr(views, "reverse", missing)
    response = client_for(centre, org_admin).get(url(organisation))
    assert response.status_code == 200
    assert "Członkowie organizacji" not in response.content.decode()

    monkeypatch.setattr(
        views, "reverse", lambda name, **kw: f"/moje/organizacje/{organisation.pk}/czlonkowie/"
    )
    body = client_for(centre, org_admin).get(url(organisation)).content.decode()
    assert f"/moje/organizacje/{organisation.pk}/czlonkowie/" in body


def test_history_reads_as_people_read_it(centre, client_for, staff_user):
    from datetime import date

    org = make_org(centre=centre, is_opp=False)
    district = District.objects.create(centre=centre, name="Śródmieście")
    organisation_update(
        organisation=org,
        actor=staff_user,
        data={"is_opp": True, "registered_on": date(2019, 3, 4), "district": district},
    )
    organisation_transition(organisation=org, action="suspend", actor=staff_user, reason="Brak sprawozdań")
    client = client_for(centre, staff_user)
    body = client.get(url(org)).content.decode()
    assert "<strong>Status OPP</strong>: nie" in body and "<strong>Status OPP</strong>: tak" in body
    assert "<strong>Data rejestracji</strong>: 4 marca 2019" in body
    assert "<strong>Dzielnica</strong>: Śródmieście" in body
    assert "<strong>Status w centrum</strong>: aktywna" in body
    assert "<strong>Status w centrum</strong>: zawieszona" in body
    assert "is_opp" not in body and "False" not in body
    body = client.get(url(org), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "4 March 2019" in body and ": yes" in body
