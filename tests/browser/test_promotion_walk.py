"""Częstochowa's "wspólna wizytówka": a member of an organisation writes its page (logo with its description,
a few words about it, a Facebook link); a visitor opens the organisation's page (the page content and its
OPP / 1.5 % section), the 1.5 % page and a company's page; a company proposes its profile through the public
form and staff publish it from the moderation queue; the visitor then finds it. axe-core checks every page."""

import io

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.promotion.choices import CompanyStatus
from centrum.promotion.models import Company, OrganisationPage
from centrum.promotion.tests.factories import CompanyFactory

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="czestochowa",
        name="Częstochowskie Centrum Organizacji Pozarządowych",
        host="czestochowa.localhost",
        city="Częstochowa",
    )


@pytest.fixture
def world(centre, password):
    organisation = OrganisationFactory(
        centre=centre,
        name="Stowarzyszenie Zielona Częstochowa",
        is_opp=True,
        krs="0000654321",
        city="Częstochowa",
    )
    member = UserFactory(email="czlonek@example.org", full_name="Marta Zielińska", password=password)
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
    staff = UserFactory(email="pracownik@example.org", full_name="Anna Pracownik", password=password)
    CentreRoleFactory(centre=centre, user=staff, role=CentreRoleKind.STAFF)
    company = CompanyFactory(
        centre=centre, name="Huta Szkła Jasna", offer_details="<p>Szkło na warsztaty.</p>"
    )
    return {"organisation": organisation, "company": company}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 120), "#2e7d32").save(buffer, format="PNG")
    return buffer.getvalue()


def test_czestochowa_promotion_walk(page: Page, world, password):
    organisation = world["organisation"]

    # 1. A member of the organisation writes its page.
    login(page, "czlonek@example.org", password)
    visit(page, "/promocja/", label="promotion index (member)", phone=True)
    page.get_by_role("link", name="edytuj wizytówkę").click()
    check_page(page, label="page form", phone=True)
    page.locator("#id_about").fill(
        "<p>Sadzimy drzewa w dzielnicach Częstochowy.</p><script>alert(1)</script>"
    )
    page.locator("#id_logo").set_input_files({"name": "logo.png", "mimeType": "image/png", "buffer": _png()})
    page.get_by_role("button", name="Zapisz wizytówkę").click()
    check_page(page, label="page form: logo without its description")
    expect(page.get_by_text("Opisz logo").first).to_be_visible()
    assert not OrganisationPage.objects.exists()
    page.locator("#id_logo").set_input_files({"name": "logo.png", "mimeType": "image/png", "buffer": _png()})
    page.locator("#id_logo_alt").fill("Zielone drzewo w kole")
    page.locator("#id_facebook").fill("https://www.facebook.com/zielona.czestochowa")
    page.get_by_role("button", name="Zapisz wizytówkę").click()
    expect(page.get_by_role("heading", name="Stowarzyszenie Zielona Częstochowa", level=1)).to_be_visible()
    check_page(page, label="organisation page after saving", phone=True)
    assert OrganisationPage.objects.get().logo

    # 2. A visitor opens the organisation's page, the 1.5 % page and a company's page.
    page.context.clear_cookies()
    visit(page, f"/organizacje/{organisation.pk}/", label="organisation page (visitor)", phone=True)
    expect(page.get_by_text("Sadzimy drzewa w dzielnicach Częstochowy.")).to_be_visible()
    expect(page.get_by_alt_text("Zielone drzewo w kole")).to_be_visible()
    expect(page.get_by_text("0000654321").first).to_be_visible()
    page.get_by_role("link", name="Wszystkie organizacje pożytku publicznego w centrum").click()
    check_page(page, label="1.5 % page", phone=True)
    expect(page.get_by_role("cell", name="0000654321")).to_be_visible()
    page.locator("#id_q").fill("zielona")
    page.get_by_role("button", name="Pokaż wyniki").click()
    check_page(page, label="1.5 % page searched")
    expect(page.get_by_role("link", name="Stowarzyszenie Zielona Częstochowa")).to_be_visible()
    visit(page, "/promocja/firmy/", label="companies", phone=True)
    page.get_by_role("link", name="Huta Szkła Jasna").click()
    check_page(page, label="company page", phone=True)
    expect(page.get_by_text("Szkło na warsztaty.")).to_be_visible()

    # 3. A company proposes its profile.
    visit(page, "/promocja/firmy/zglos/", label="company proposal form", phone=True)
    page.locator("#id_name").fill("Drukarnia Focha")
    page.locator("#id_nip").fill("573-000-00-21")
    page.locator("#id_offers_in_kind").check()
    page.locator("#id_offer_details").fill("Druk plakatów po kosztach papieru.")
    page.locator("#id_email").fill("biuro@drukarnia.example.com")
    page.locator("#id_proposer_email").fill("wlasciciel@drukarnia.example.com")
    page.locator("#id_consent").check()
    page.wait_for_timeout(3500)  # people take more than a few seconds; the form refuses faster senders
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    expect(page.get_by_role("heading", name="Dziękujemy – zgłoszenie wysłane")).to_be_visible()
    check_page(page, label="proposal sent")
    company = Company.objects.get(name="Drukarnia Focha")
    assert company.status == CompanyStatus.PROPOSED
    assert page.goto(f"/promocja/firmy/{company.pk}/").status == 404

    # 4. Staff publish it from the moderation queue; the proposer gets a mail; the visitor finds it.
    login(page, "pracownik@example.org", password)
    visit(page, "/promocja/firmy/moderacja/", label="moderation queue", phone=True)
    page.get_by_role("button", name="Opublikuj – Drukarnia Focha").click()
    check_page(page, label="company published")
    company.refresh_from_db()
    assert company.status == CompanyStatus.PUBLISHED
    assert OutboxMessage.objects.filter(subject__contains="Drukarnia Focha").count() == 1
    visit(page, f"/promocja/firmy/{company.pk}/", label="company page (staff)")
    page.get_by_role("link", name="Edytuj profil").click()
    check_page(page, label="company edit form", phone=True)

    # 5. Staff enter a public body's activation offer (one ending before it starts is refused).
    visit(page, "/promocja/", label="promotion index (staff)")
    page.get_by_role("link", name="Dodaj ofertę aktywizacyjną").click()
    check_page(page, label="activation offer form", phone=True)
    page.locator("#id_body").fill("Powiatowy Urząd Pracy w Częstochowie")
    page.locator("#id_body_kind").select_option("labour_office")
    page.locator("#id_title").fill("Staże w organizacjach pozarządowych")
    page.locator("#id_audience").select_option("unemployed")
    page.locator("#id_starts_on").fill("2026-09-01")
    page.locator("#id_ends_on").fill("2026-08-01")
    page.get_by_role("button", name="Zapisz").click()
    check_page(page, label="activation offer refused")
    expect(page.get_by_text("nie może kończyć się przed rozpoczęciem").first).to_be_visible()
    page.locator("#id_ends_on").fill("2027-02-28")
    page.get_by_role("button", name="Zapisz").click()
    expect(page.get_by_role("heading", name="Staże w organizacjach pozarządowych")).to_be_visible()
    check_page(page, label="activation offer page (staff)", phone=True)
    page.get_by_role("link", name="Edytuj").click()
    check_page(page, label="activation offer edit form")

    page.context.clear_cookies()
    visit(page, "/promocja/firmy/", label="companies with the new one")
    page.get_by_role("link", name="Drukarnia Focha").click()
    check_page(page, label="new company page")
    visit(page, "/promocja/aktywizacja/", label="activation offers", phone=True)
    page.get_by_role("link", name="Staże w organizacjach pozarządowych").click()
    check_page(page, label="activation offer page")
