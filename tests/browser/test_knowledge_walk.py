"""Żory's knowledge platform as people use it: an organisation's member submits a good practice with a PDF
attachment; staff see it on the dashboard card and publish it from the moderation queue; a resident types a
query without Polish letters into the header's search box and finds the practice and a knowledge-base
article, opens both, narrows the results to one kind, uses the map of voivodeships and its table; a leader
publishes an opt-in profile and withdraws the consent (the profile disappears at once); the funding-call
list shows calls of every source. axe-core checks every page."""

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.tests.factories import CentreFactory
from centrum.knowledge.choices import PracticeStatus
from centrum.knowledge.models import Article, GoodPractice, Leader
from centrum.knowledge.tests.factories import PDF, ArticleFactory, CategoryFactory, FundingCallFactory
from centrum.organisations.tests.factories import OrganisationFactory

from .helpers import check_page, fetch_file, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(slug="zory", name="Żorskie Centrum Organizacji Pozarządowych", host="zory.localhost")


@pytest.fixture
def world(centre, staff_member, resident, password):
    organisation = OrganisationFactory(
        centre=centre, name="Stowarzyszenie Inicjatyw Lokalnych Progress", status="active"
    )
    member = UserFactory(email="czlonek@example.org", full_name="Jolanta Progress", password=password)
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
    category = CategoryFactory(centre=centre, slug="ksiegowosc", name="Księgowość")
    ArticleFactory(
        centre=centre,
        category=category,
        title="Księgowość małego stowarzyszenia",
        lead="Uproszczona ewidencja przychodów i kosztów krok po kroku.",
        body="<p>Kto może prowadzić uproszczoną ewidencję i o czym pamiętać.</p>",
    )
    FundingCallFactory(
        centre=centre, title="Działaj Lokalnie – Żory", funder="Polsko-Amerykańska Fundacja Wolności"
    )
    return {"organisation": organisation, "member": member}


def _as(page: Page, email: str, password: str) -> None:
    page.context.clear_cookies()
    login(page, email, password)


def test_zory_knowledge_walk(page: Page, world, password, tmp_path):
    # 1. An organisation's member submits a good practice with its metryka and a PDF.
    login(page, "czlonek@example.org", password)
    visit(page, "/wiedza/", label="knowledge platform (member)")
    page.get_by_role("link", name="zgłoś praktykę").click()
    check_page(page, label="practice form", phone=True)
    page.locator("#id_title").fill("Łąka kwietna przy Szkole Podstawowej nr 5")
    page.locator("#id_summary").fill("Uczniowie i sąsiedzi zamienili trawnik w łąkę dla zapylaczy.")
    page.locator("#id_description").fill("<p>Wspólne sianie łąki kwietnej.</p><script>alert(1)</script>")
    page.locator("#id_government_kind").select_option("city_county")
    page.locator("#id_locality").fill("Żory")
    page.locator("#id_voivodeship").select_option("24")
    page.locator("#id_implementing_unit").fill("Stowarzyszenie Inicjatyw Lokalnych Progress")
    page.locator("#id_population").fill("60938")
    page.locator("#id_source").fill("Opis stowarzyszenia")
    pdf = tmp_path / "metryka.pdf"
    pdf.write_bytes(PDF)
    page.locator("#id_attachment").set_input_files(str(pdf))
    page.locator("#id_attachment_title").fill("Metryka praktyki")
    page.get_by_role("button", name="Wyślij do sprawdzenia").click()
    check_page(page, label="practice submitted")
    expect(page.get_by_text("czeka na sprawdzenie").first).to_be_visible()
    practice = GoodPractice.objects.get()
    assert practice.status == PracticeStatus.SUBMITTED and "<script>" not in practice.description

    # 2. Staff see it on the dashboard and publish it.
    _as(page, "pracownik@example.org", password)
    visit(page, "/panel/", label="staff dashboard")
    page.get_by_role("link", name="Praktyki do sprawdzenia").click()
    check_page(page, label="moderation queue", phone=True)
    page.get_by_role("button", name="Opublikuj").first.click()
    check_page(page, label="practice published")
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PUBLISHED

    # ... and correct an article of the knowledge base from its page.
    article = Article.objects.get()
    visit(page, article.get_absolute_url(), label="article (staff)")
    page.get_by_role("link", name="Edytuj artykuł").click()
    check_page(page, label="article form", phone=True)
    page.locator("#id_lead").fill("Uproszczona ewidencja krok po kroku, z przykładami.")
    page.get_by_role("button", name="Zapisz").click()
    check_page(page, label="article saved")
    expect(page.get_by_text("Uproszczona ewidencja krok po kroku, z przykładami.")).to_be_visible()
    article.refresh_from_db()
    assert article.lead == "Uproszczona ewidencja krok po kroku, z przykładami."

    # 3. A resident searches from the header without Polish letters and finds the practice.
    page.context.clear_cookies()
    visit(page, "/", label="home (anonymous)")
    page.locator("#site-search-q").fill("laka kwietna")
    page.locator("form.site-search button").click()
    check_page(page, label="search results: practice", phone=True)
    results = page.locator("ol.search-results")
    expect(results.get_by_text("Dobre praktyki").first).to_be_visible()
    results.get_by_role("link", name="Łąka kwietna przy Szkole Podstawowej nr 5").click()
    check_page(page, label="practice page")
    expect(page.get_by_text("Metryka praktyki").first).to_be_visible()
    expect(page.get_by_text("śląskie").first).to_be_visible()
    href = page.get_by_role("link", name="Metryka praktyki").get_attribute("href")
    file = fetch_file(page, href)
    assert file["status"] == 200 and file["head"] == "%PDF-"

    # ... and an article of the knowledge base, then narrows the results to one kind.
    page.locator("#site-search-q").fill("ksiegowosc stowarzyszenia")
    page.locator("form.site-search button").click()
    check_page(page, label="search results: article")
    page.get_by_role("link", name="Baza wiedzy (1)").click()
    check_page(page, label="search narrowed to articles")
    page.locator("ol.search-results").get_by_role("link", name="Księgowość małego stowarzyszenia").click()
    check_page(page, label="article page", phone=True)
    expect(page.get_by_role("heading", name="Księgowość małego stowarzyszenia")).to_be_visible()

    # 4. The map of voivodeships and its table.
    visit(page, "/wiedza/dobre-praktyki/mapa/", label="practice map", phone=True)
    expect(page.locator("svg a")).to_have_count(16)
    page.locator('svg a[href$="?woj=24"]').click()
    check_page(page, label="practices of śląskie")
    expect(page.get_by_role("link", name="Łąka kwietna przy Szkole Podstawowej nr 5")).to_be_visible()

    # 5. Funding calls of every source.
    visit(page, "/wiedza/nabory/", label="funding calls", phone=True)
    expect(page.get_by_role("link", name="Działaj Lokalnie – Żory")).to_be_visible()

    # 6. A leader publishes an opt-in profile, choosing what to show, then withdraws the consent.
    login(page, "mieszkaniec@example.org", password)
    visit(page, "/wiedza/liderzy/moj-profil/", label="my leader profile")
    page.locator("#id_display_name").fill("Paweł Mieszkaniec")
    page.locator("#id_bio").fill("Sprzątam z sąsiadami brzegi Rudy.")
    page.locator("#id_phone").fill("600 100 200")
    page.get_by_label("opis działalności").check()
    page.get_by_label("Wyrażam zgodę na publikację profilu").check()
    page.get_by_role("button", name="Zapisz profil").click()
    check_page(page, label="profile saved")
    leader = Leader.objects.get()
    page.context.clear_cookies()
    visit(page, f"/wiedza/liderzy/{leader.pk}/", label="public leader profile")
    expect(page.get_by_text("Sprzątam z sąsiadami brzegi Rudy.")).to_be_visible()
    assert "600 100 200" not in page.content()
    login(page, "mieszkaniec@example.org", password)
    visit(page, "/wiedza/liderzy/moj-profil/", label="my leader profile (public)")
    page.get_by_role("button", name="Wycofaj zgodę i ukryj profil").click()
    check_page(page, label="consent withdrawn")
    page.context.clear_cookies()
    visit(page, f"/wiedza/liderzy/{leader.pk}/", expect_status=404, label="withdrawn profile")
