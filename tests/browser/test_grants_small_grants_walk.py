"""Częstochowa, a small grant (art. 19a): a member fills the simplified offer with the live check (a grant
over 10 000 zł is flagged next to the field as she types), the organisation's admin files it; the official
finds the task purposeful and records the three publications; a resident comments on the public page
without an account; after the period the official answers the comment and only then creates the contract.
A second offer of the same organisation is refused at the contract by the yearly limit, nothing stored.
The PDF follows the statutory sections (pdftotext). axe-core checks every page."""

import base64
import subprocess
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.tests.factories import CentreFactory
from centrum.grants.models import Contract, SmallGrantOffer
from centrum.grants.tests.factories import ContractFactory, planned_grants, small_grant
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
    organisation = OrganisationFactory(
        centre=centre, name="Stowarzyszenie Sąsiedzi z Zawodzia", nip="", regon=""
    )
    member = UserFactory(email="czlonek@example.org", full_name="Maria Członek", password=password)
    admin = UserFactory(email="prezes@example.org", full_name="Piotr Prezes", password=password)
    official = UserFactory(email="urzednik@example.org", full_name="Jan Urzędnik", password=password)
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
    MembershipFactory(user=admin, organisation=organisation, role=MembershipRole.ADMIN)
    CentreRoleFactory(user=official, centre=centre, role=CentreRoleKind.OFFICIAL)
    planned_grants(centre=centre)
    offer = small_grant(centre=centre, organisation=organisation, title="")
    # Earlier this year: 12 000 zł of small grants, so one more 5 000 zł grant fits and a second does not.
    ContractFactory(
        centre=centre,
        organisation=organisation,
        kind="small_grant",
        offer=None,
        title="Festyn rodzinny (wcześniej w tym roku)",
        grant_amount=Decimal("12000.00"),
        concluded_on=warsaw_today(),
    )
    second = small_grant(centre=centre, organisation=organisation, status="published", title="Drugi piknik")
    return {"offer": offer, "second": second, "member": member, "admin": admin, "official": official}


def test_czestochowa_small_grant_walk(page: Page, czestochowa, password):
    offer = czestochowa["offer"]
    # 1. The member fills the simplified offer: the live check flags a grant over the limit.
    login(page, czestochowa["member"].email, password)
    visit(page, "/dotacje/oferty/", label="my offers")
    page.get_by_role("link", name="Małe granty (art. 19a): moje oferty uproszczone").click()
    check_page(page, label="my simplified offers", phone=True)
    page.get_by_role("link", name="Oferta uproszczona (szkic)").first.click()
    check_page(page, label="simplified offer (draft)")
    page.get_by_role("link", name="Edytuj szkic").click()
    check_page(page, label="simplified offer form", phone=True)
    page.get_by_label("3. Tytuł zadania publicznego").fill("Piknik sąsiedzki na Zawodziu")
    page.get_by_label("Wnioskowana kwota dotacji").fill("12 000,00")
    expect(page.locator("#problem-requested_grant")).to_contain_text("najwyżej", timeout=10000)
    check_page(page, label="live check: over the limit")
    page.get_by_label("Wnioskowana kwota dotacji").fill("5 000,00")
    expect(page.locator("#problem-requested_grant")).to_be_empty(timeout=10000)
    expect(page.locator("#offer-check")).to_contain_text("można ją złożyć")
    page.get_by_role("button", name="Zapisz szkic").click()
    expect(page.get_by_text("Zapisano szkic oferty.")).to_be_visible()
    assert SmallGrantOffer.objects.get(pk=offer.pk).title == "Piknik sąsiedzki na Zawodziu"

    # 2. The admin files it; the receipt date is recorded.
    page.context.clear_cookies()
    login(page, czestochowa["admin"].email, password)
    visit(page, f"/dotacje/oferty-uproszczone/{offer.pk}/", label="offer page (admin)")
    page.get_by_role("button", name="Złóż ofertę").click()
    check_page(page, label="offer filed")
    expect(page.get_by_text("Złożono ofertę nr", exact=False)).to_be_visible()

    # 3. The official finds it purposeful and records the three publications.
    page.context.clear_cookies()
    login(page, czestochowa["official"].email, password)
    visit(page, "/dotacje/urzad/male-granty/", label="small grants desk", phone=True)
    page.get_by_role("link", name="Piknik sąsiedzki na Zawodziu").click()
    page.get_by_role("button", name="Uznaj zadanie za celowe").click()
    check_page(page, label="purposeful")
    page.get_by_role("link", name="Zapisz publikację (BIP, tablica, strona)").click()
    check_page(page, label="publication form", phone=True)
    today = warsaw_today().isoformat()
    for channel in ("Biuletyn Informacji Publicznej", "tablica ogłoszeń urzędu", "strona internetowa"):
        page.get_by_label(f"{channel}: data publikacji").fill(today)
        page.get_by_label(f"{channel}: adres lub miejsce").fill("https://bip.czestochowa.example.pl/mg/1")
    page.get_by_role("button", name="Zapisz publikację").click()
    expect(page.get_by_text("Opublikowano ofertę", exact=False)).to_be_visible()
    stored = SmallGrantOffer.objects.get(pk=offer.pk)
    assert stored.status == "published" and stored.publications.count() == 3

    # 4. A resident comments without an account (the form refuses a post faster than a person types).
    page.context.clear_cookies()
    visit(page, "/dotacje/male-granty/", label="public list", phone=True)
    page.get_by_role("link", name="Piknik sąsiedzki na Zawodziu").click()
    check_page(page, label="public offer page", phone=True)
    page.get_by_label("Imię i nazwisko lub nazwa").fill("Anna Mieszkanka")
    page.get_by_label("Uwaga do oferty").fill("Prosimy o toaletę przenośną na czas pikniku.")
    time.sleep(3.5)
    page.get_by_role("button", name="Wyślij uwagę").click()
    expect(page.get_by_text("uwagę przyjęto", exact=False)).to_be_visible()
    assert stored.comments.count() == 1

    # 5. The period ends (as if seven days passed); the contract waits for the response.
    SmallGrantOffer.objects.filter(pk=offer.pk).update(comments_until=warsaw_today() - timedelta(days=1))
    login(page, czestochowa["official"].email, password)
    visit(page, f"/dotacje/urzad/male-granty/{offer.pk}/umowa/", label="contract form")
    page.get_by_label("Numer rachunku bankowego (IBAN)").fill("PL61 1090 1014 0000 0712 1981 2874")
    page.get_by_role("button", name="Przygotuj umowę").click()
    check_page(page, label="contract refused: unanswered comment")
    expect(page.get_by_text("odpowiedź na każdą uwagę", exact=False).first).to_be_visible()
    assert not Contract.objects.filter(title="Piknik sąsiedzki na Zawodziu").exists()
    visit(page, f"/dotacje/oferty-uproszczone/{offer.pk}/", label="offer with a comment")
    page.get_by_label("Odpowiedź urzędu").fill("Toaleta jest w kosztorysie (usługa sceniczna).")
    page.get_by_role("button", name="Zapisz odpowiedź").click()
    expect(page.get_by_text("Zapisano odpowiedź na uwagę.")).to_be_visible()
    visit(page, f"/dotacje/urzad/male-granty/{offer.pk}/umowa/", label="contract form again")
    page.get_by_label("Numer rachunku bankowego (IBAN)").fill("PL61 1090 1014 0000 0712 1981 2874")
    page.get_by_role("button", name="Przygotuj umowę").click()
    expect(page.get_by_text("Przygotowano projekt umowy małego grantu.")).to_be_visible()
    contract = SmallGrantOffer.objects.get(pk=offer.pk).contract
    assert contract.kind == "small_grant" and contract.grant_amount == Decimal("5000.00")

    # 6. The second offer would break the yearly limit: refused, nothing stored.
    second = czestochowa["second"]
    visit(page, f"/dotacje/urzad/male-granty/{second.pk}/umowa/", label="second contract form")
    expect(page.get_by_text("Limit roczny organizacji", exact=False).first).to_be_visible()
    page.get_by_label("Numer rachunku bankowego (IBAN)").fill("PL61 1090 1014 0000 0712 1981 2874")
    page.get_by_role("button", name="Przygotuj umowę").click()
    check_page(page, label="second contract refused")
    assert SmallGrantOffer.objects.get(pk=second.pk).status == "published"
    assert not Contract.objects.filter(title="Drugi piknik").exists()

    # 7. The comment and its response are public now; the PDF follows the statutory sections.
    page.context.clear_cookies()
    visit(page, f"/dotacje/male-granty/{offer.pk}/", label="public page after the period")
    expect(page.get_by_text("Toaleta jest w kosztorysie", exact=False)).to_be_visible()
    login(page, czestochowa["member"].email, password)
    pdf = page.evaluate(
        """async (url) => {
            const response = await fetch(url);
            const bytes = new Uint8Array(await response.arrayBuffer());
            let binary = "";
            for (const b of bytes) binary += String.fromCharCode(b);
            return {status: response.status, body: btoa(binary)};
        }""",
        f"/dotacje/oferty-uproszczone/{offer.pk}/pdf/",
    )
    assert pdf["status"] == 200
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=base64.b64decode(pdf["body"]), capture_output=True, check=True
    ).stdout.decode()
    for heading in (
        "Dz.U. 2018 poz. 2055",
        "II. Dane oferenta",
        "IV. Szacunkowa kalkulacja",
        "V. Oświadczenia",
    ):
        assert heading in text, heading
