"""A resident's first visit: the home page, language and display settings, the directory, the
accessibility statement. axe-core checks every page (see helpers.visit)."""

import re

import pytest
from playwright.sync_api import Page, expect

from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.tests.factories import OrganisationFactory

from .helpers import check_page, visit

pytestmark = pytest.mark.browser


# nip="": OrganisationFactory's random_nip calls nip.calc_check_digit, which python-stdnum does not have.
@pytest.fixture
def directory_data(centre, other_centre):
    OrganisationFactory(
        centre=centre,
        name="Stowarzyszenie Przyjaciół Żółwi",
        search_text="",
        city="Kalisz",
        is_opp=True,
        nip="",
    )
    OrganisationFactory(centre=centre, name="Fundacja Łąki Kaliskie", city="Kalisz", nip="")
    OrganisationFactory(centre=centre, name="Klub Sportowy Prosna", city="Kalisz", nip="")
    OrganisationFactory(
        centre=centre,
        name="Stowarzyszenie Oczekujące",
        status=OrganisationStatus.PENDING,
        city="Kalisz",
        nip="",
    )
    OrganisationFactory(centre=other_centre, name="Żorskie Towarzystwo Żółwi", city="Żory", nip="")


def _fix_search_text():
    # The factory builds search_text from name and city; keep it as the services would.
    from centrum.core.text import fold
    from centrum.organisations.models import Organisation

    for org in Organisation.objects.all():
        org.search_text = fold(f"{org.name} {org.short_name} {org.city}")
        org.save(update_fields=["search_text"])


def test_home_language_and_display_settings(page: Page, centre):
    visit(page, "/", phone=True)
    expect(page.locator("h1")).to_contain_text(centre.name)
    expect(page.locator("html")).to_have_attribute("lang", "pl")

    # English and back to Polish through the language form in the header.
    page.locator("#language-select").select_option("en")
    page.locator(".language-form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    check_page(page, label="home in English")
    page.locator("#language-select").select_option("pl")
    page.locator(".language-form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")

    # Font size: larger, largest, back to normal; the choice is kept on the next page.
    page.get_by_role("link", name=re.compile(r"^A\+\W*Większa czcionka$")).click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bfont-large\b"))
    check_page(page, label="larger font")
    page.get_by_role("link", name=re.compile(r"^A\+\+\W*Największa czcionka$")).click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bfont-larger\b"))
    check_page(page, label="largest font", phone=True)
    visit(page, "/dostepnosc/")
    expect(page.locator("html")).to_have_class(re.compile(r"\bfont-larger\b"))
    page.get_by_role("link", name=re.compile(r"^A\W*Zwykła czcionka$")).click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bfont-normal\b"))

    # High contrast on (checked by axe: contrast rules apply to that theme too) and off again.
    page.get_by_role("link", name="Wysoki kontrast").click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bhigh-contrast\b"))
    check_page(page, label="high contrast", phone=True)
    page.get_by_role("link", name="Zwykły kontrast").click()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bhigh-contrast\b"))


def test_keyboard_skip_link_reaches_main_content(page: Page):
    visit(page, "/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_directory_search_and_organisation_page(page: Page, centre, directory_data):
    _fix_search_text()
    visit(page, "/")
    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Organizacje").click()
    check_page(page, label="directory", phone=True)
    main = page.locator("main")
    expect(main).to_contain_text("Fundacja Łąki Kaliskie")
    expect(main).to_contain_text("Stowarzyszenie Przyjaciół Żółwi")
    expect(main).not_to_contain_text("Stowarzyszenie Oczekujące")  # not verified yet
    expect(main).not_to_contain_text("Żorskie Towarzystwo")  # another centre's

    search = main.locator("input[name=q]").first
    # With diacritics…
    search.fill("żółwi")
    search.press("Enter")
    page.wait_for_load_state("load")
    check_page(page, label="search with diacritics")
    expect(main).to_contain_text("Stowarzyszenie Przyjaciół Żółwi")
    expect(main).not_to_contain_text("Fundacja Łąki Kaliskie")
    # …and without: the same result.
    search = main.locator("input[name=q]").first
    search.fill("zolwi")
    search.press("Enter")
    page.wait_for_load_state("load")
    check_page(page, label="search without diacritics")
    expect(main).to_contain_text("Stowarzyszenie Przyjaciół Żółwi")
    expect(main).not_to_contain_text("Klub Sportowy Prosna")
    search = main.locator("input[name=q]").first
    search.fill("laki kaliskie")
    search.press("Enter")
    page.wait_for_load_state("load")
    expect(main).to_contain_text("Fundacja Łąki Kaliskie")
    expect(main).not_to_contain_text(
        "Stowarzyszenie Przyjaciół Żółwi"
    )  # the results, not the list before them

    main.get_by_role("link", name="Fundacja Łąki Kaliskie").first.click()
    page.wait_for_url(re.compile(r"/organizacje/\d+/$"))
    expect(page.locator("h1")).to_contain_text("Fundacja Łąki Kaliskie")
    check_page(page, label="organisation page", phone=True)


def test_accessibility_statement(page: Page, centre):
    visit(page, "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Deklaracja dostępności").click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text("Deklaracja dostępności")
    check_page(page, label="accessibility statement", phone=True)


def test_unknown_host_page_is_accessible(page: Page, live_server):
    from urllib.parse import urlsplit

    port = urlsplit(live_server.url).port
    visit(page, f"http://nieznane.localhost:{port}/", expect_status=404)
