"""Every URL: anonymous, a forbidden role, another centre's object (404), query counts; writes through the
services, audited; bad input refused with a message and nothing stored."""

import io
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from centrum.core.models import AuditEntry
from centrum.core.outbox import outbox_send_all_due
from centrum.core.services import centre_settings_update
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import CompanyStatus, PageVisibility
from ..models import ActivationOffer, Company, OrganisationPage
from .factories import ActivationOfferFactory, CompanyFactory, OrganisationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def later():
    """Past the public form's minimum seconds between showing and sending."""
    return time_machine.travel(timezone.now() + timedelta(seconds=10))


def png(size=(60, 60)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


# ---------------------------------------------------------------- the index


def test_index_lists_the_members_organisations_for_their_page(client_for, centre, organisation, org_member):
    body = client_for(centre, org_member).get(reverse("promotion:index")).content.decode()
    assert reverse("promotion:page_edit", args=[organisation.pk]) in body


def test_index_queries_do_not_grow_with_the_members_organisations(
    client_for, centre, staff_user, django_assert_max_num_queries
):
    from centrum.accounts.tests.factories import MembershipFactory

    for _n in range(6):
        MembershipFactory(user=staff_user, organisation=OrganisationFactory(centre=centre))
    client = client_for(centre, staff_user)
    with django_assert_max_num_queries(10):
        body = client.get(reverse("promotion:index")).content.decode()
    assert body.count("edytuj wizytówkę") == 6


def test_index_for_anonymous(anon, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert anon.get(reverse("promotion:index")).status_code == 200


# ---------------------------------------------------------------- the organisation's page


def test_member_edits_the_page_and_the_public_page_shows_it(
    client_for, centre, organisation, org_member, anon
):
    url = reverse("promotion:page_edit", args=[organisation.pk])
    response = client_for(centre, org_member).post(
        url,
        {
            "about": "<p>Sadzimy drzewa.</p><script>alert(1)</script>",
            "logo": png(),
            "logo_alt": "Zielone drzewo",
            "facebook": "https://www.facebook.com/drzewa",
        },
    )
    assert response.status_code == 302
    page = OrganisationPage.objects.get(organisation=organisation)
    assert "<script" not in page.about and "Sadzimy drzewa" in page.about
    assert AuditEntry.objects.filter(action="page.updated", object_id=str(page.pk)).exists()
    body = anon.get(reverse("organisations:detail", args=[organisation.pk])).content.decode()
    assert "Sadzimy drzewa" in body and 'alt="Zielone drzewo"' in body and "facebook.com/drzewa" in body
    assert "alert(1)" not in body


def test_logo_needs_alt_text_and_nothing_is_stored(client_for, centre, organisation, org_member):
    url = reverse("promotion:page_edit", args=[organisation.pk])
    response = client_for(centre, org_member).post(url, {"about": "x", "logo": png()})
    assert response.status_code == 400
    assert "Opisz logo" in response.content.decode()
    assert not OrganisationPage.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(client_for, centre, organisation, org_member):
    url = reverse("promotion:page_edit", args=[organisation.pk])
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client_for(centre, org_member).post(url, {"logo": fake, "logo_alt": "Logo"})
    assert response.status_code == 400
    assert not OrganisationPage.objects.exists()


def test_an_oversized_logo_is_refused(client_for, centre, organisation, org_member, staff_user):
    centre_settings_update(centre=centre, values={"promotion.logo_max_kb": 50}, actor=staff_user)
    big = io.BytesIO()
    Image.effect_noise((400, 400), 100).convert("RGB").save(big, format="PNG")
    upload = SimpleUploadedFile("logo.png", big.getvalue(), content_type="image/png")
    assert len(big.getvalue()) > 50 * 1024
    response = client_for(centre, org_member).post(
        reverse("promotion:page_edit", args=[organisation.pk]), {"logo": upload, "logo_alt": "Logo"}
    )
    assert response.status_code == 400
    assert not OrganisationPage.objects.exists()


def test_page_edit_roles(anon, client_for, centre, organisation, plain_user, staff_user):
    url = reverse("promotion:page_edit", args=[organisation.pk])
    assert anon.get(url).status_code == 302
    assert client_for(centre, plain_user).get(url).status_code == 403
    assert client_for(centre, staff_user).get(url).status_code == 200


def test_page_edit_of_another_centres_organisation_is_404(client_for, centre, other_centre, staff_user):
    other = OrganisationFactory(centre=other_centre)
    response = client_for(centre, staff_user).get(reverse("promotion:page_edit", args=[other.pk]))
    assert response.status_code == 404


def test_page_edit_queries(client_for, centre, organisation, org_member, django_assert_max_num_queries):
    OrganisationPageFactory(organisation=organisation)
    client = client_for(centre, org_member)
    url = reverse("promotion:page_edit", args=[organisation.pk])
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_staff_hide_the_page_with_a_reason_audited(staff_client, organisation, anon):
    page = OrganisationPageFactory(organisation=organisation, about="<p>Treść do ukrycia</p>")
    url = reverse("promotion:page_action", args=[page.pk, "hide"])
    assert staff_client.post(url, {"reason": ""}).status_code == 400
    assert staff_client.post(url, {"reason": "Reklama niezwiązana z działalnością"}).status_code == 302
    page.refresh_from_db()
    assert page.visibility == PageVisibility.HIDDEN
    assert AuditEntry.objects.filter(action="page.hide", object_id=str(page.pk)).exists()
    body = anon.get(reverse("organisations:detail", args=[organisation.pk])).content.decode()
    assert "Treść do ukrycia" not in body


def test_members_cannot_hide_and_another_centres_page_is_404(
    client_for, centre, other_centre, organisation, org_member, staff_user
):
    page = OrganisationPageFactory(organisation=organisation)
    url = reverse("promotion:page_action", args=[page.pk, "hide"])
    assert client_for(centre, org_member).post(url, {"reason": "x"}).status_code == 403
    other_page = OrganisationPageFactory(organisation=OrganisationFactory(centre=other_centre))
    url = reverse("promotion:page_action", args=[other_page.pk, "hide"])
    assert client_for(centre, staff_user).post(url, {"reason": "x"}).status_code == 404


def test_opp_section_on_the_organisation_page(anon, centre):
    org = OrganisationFactory(centre=centre, is_opp=True, krs="0000123456")
    body = anon.get(reverse("organisations:detail", args=[org.pk])).content.decode()
    assert "1,5%" in body and "0000123456" in body


def test_organisation_page_queries_stay_flat(anon, centre, django_assert_max_num_queries):
    org = OrganisationFactory(centre=centre, is_opp=True)
    OrganisationPageFactory(organisation=org)
    with django_assert_max_num_queries(12):
        assert anon.get(reverse("organisations:detail", args=[org.pk])).status_code == 200


# ---------------------------------------------------------------- the 1.5 % page


def test_opp_page_lists_public_opp_organisations_with_krs_filtered(anon, centre, other_centre):
    OrganisationFactory(centre=centre, name="Fundacja Dobra Pomoc", is_opp=True, krs="0000111111")
    OrganisationFactory(centre=centre, name="Stowarzyszenie Bez Statusu", is_opp=False)
    OrganisationFactory(centre=centre, name="Fundacja Oczekująca", is_opp=True, status="pending")
    OrganisationFactory(centre=other_centre, name="Cudza Fundacja", is_opp=True)
    body = anon.get(reverse("promotion:opp_list")).content.decode()
    assert "Fundacja Dobra Pomoc" in body and "0000111111" in body
    assert "Bez Statusu" not in body and "Oczekująca" not in body and "Cudza" not in body
    body = anon.get(reverse("promotion:opp_list"), {"q": "zupelnie inna"}).content.decode()
    assert "Fundacja Dobra Pomoc" not in body


def test_opp_page_queries(anon, centre, django_assert_max_num_queries):
    for n in range(15):
        OrganisationFactory(centre=centre, is_opp=True, name=f"Fundacja {n}")
    with django_assert_max_num_queries(10):
        assert anon.get(reverse("promotion:opp_list")).status_code == 200


def test_opp_csv(anon, centre):
    OrganisationFactory(centre=centre, name="Fundacja Dobra Pomoc", is_opp=True, krs="0000111111")
    response = anon.get(reverse("promotion:opp_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Fundacja Dobra Pomoc;0000111111" in text


def test_opp_page_garbage_filters_are_ignored(anon):
    assert (
        anon.get(reverse("promotion:opp_list"), {"district": "x", "area": "zz", "page": "abc"}).status_code
        == 200
    )


# ---------------------------------------------------------------- companies (CSR)


def _proposal_data(client, **extra):
    html = client.get(reverse("promotion:company_propose")).content.decode()
    stamp = re.search(r'name="stamp" value="([^"]+)"', html).group(1)
    return {
        "name": "Zakład Stolarski Dąb",
        "nip": "573-000-00-15",
        "email": "biuro@dab.example.com",
        "offers_in_kind": "on",
        "offer_details": "Meble do świetlic",
        "proposer_email": "wlasciciel@dab.example.com",
        "consent": "on",
        "stamp": stamp,
        **extra,
    }


def test_company_proposes_and_staff_approve(anon, staff_client):
    data = _proposal_data(anon)
    with later():
        response = anon.post(reverse("promotion:company_propose"), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        company = Company.objects.get()
        assert company.status == CompanyStatus.PROPOSED and company.nip == "5730000015"
        assert anon.get(company.get_absolute_url()).status_code == 404
        queue = staff_client.get(reverse("promotion:company_queue")).content.decode()
        assert "Zakład Stolarski Dąb" in queue
        response = staff_client.post(reverse("promotion:company_action", args=[company.pk, "approve"]))
        assert response.status_code == 302
        company.refresh_from_db()
        assert company.status == CompanyStatus.PUBLISHED
        assert anon.get(company.get_absolute_url()).status_code == 200
        outbox_send_all_due()
        assert [m.to for m in mail.outbox] == [["wlasciciel@dab.example.com"]]


def test_proposal_sent_too_fast_or_with_the_honeypot_is_refused(anon):
    data = _proposal_data(anon)
    assert anon.post(reverse("promotion:company_propose"), data).status_code == 400
    with later():
        assert (
            anon.post(reverse("promotion:company_propose"), {**data, "website": "http://spam"}).status_code
            == 400
        )
        assert not Company.objects.exists()


def test_proposal_with_a_bad_nip_or_no_offer_is_refused(anon):
    data = _proposal_data(anon)
    with later():
        response = anon.post(reverse("promotion:company_propose"), {**data, "nip": "5730000016"})
        assert response.status_code == 400 and "NIP" in response.content.decode()
        response = anon.post(reverse("promotion:company_propose"), {**data, "offers_in_kind": ""})
        assert response.status_code == 400
        assert not Company.objects.exists()


def test_proposals_are_rate_limited(anon, centre, staff_user):
    centre_settings_update(centre=centre, values={"promotion.proposals_per_hour": 1}, actor=staff_user)
    data = _proposal_data(anon)
    with later():
        assert anon.post(reverse("promotion:company_propose"), data).status_code == 302
        second = {**data, "nip": "5730000021", "name": "Inna firma"}
        response = anon.post(reverse("promotion:company_propose"), second)
        assert response.status_code == 400 and "za godzinę" in response.content.decode()
        assert Company.objects.count() == 1


def test_a_nip_with_a_live_profile_is_refused(staff_client, centre):
    CompanyFactory(centre=centre, nip="5730000015")
    response = staff_client.post(
        reverse("promotion:company_new"),
        {"name": "Druga", "nip": "5730000015", "email": "a@example.com", "offers_money": "on"},
    )
    assert response.status_code == 400 and "ma już profil" in response.content.decode()
    assert Company.objects.count() == 1


def test_staff_create_and_edit_a_company(staff_client, centre):
    response = staff_client.post(
        reverse("promotion:company_new"),
        {
            "name": "Huta Szkła",
            "nip": "5730000015",
            "email": "csr@huta.example.com",
            "offers_volunteering": "on",
            "logo": png(),
            "logo_alt": "Logo huty",
        },
    )
    company = Company.objects.get()
    assert response.status_code == 302 and company.status == CompanyStatus.PUBLISHED and company.logo
    response = staff_client.post(
        reverse("promotion:company_edit", args=[company.pk]),
        {
            "name": "Huta Szkła Jasna",
            "nip": "5730000015",
            "email": "csr@huta.example.com",
            "offers_money": "on",
            "logo_alt": "Logo huty",
        },
    )
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.name == "Huta Szkła Jasna" and company.offers_money and not company.offers_volunteering
    assert AuditEntry.objects.filter(action="company.updated", object_id=str(company.pk)).exists()


def test_company_pages_roles_and_tenancy(anon, client_for, centre, other_centre, plain_user, staff_user):
    ours, theirs = CompanyFactory(centre=centre), CompanyFactory(centre=other_centre)
    for name in ("company_new", "company_queue"):
        assert anon.get(reverse(f"promotion:{name}")).status_code == 302
        assert client_for(centre, plain_user).get(reverse(f"promotion:{name}")).status_code == 403
    assert (
        client_for(centre, plain_user).get(reverse("promotion:company_edit", args=[ours.pk])).status_code
        == 403
    )
    staff = client_for(centre, staff_user)
    for name in ("company_detail", "company_edit"):
        assert staff.get(reverse(f"promotion:{name}", args=[theirs.pk])).status_code == 404
    assert (
        staff.post(reverse("promotion:company_action", args=[theirs.pk, "hide"]), {"reason": "x"}).status_code
        == 404
    )
    assert (
        client_for(centre, plain_user)
        .post(reverse("promotion:company_action", args=[ours.pk, "hide"]), {"reason": "x"})
        .status_code
        == 403
    )


def test_company_list_filters_and_queries(anon, centre, django_assert_max_num_queries):
    for n in range(12):
        CompanyFactory(centre=centre, offers_money=n % 2 == 0)
    CompanyFactory(centre=centre, name="Zgłoszona", status=CompanyStatus.PROPOSED)
    with django_assert_max_num_queries(8):
        body = anon.get(reverse("promotion:company_list")).content.decode()
    assert "Zgłoszona" not in body
    body = anon.get(
        reverse("promotion:company_list"), {"offer": "nonsense", "q": "<script>"}
    ).content.decode()
    assert "<script>" not in body


def test_company_detail_and_queue_queries(staff_client, centre, django_assert_max_num_queries):
    company = CompanyFactory(centre=centre)
    for _n in range(8):
        CompanyFactory(centre=centre, status=CompanyStatus.PROPOSED)
    with django_assert_max_num_queries(14):
        assert staff_client.get(company.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(14):
        assert staff_client.get(reverse("promotion:company_queue")).status_code == 200


# ---------------------------------------------------------------- activation offers


def test_staff_add_an_activation_offer_and_the_public_sees_it(staff_client, anon):
    data = {
        "body": "Powiatowy Urząd Pracy",
        "body_kind": "labour_office",
        "title": "Staże w NGO",
        "audience": "unemployed",
        "starts_on": "2026-07-01",
        "ends_on": "2026-12-31",
    }
    assert staff_client.post(reverse("promotion:activation_new"), data).status_code == 302
    offer = ActivationOffer.objects.get()
    assert "Staże w NGO" in anon.get(reverse("promotion:activation_list")).content.decode()
    assert anon.get(offer.get_absolute_url()).status_code == 200
    assert AuditEntry.objects.filter(action="activation.created").exists()


def test_an_offer_ending_before_it_starts_is_refused(staff_client):
    data = {
        "body": "MOPS",
        "body_kind": "welfare_centre",
        "title": "Program",
        "audience": "seniors",
        "starts_on": "2026-07-10",
        "ends_on": "2026-07-01",
    }
    response = staff_client.post(reverse("promotion:activation_new"), data)
    assert response.status_code == 400 and "przed rozpoczęciem" in response.content.decode()
    assert not ActivationOffer.objects.exists()


def test_activation_roles_tenancy_edit_delete(anon, client_for, centre, other_centre, plain_user, staff_user):
    ours, theirs = ActivationOfferFactory(centre=centre), ActivationOfferFactory(centre=other_centre)
    assert anon.get(reverse("promotion:activation_new")).status_code == 302
    assert (
        client_for(centre, plain_user).get(reverse("promotion:activation_edit", args=[ours.pk])).status_code
        == 403
    )
    assert (
        client_for(centre, plain_user)
        .post(reverse("promotion:activation_delete", args=[ours.pk]))
        .status_code
        == 403
    )
    staff = client_for(centre, staff_user)
    assert anon.get(reverse("promotion:activation_detail", args=[theirs.pk])).status_code == 404
    assert staff.get(reverse("promotion:activation_edit", args=[theirs.pk])).status_code == 404
    assert staff.post(reverse("promotion:activation_delete", args=[ours.pk])).status_code == 302
    assert not ActivationOffer.objects.filter(pk=ours.pk).exists()
    assert AuditEntry.objects.filter(action="activation.deleted").exists()


def test_activation_list_queries(anon, centre, django_assert_max_num_queries):
    for _n in range(12):
        ActivationOfferFactory(centre=centre)
    with django_assert_max_num_queries(8):
        assert anon.get(reverse("promotion:activation_list")).status_code == 200


# ---------------------------------------------------------------- search sources and the API


def test_search_sources_find_companies_and_offers(centre):
    from centrum.core.portal import SEARCH_SOURCES

    CompanyFactory(centre=centre, name="Huta Szkła", search_text="huta szkla wolontariat")
    ActivationOfferFactory(centre=centre, title="Staże", search_text="staze urzad pracy")
    hits = list(SEARCH_SOURCES["promotion.companies"].search(centre, ["huta"], 10))
    assert [h.title for h in hits] == ["Huta Szkła"] and hits[0].rank == 2
    hits = list(SEARCH_SOURCES["promotion.activation"].search(centre, ["urzad"], 10))
    assert [h.title for h in hits] == ["Staże"] and hits[0].rank == 1


def test_api_lists_public_companies(anon, centre):
    CompanyFactory(centre=centre, name="Publiczna")
    CompanyFactory(centre=centre, name="Zgłoszona", status=CompanyStatus.PROPOSED)
    data = anon.get("/api/v1/promotion/companies").json()
    assert [c["name"] for c in data] == ["Publiczna"]
    assert anon.get("/api/v1/promotion/activation-offers").status_code == 200
