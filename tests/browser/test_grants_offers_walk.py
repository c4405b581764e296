"""Częstochowa, grants: a member of an organisation fills a joint offer with the live check (the sums and
each broken rule appear next to the field as she types, a cost line is added with htmx), saves the draft; a
non-numeric amount is refused and nothing stored; the organisation's admin files the offer; the offer's PDF
opens and `pdftotext` shows the statutory sections and the checksum. axe-core checks every page."""

import base64
import subprocess
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.tests.factories import CentreFactory
from centrum.grants.models import Offer
from centrum.grants.services.offers import _write_children
from centrum.grants.tests.factories import CompetitionFactory, OfferFactory, complete_offer_content
from centrum.organisations.tests.factories import OrganisationFactory

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="czestochowa",
        name="Centrum Organizacji Pozarządowych w Częstochowie",
        host="czestochowa.localhost",
    )


@pytest.fixture
def czestochowa(centre, password):
    lead = OrganisationFactory(
        centre=centre, name="Stowarzyszenie Teatr Ulicy", nip="", regon="", email="teatr@example.org"
    )
    partner = OrganisationFactory(centre=centre, name="Fundacja Dzielnica Razem", nip="", regon="")
    member = UserFactory(email="czlonek@example.org", full_name="Maria Członek", password=password)
    admin = UserFactory(email="prezes@example.org", full_name="Piotr Prezes", password=password)
    MembershipFactory(user=member, organisation=lead, role=MembershipRole.MEMBER)
    MembershipFactory(user=admin, organisation=lead, role=MembershipRole.ADMIN)
    competition = CompetitionFactory(
        centre=centre, title="Kultura w dzielnicach 2027", organ="Prezydent Miasta Częstochowy"
    )
    offer = OfferFactory(competition=competition, organisation=lead, is_joint=True, title="")
    content = complete_offer_content(
        competition=competition,
        joint=True,
        offerors=[
            {
                "name": lead.name,
                "organisation_id": lead.pk,
                "actions_scope": "Prowadzi warsztaty; reprezentuje oferentów.",
            },
            {
                "name": partner.name,
                "organisation_id": partner.pk,
                "actions_scope": "Zapewnia salę i promocję.",
            },
        ],
    )
    content.header["title"] = ""
    content.header["requested_grant"] = Decimal("9500.00")  # the sources do not balance yet
    _write_children(offer, content)
    for name, value in content.header.items():
        setattr(offer, name, value)
    offer.declarations = content.declarations
    offer.save()
    return {"offer": offer, "member": member, "admin": admin}


def test_czestochowa_joint_offer_walk(page: Page, czestochowa, password):
    offer = czestochowa["offer"]
    # 1. The member opens the draft from "Moje oferty" and sees what is missing.
    login(page, czestochowa["member"].email, password)
    visit(page, "/dotacje/oferty/", label="my offers", phone=True)
    page.get_by_role("link", name="Oferta (szkic)").first.click()
    check_page(page, label="offer page (draft)")
    page.get_by_role("link", name="Edytuj ofertę").click()
    check_page(page, label="offer form", phone=True)
    check = page.locator("#offer-check")
    expect(check).to_contain_text("nie bilansują się")
    expect(page.locator("#problem-sources")).to_contain_text("nie równają się")

    # 2. Live check: typing the title and the right grant clears the problems next to the fields.
    page.get_by_label("1. Tytuł zadania publicznego").fill("Teatr w każdej dzielnicy")
    grant = page.get_by_label("2. Planowana dotacja")
    grant.fill("9 000,00")
    expect(page.locator("#offer-check")).to_contain_text("bilansują się", timeout=10000)
    expect(page.locator("#problem-sources")).to_be_empty()
    expect(page.locator("#offer-check")).to_contain_text("10\u00a0000,00 zł")
    check_page(page, label="offer form after the live check")

    # 3. A cost line is added (htmx) and a wrong number shows next to it; saving refuses it, nothing stored.
    page.get_by_role("button", name="Dodaj pozycję kosztorysu").click()
    expect(page.locator("input[name='lines-2-kind']")).to_be_visible()
    page.locator("input[name='lines-2-kind']").fill("Plakaty")
    page.locator("input[name='lines-2-unit_cost']").fill("dużo")
    page.get_by_role("button", name="Zapisz szkic").click()
    check_page(page, label="form with a wrong number")
    expect(page.get_by_text("Wpisz liczbę, np. 1 234,56.").first).to_be_visible()
    assert Offer.objects.get(pk=offer.pk).title == ""
    page.locator("input[name='lines-2-DELETE']").check()
    page.get_by_role("button", name="Zapisz szkic").click()
    check_page(page, label="draft saved")
    expect(page.get_by_text("Zapisano szkic oferty.")).to_be_visible()
    stored = Offer.objects.get(pk=offer.pk)
    assert stored.title == "Teatr w każdej dzielnicy" and stored.requested_grant == Decimal("9000.00")
    assert stored.cost_lines.count() == 2

    # 4. The member may not file; the admin files the offer.
    visit(page, f"/dotacje/oferty/{offer.pk}/", label="offer page (member)")
    expect(page.get_by_role("button", name="Złóż ofertę")).to_have_count(0)
    page.context.clear_cookies()
    login(page, czestochowa["admin"].email, password)
    visit(page, f"/dotacje/oferty/{offer.pk}/", label="offer page (admin)")
    page.get_by_role("button", name="Złóż ofertę").click()
    check_page(page, label="offer filed")
    expect(page.get_by_text("Złożono ofertę nr", exact=False)).to_be_visible()
    filed = Offer.objects.get(pk=offer.pk)
    assert filed.status == "submitted" and len(filed.checksum) == 64
    visit(page, f"/dotacje/oferty/{offer.pk}/edytuj/", label="form closed after filing")
    expect(page.get_by_text("jej treści nie można już zmienić", exact=False)).to_be_visible()

    # 5. The PDF opens and follows the statutory sections.
    href = page.get_by_role("link", name="Oferta w PDF (układ ustawowy)").get_attribute("href")
    pdf = page.evaluate(
        """async (url) => {
            const response = await fetch(url);
            const bytes = new Uint8Array(await response.arrayBuffer());
            let binary = "";
            for (const b of bytes) binary += String.fromCharCode(b);
            return {status: response.status, type: response.headers.get("content-type"), body: btoa(binary)};
        }""",
        href,
    )
    assert pdf["status"] == 200 and pdf["type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=base64.b64decode(pdf["body"]), capture_output=True, check=True
    ).stdout.decode()
    for heading in (
        "OFERTA WSPÓLNA",
        "I. Podstawowe informacje o złożonej ofercie",
        "II. Dane oferenta(-tów)",
        "III. Opis zadania",
        "IV. Charakterystyka oferenta",
        "V. Kalkulacja przewidywanych kosztów",
        "V.C Podział kosztów",
        "VI. Inne informacje",
        "VII. Oświadczenia",
        "Fundacja Dzielnica Razem",
    ):
        assert heading in text, heading
    assert filed.checksum in text.replace("\n", "").replace(" ", "")
