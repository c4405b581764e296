"""Editing an organisation: administrators and staff, the same validation as the registration."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.models import AuditEntry
from centrum.organisations.choices import LegalForm, OrganisationStatus, RegistryKind
from centrum.organisations.models import ActivityArea
from centrum.organisations.tests.views_support import image_bytes, make_org


@pytest.fixture
def org(centre):
    return make_org(
        centre=centre,
        name="Stowarzyszenie Do Edycji",
        krs="0000206867",
        registry_number="0000206867",
        nip="5261040828",
        regon="302046830",
    )


@pytest.fixture
def admin_client(centre, org, client_for):
    user = UserFactory(email="admin-edycja@example.org")
    MembershipFactory(user=user, organisation=org, role=MembershipRole.ADMIN)
    return client_for(centre, user)


def form_data(org, **changes):
    data = {
        "name": org.name,
        "short_name": "",
        "legal_form": org.legal_form,
        "registry_kind": org.registry_kind,
        "krs": org.krs,
        "registry_number": org.registry_number,
        "nip": org.nip,
        "regon": org.regon,
        "street": org.street,
        "postal_code": org.postal_code,
        "city": org.city,
        "email": org.email,
        "phone": "",
        "website": "",
        "description": "",
        "bank_account": "",
        "correspondence_address": "",
        "registered_on": "",
    }
    data.update(changes)
    return data


def url(org):
    return f"/organizacje/{org.pk}/edytuj/"


def test_anonymous_goes_to_login(anon, org):
    assert anon.get(url(org)).status_code == 302


@pytest.mark.parametrize("role", ["person", "member", "official"])
def test_forbidden_roles(centre, org, client_for, role):
    user = UserFactory(email=f"{role}-edit@example.org")
    if role == "member":
        MembershipFactory(user=user, organisation=org, role=MembershipRole.MEMBER)
    if role == "official":
        from centrum.accounts.tests.factories import CentreRoleFactory

        CentreRoleFactory(centre=centre, user=user, role="official")
    client = client_for(centre, user)
    assert client.get(url(org)).status_code == 403
    assert client.post(url(org), form_data(org, name="Przejęta")).status_code == 403
    org.refresh_from_db()
    assert org.name == "Stowarzyszenie Do Edycji"


def test_other_centres_organisation_is_404(client_for, centre, other_centre, staff_user):
    foreign = make_org(centre=other_centre)
    assert client_for(centre, staff_user).get(url(foreign)).status_code == 404


def test_submitter_of_pending_registration_cannot_edit(centre, client_for, plain_user):
    pending = make_org(centre=centre, status=OrganisationStatus.PENDING, submitted_by=plain_user)
    assert client_for(centre, plain_user).get(url(pending)).status_code == 403


def test_admin_edits_and_change_is_audited(admin_client, org):
    response = admin_client.get(url(org))
    assert response.status_code == 200 and "Zapisz zmiany" in response.content.decode()
    areas = ActivityArea.objects.filter(code__in=["1", "3"])
    logo = SimpleUploadedFile("nowe.png", image_bytes(), content_type="image/png")
    response = admin_client.post(
        url(org),
        form_data(
            org,
            name="Stowarzyszenie Po Edycji",
            phone="62 111 22 33",
            areas=[a.pk for a in areas],
            logo=logo,
            nip="PL 526 104 08 28",
        ),
    )
    assert response.status_code == 302 and response["Location"] == f"/organizacje/{org.pk}/"
    org.refresh_from_db()
    assert org.name == "Stowarzyszenie Po Edycji" and org.phone == "62 111 22 33"
    assert org.nip == "5261040828"
    assert org.logo.name.startswith("organisations/logos/nowe")
    assert sorted(org.areas.values_list("code", flat=True)) == ["1", "3"]
    entry = AuditEntry.objects.get(object_id=str(org.pk), action="organisation.updated")
    assert entry.new_state["name"] == "Stowarzyszenie Po Edycji"
    assert "po edycji" in org.search_text


def test_logo_is_kept_when_no_new_file_and_cleared_on_request(admin_client, org):
    admin_client.post(
        url(org), form_data(org, logo=SimpleUploadedFile("a.png", image_bytes(), content_type="image/png"))
    )
    org.refresh_from_db()
    kept = org.logo.name
    assert kept
    admin_client.post(url(org), form_data(org, description="Nowy opis"))
    org.refresh_from_db()
    assert org.logo.name == kept and org.description == "Nowy opis"
    admin_client.post(url(org), form_data(org, **{"logo-clear": "on"}))
    org.refresh_from_db()
    assert not org.logo


def test_staff_can_edit(staff_client, org):
    response = staff_client.post(url(org), form_data(org, city="Żory"))
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.city == "Żory"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"nip": "1111111112"}, "nip"),
        ({"regon": "12"}, "regon"),
        ({"krs": "x"}, "krs"),
        ({"bank_account": "PL00"}, "bank_account"),
        ({"name": ""}, "name"),
        ({"logo": SimpleUploadedFile("a.png", b"GIF89a-broken", content_type="image/gif")}, "logo"),
    ],
)
def test_same_validation_as_registration(admin_client, org, changes, field):
    response = admin_client.post(url(org), form_data(org, **changes))
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    org.refresh_from_db()
    assert org.name == "Stowarzyszenie Do Edycji"
    # The page heading keeps the stored name even when the form holds a different one.
    assert "Edycja: Stowarzyszenie Do Edycji" in response.content.decode()


def test_duplicate_of_another_organisation_is_shown_on_its_field(admin_client, org, centre):
    make_org(centre=centre, name="Inna Fundacja", nip="1234563218")
    response = admin_client.post(url(org), form_data(org, nip="123-456-32-18"))
    assert response.status_code == 400
    assert "Inna Fundacja" in response.context["form"].errors["nip"][0]
    org.refresh_from_db()
    assert org.nip == "5261040828"


def test_switching_to_starosta_register_without_krs(admin_client, org):
    response = admin_client.post(
        url(org),
        form_data(
            org,
            legal_form=LegalForm.ORDINARY_ASSOCIATION,
            registry_kind=RegistryKind.STAROSTA,
            krs="",
            registry_number="12/2020",
        ),
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.krs == "" and org.registry_number == "12/2020"
