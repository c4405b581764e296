"""The address service as its users walk it. Kalisz: founders with no registry entry ask for the centre's
address as their seat, staff approve, the founders download the seat consent for KRS-W20, register the
organisation in the directory and pass the agreement to it. Częstochowa: staff record an urgent court letter,
the organisation is told at once, staff record the pickup by its authorised person (an expired power of
attorney is refused first). axe-core checks every page (helpers.visit / check_page)."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.addresses.choices import AgreementStatus, MailStatus
from centrum.addresses.models import AddressAgreement, MailItem
from centrum.addresses.tests.factories import AgreementFactory, PersonFactory
from centrum.core.calendar import warsaw_today
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.tests.factories import OrganisationFactory

from .conftest import site_for
from .helpers import check_page, fetch_file, login, visit

pytestmark = pytest.mark.browser


def _switch_user(page: Page, email: str, password: str, site: str = ""):
    page.context.clear_cookies()
    login(page, email, password, site=site)


def test_kalisz_founders_get_the_seat_consent_and_the_agreement_passes_to_their_organisation(
    page: Page, centre, staff_member, password
):
    founder = UserFactory(email="zalozycielka@example.org", full_name="Anna Wrzesińska", password=password)
    today = warsaw_today()
    # 1. The founders ask for the centre's address as their seat: no KRS, NIP or registry entry yet.
    login(page, founder.email, password)
    visit(page, "/adres/")
    page.get_by_role("link", name="Złóż wniosek o adres").click()
    check_page(page, label="request form")
    page.get_by_label("adres siedziby (rejestrowy)").check()
    page.locator("#id_founding_name").fill("Stowarzyszenie Przyjaciół Parku Przypusta")
    page.locator("#id_founding_legal_form").select_option("stowarzyszenie")
    page.locator("#id_founders").fill("Anna Wrzesińska\nPiotr Grabowski\nMarta Szulc")
    page.locator("#id_ends_on").fill((today + timedelta(days=365)).isoformat())
    page.locator("#id_accept_rules").check()
    page.get_by_role("button", name="Złóż wniosek").click()
    check_page(page, label="request sent")
    expect(page.get_by_text("Stowarzyszenie Przyjaciół Parku Przypusta").first).to_be_visible()
    agreement = AddressAgreement.objects.get()
    assert agreement.status == AgreementStatus.REQUESTED and agreement.organisation is None

    # 2. Staff approve it from the register.
    _switch_user(page, staff_member.email, password)
    visit(page, "/adres/porozumienia/?status=requested")
    page.get_by_role("link", name="wniosek – Stowarzyszenie Przyjaciół Parku Przypusta").click()
    check_page(page, label="agreement to decide")
    page.get_by_role("button", name="Zatwierdź porozumienie").click()
    check_page(page, label="approved")
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE and agreement.number
    assert OutboxMessage.objects.filter(event="approved_to_party", to__icontains="zalozycielka").exists()

    # 3. The founders download the seat consent before their organisation exists.
    _switch_user(page, founder.email, password)
    visit(page, "/adres/moje/")
    page.get_by_role("link", name="Stowarzyszenie Przyjaciół Parku Przypusta").click()
    check_page(page, label="founders' agreement")
    href = page.get_by_role("link", name="Zgoda na wskazanie adresu siedziby (PDF)").get_attribute("href")
    pdf = fetch_file(page, href)
    assert pdf["status"] == 200 and pdf["type"] == "application/pdf" and pdf["head"] == "%PDF-"

    # 4. Registered: the organisation is in the directory (the founder submitted it), the agreement passes to it.
    registered = OrganisationFactory(
        centre=centre,
        name="Stowarzyszenie Przyjaciół Parku Przypusta",
        krs="0001234567",
        nip="",
        regon="",
        status=OrganisationStatus.PENDING,
        submitted_by=founder,
    )
    page.get_by_role("link", name="Organizacja jest już zarejestrowana – przekaż jej porozumienie").click()
    check_page(page, label="transfer form")
    page.locator("#id_organisation").select_option(label=registered.name)
    page.get_by_role("button", name="Przekaż porozumienie").click()
    check_page(page, label="transferred")
    expect(page.get_by_text("Porozumienie przekazane organizacji.")).to_be_visible()
    agreement.refresh_from_db()
    assert agreement.organisation == registered and agreement.transferred_at is not None


def test_czestochowa_urgent_court_letter_is_told_and_picked_up_by_the_authorised_person(
    page: Page, live_server, password
):
    czestochowa = CentreFactory(
        slug="czestochowa",
        name="Centrum Organizacji Pozarządowych w Częstochowie",
        host="czestochowa.localhost",
        street="ul. Focha 19/21 lokal 46",
        postal_code="42-217",
        city="Częstochowa",
    )
    site = site_for(live_server, czestochowa)
    staff = UserFactory(email="pracownik.cz@example.org", full_name="Ewa Pracownik", password=password)
    CentreRoleFactory(centre=czestochowa, user=staff, role=CentreRoleKind.STAFF)
    organisation = OrganisationFactory(
        centre=czestochowa,
        name="Fundacja Częstochowskie Inicjatywy",
        email="biuro@inicjatywy.example.org",
        nip="",
        regon="",
    )
    president = UserFactory(email="prezes.cz@example.org", full_name="Jolanta Prezes", password=password)
    MembershipFactory(user=president, organisation=organisation, role=MembershipRole.ADMIN)
    AgreementFactory(
        centre=czestochowa, organisation=organisation, use="correspondence", requested_by=president
    )
    PersonFactory(
        centre=czestochowa,
        organisation=organisation,
        full_name="Halina Wygasła",
        valid_from=warsaw_today() - timedelta(days=400),
        valid_until=warsaw_today() - timedelta(days=1),
    )

    # 1. The organisation's admin names the person authorised to collect its mail.
    login(page, president.email, password, site=site)
    visit(page, f"{site}/adres/organizacje/{organisation.pk}/")
    page.get_by_role("link", name="Dodaj osobę upoważnioną").click()
    check_page(page, label="authorised person form")
    page.locator("#id_full_name").fill("Tomasz Odbierający")
    page.locator("#id_valid_until").fill((warsaw_today() + timedelta(days=365)).isoformat())
    page.get_by_role("button", name="Dodaj").click()
    check_page(page, label="authorised persons")
    expect(page.get_by_text("Tomasz Odbierający")).to_be_visible()

    # 2. Staff record a court letter; the organisation is told at once, marked urgent.
    _switch_user(page, staff.email, password, site)
    visit(page, f"{site}/adres/poczta/")
    page.get_by_role("link", name="Zapisz przesyłkę").click()
    check_page(page, label="mail form")
    page.locator("#id_organisation").select_option(label=organisation.name)
    page.locator("#id_sender").fill("Sąd Rejonowy w Częstochowie, XVII Wydział Gospodarczy KRS")
    page.locator("#id_kind").select_option("court")
    page.locator("#id_reference").fill("CZ.XVII NS-REJ.KRS/555/26")
    page.get_by_role("button", name="Zapisz przesyłkę").click()
    check_page(page, label="mail recorded")
    message = OutboxMessage.objects.get(event="mail_to_organisation")
    assert "PILNE" in message.subject and "biuro@inicjatywy.example.org" in message.to

    # 3. An expired power of attorney is refused; the authorised person collects the letter.
    page.locator("#id_person").select_option(
        label=page.locator("#id_person option", has_text="Halina Wygasła").inner_text()
    )
    page.get_by_role("button", name="Zapisz odbiór").click()
    check_page(page, label="pickup refused")
    expect(page.get_by_text("nie jest dziś ważne")).to_be_visible()
    assert MailItem.objects.get().status == MailStatus.WAITING
    page.locator("#id_person").select_option(
        label=page.locator("#id_person option", has_text="Tomasz Odbierający").inner_text()
    )
    page.get_by_role("button", name="Zapisz odbiór").click()
    check_page(page, label="picked up")
    mail = MailItem.objects.get()
    assert mail.status == MailStatus.COLLECTED and mail.collected_by.full_name == "Tomasz Odbierający"

    # 4. The organisation sees the letter collected.
    _switch_user(page, president.email, password, site)
    visit(page, f"{site}/adres/organizacje/{organisation.pk}/")
    expect(page.get_by_text("odebrana – Tomasz Odbierający", exact=False)).to_be_visible()
