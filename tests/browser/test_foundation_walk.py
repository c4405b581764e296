"""The foundation issue, walked as people would: a resident finds the centre and its directory, signs in
and registers an organisation ("Zgłoś organizację"); a staff member signs in, verifies it in the queue,
imports more organisations from a CSV file, and everything shows in the public directory.

axe-core (WCAG 2.1 A/AA) checks every page on the way (helpers.visit / check_page), some at 360×740 too.
"""

import random
import re

import pytest
from playwright.sync_api import Page, expect
from stdnum.pl import regon as regon_mod

from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation
from centrum.organisations.tests.factories import OrganisationFactory

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser

REGISTERED = "Stowarzyszenie Miłośników Ziemi Kaliskiej"
IMPORTED = ["Fundacja Źródło Nadziei", "Uczniowski Klub Sportowy Żak Kalisz"]


def _valid_nip(seed: int) -> str:
    rng = random.Random(seed)
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def _valid_regon(base: str) -> str:
    return base + regon_mod.calc_check_digit(base)


def _csv() -> bytes:
    rows = [
        "nazwa;forma prawna;KRS;NIP;REGON;ulica;kod pocztowy;miejscowość;e-mail;OPP;sfery",
        f"{IMPORTED[0]};fundacja;0000654321;{_valid_nip(2)};{_valid_regon('30123456')};"
        "ul. Częstochowska 12;62-800;Kalisz;biuro@zrodlo.example.org;tak;1,6",
        f"{IMPORTED[1]};UKS;;{_valid_nip(3)};{_valid_regon('30123457')};"
        "ul. Górnośląska 5;62-800;Kalisz;uks@example.org;nie;17",
    ]
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


@pytest.fixture
def existing_organisation(centre):
    return OrganisationFactory(
        centre=centre,
        name="Towarzystwo Przyjaciół Kalisza",
        nip="",
        status=OrganisationStatus.ACTIVE,
        search_text="towarzystwo przyjaciol kalisza kalisz",
    )


def _sign_out(page: Page) -> None:
    page.get_by_role("navigation", name="Menu główne").get_by_role("button", name="Wyloguj").click()
    page.wait_for_load_state("load")
    check_page(page, label="after sign-out")


def test_foundation_walk(page: Page, centre, existing_organisation, resident, staff_member, password):
    nav = page.get_by_role("navigation", name="Menu główne")

    # 1. A resident opens the centre and searches the directory (no account needed).
    visit(page, "/", phone=True)
    expect(page.locator("h1")).to_contain_text(centre.name)
    nav.get_by_role("link", name="Organizacje").click()
    page.wait_for_load_state("load")
    check_page(page, label="directory")
    search = page.locator("main input[name=q]").first
    search.fill("przyjaciol kalisza")  # without diacritics
    search.press("Enter")
    page.wait_for_load_state("load")
    check_page(page, label="directory search")
    expect(page.locator("main")).to_contain_text("Towarzystwo Przyjaciół Kalisza")

    # 2. They sign in through the login form and register their organisation.
    login(page, resident.email, password)
    nav.get_by_role("link", name="Zgłoś organizację").click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_contain_text("Zgłoś organizację")
    check_page(page, label="registration form", phone=True)
    form = page.locator("main form").filter(has=page.locator("[name=name]")).first
    form.locator("[name=name]").fill(REGISTERED)
    form.locator("[name=legal_form]").select_option("stowarzyszenie")
    form.locator("[name=registry_kind]").select_option("krs_s")
    form.locator("[name=krs]").fill("0000123456")
    form.locator("[name=nip]").fill(_valid_nip(1))
    form.locator("[name=street]").fill("ul. Babina 3")
    form.locator("[name=postal_code]").fill("62-800")
    form.locator("[name=city]").fill("Kalisz")
    form.locator("[name=email]").fill("kontakt@ziemia-kaliska.example.org")
    areas = form.locator("[name=areas]")
    if areas.count():
        areas.first.check()
    form.locator("button[type=submit]:not([name=krs_prefill])").last.click()
    page.wait_for_load_state("load")
    check_page(page, label="registration sent")
    assert re.search(r"/organizacje/zglos/wyslano/\d+/$", page.url), (
        f"registration did not go through: {page.url}\n{page.locator('main').inner_text()[:1500]}"
    )
    registered = Organisation.objects.get(centre=centre, name=REGISTERED)
    assert registered.status == OrganisationStatus.PENDING
    assert registered.submitted_by_id == resident.pk
    _sign_out(page)

    # Not in the public directory until the centre verifies it.
    visit(page, "/organizacje/?q=milosnikow")
    expect(page.locator("main")).not_to_contain_text(REGISTERED)

    # 3. Staff sign in and verify it in the verification queue.
    login(page, staff_member.email, password)
    nav.get_by_role("link", name="Panel centrum").click()
    page.wait_for_load_state("load")
    check_page(page, label="staff panel")
    visit(page, "/organizacje/weryfikacja/", phone=True)
    item = page.locator(f"#organisation-{registered.pk}")
    expect(item).to_contain_text(REGISTERED)
    verify = item.locator(f"form[action='/organizacje/{registered.pk}/akcja/verify/']")
    verify.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    check_page(page, label="queue after verifying")
    expect(page.locator("main")).to_contain_text("została zatwierdzona")
    registered.refresh_from_db()
    assert registered.status == OrganisationStatus.ACTIVE

    # 4. Staff import organisations from a CSV file: upload, preview, import.
    visit(page, "/organizacje/dane/import/", phone=True)
    page.locator("main input[type=file]").set_input_files(
        files=[{"name": "organizacje-kalisz.csv", "mimeType": "text/csv", "buffer": _csv()}]
    )
    page.get_by_role("button", name="Sprawdź plik").click()
    page.wait_for_load_state("load")
    check_page(page, label="import preview", phone=True)
    assert re.search(r"/organizacje/dane/import/\d+/$", page.url), page.url
    for name in IMPORTED:
        expect(page.locator("main")).to_contain_text(name)
    page.get_by_role("button", name="Importuj").click()
    page.wait_for_load_state("load")
    check_page(page, label="import result")
    expect(page.locator("main")).to_contain_text("Zaimportowano organizacje: 2")
    assert Organisation.objects.filter(centre=centre, name__in=IMPORTED).count() == 2

    # 5. Everything is in the public directory, found with and without diacritics.
    _sign_out(page)
    visit(page, "/organizacje/")
    main = page.locator("main")
    for name in (REGISTERED, *IMPORTED, "Towarzystwo Przyjaciół Kalisza"):
        expect(main).to_contain_text(name)
    visit(page, "/organizacje/?q=zrodlo+nadziei")
    expect(main).to_contain_text(IMPORTED[0])
    expect(main).not_to_contain_text(IMPORTED[1])
    visit(page, "/organizacje/?q=żak")
    expect(main).to_contain_text(IMPORTED[1])
    visit(page, "/organizacje/?q=milosnikow+ziemi")
    main.get_by_role("link", name=REGISTERED).first.click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_contain_text(REGISTERED)
    check_page(page, label="registered organisation's page", phone=True)
