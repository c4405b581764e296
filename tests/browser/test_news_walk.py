"""Mysłowice's local knowledge platform: a member of an organisation submits a news item (with a photo and its
alt text) and an event (with its accessibility); staff find both on their dashboard and publish them; a
visitor reads the news, finds the event in the month calendar and the list, and both show in the RSS and ICS
feeds (fetched by the browser); a visitor reports an error from the footer. axe-core checks every page."""

import io
from datetime import timedelta

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.news.models import ErrorReport, Event, NewsItem
from centrum.organisations.tests.factories import OrganisationFactory

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="myslowice",
        name="Ośrodek wsparcia dla organizacji pozarządowych „POMYSłowice”",
        short_name="POMYSłowice",
        host="myslowice.localhost",
    )


@pytest.fixture
def people(centre, password):
    staff = UserFactory(email="pracownik@example.org", full_name="Edyta Opiekun", password=password)
    CentreRoleFactory(centre=centre, user=staff, role=CentreRoleKind.STAFF)
    organisation = OrganisationFactory(centre=centre, name="Stowarzyszenie CIS Mysłowice", nip="")
    member = UserFactory(email="czlonek@example.org", full_name="Ewa Kubiak", password=password)
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
    return {"staff": staff, "member": member, "organisation": organisation}


def _text(page: Page, href: str) -> dict:
    return page.evaluate(
        """async (url) => {
            const response = await fetch(url);
            return {status: response.status, type: response.headers.get("content-type"), body: await response.text()};
        }""",
        href,
    )


def test_myslowice_news_and_event_walk(page: Page, people, password, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    photo = tmp_path / "wolontariusze.png"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(buffer, "PNG")
    photo.write_bytes(buffer.getvalue())
    day = warsaw_today() + timedelta(days=3)

    # 1. The member submits a news item and an event.
    login(page, "czlonek@example.org", password)
    visit(page, "/aktualnosci/", label="news (member)", phone=True)
    page.get_by_role("link", name="Zgłoś newsa").click()
    check_page(page, label="news form", phone=True)
    page.locator("#id_title").fill("Szukamy wolontariuszy do letniej akcji")
    page.locator("#id_lead").fill("Spotkania o wolontariacie z młodzieżą mysłowickich szkół.")
    page.locator("#id_body").fill("Dołącz do grupy inicjatywnej <script>alert(1)</script>")
    page.locator("#id_organisation").select_option(label="Stowarzyszenie CIS Mysłowice")
    page.locator("#id_image").set_input_files(str(photo))
    page.get_by_role("button", name="Wyślij").click()
    check_page(page, label="news refused: no alt text")
    expect(page.locator(".errorlist").first).to_contain_text("tekst alternatywny")
    assert not NewsItem.objects.exists()
    page.locator("#id_image").set_input_files(str(photo))
    page.locator("#id_alt_text").fill("Wolontariusze przy stoisku na pikniku")
    page.get_by_role("button", name="Wyślij").click()
    check_page(page, label="news submitted", phone=True)
    item = NewsItem.objects.get()
    assert item.status == "submitted" and "<script>" not in item.body

    visit(page, "/wydarzenia/", label="calendar (member)", phone=True)
    page.get_by_role("link", name="Zgłoś wydarzenie").click()
    check_page(page, label="event form", phone=True)
    page.locator("#id_title").fill("Piknik sąsiedzki na Piaskach")
    page.locator("#id_organisation").select_option(label="Stowarzyszenie CIS Mysłowice")
    page.locator("#id_place").fill("Park Zamkowy, Mysłowice")
    page.locator("#id_start_day").fill(day.isoformat())
    page.locator("#id_start_time").fill("18:00")
    page.locator("#id_end_day").fill(day.isoformat())
    page.locator("#id_end_time").fill("12:00")
    page.locator("#id_audience").fill("rodziny z dziećmi")
    page.get_by_label("dostępne dla osób na wózkach").check()
    page.get_by_label("tłumacz języka migowego (PJM)").check()
    page.get_by_role("button", name="Wyślij").click()
    check_page(page, label="event refused: ends before it starts")
    expect(page.get_by_text("przed początkiem").first).to_be_visible()
    assert not Event.objects.exists()
    page.locator("#id_start_time").fill("12:00")
    page.locator("#id_end_time").fill("18:00")
    page.get_by_role("button", name="Wyślij").click()
    check_page(page, label="event submitted")
    assert Event.objects.get().status == "submitted"
    visit(page, "/aktualnosci/moje/", label="my submissions")
    expect(page.get_by_text("czeka na moderację").first).to_be_visible()

    # 2. Staff publish both from the dashboard.
    page.context.clear_cookies()
    login(page, "pracownik@example.org", password)
    visit(page, "/panel/", label="staff dashboard")
    page.get_by_role("link", name="Moderacja aktualności i wydarzeń").click()
    check_page(page, label="moderation queue", phone=True)
    page.get_by_role("link", name="Szukamy wolontariuszy do letniej akcji").click()
    check_page(page, label="news to moderate")
    page.get_by_role("button", name="Opublikuj").click()
    check_page(page, label="news published")
    visit(page, "/aktualnosci/moderacja/", label="moderation queue again")
    page.get_by_role("link", name="Piknik sąsiedzki na Piaskach").click()
    check_page(page, label="event to moderate")
    page.get_by_role("button", name="Opublikuj").click()
    check_page(page, label="event published")
    assert NewsItem.objects.get().status == "published" and Event.objects.get().status == "published"
    assert OutboxMessage.objects.filter(to=["czlonek@example.org"]).count() == 2

    # 3. A visitor sees them on the site and in the feeds.
    page.context.clear_cookies()
    visit(page, "/aktualnosci/", label="news (public)", phone=True)
    page.get_by_role("link", name="Szukamy wolontariuszy do letniej akcji").click()
    check_page(page, label="news page (public)", phone=True)
    expect(page.get_by_alt_text("Wolontariusze przy stoisku na pikniku")).to_be_visible()
    visit(page, f"/wydarzenia/?miesiac={day:%Y-%m}", label="month calendar", phone=True)
    page.get_by_role("link", name="Piknik sąsiedzki na Piaskach").first.click()
    check_page(page, label="event page", phone=True)
    expect(page.get_by_text("tłumacz języka migowego (PJM)")).to_be_visible()
    visit(page, "/wydarzenia/lista/", label="event list", phone=True)
    expect(page.get_by_role("link", name="Piknik sąsiedzki na Piaskach")).to_be_visible()
    rss = _text(page, "/aktualnosci/rss/")
    assert rss["status"] == 200 and "rss" in rss["type"]
    assert "<title>Szukamy wolontariuszy do letniej akcji</title>" in rss["body"]
    ics = _text(page, "/wydarzenia/kalendarz.ics")
    assert ics["status"] == 200 and ics["type"].startswith("text/calendar")
    assert "SUMMARY:Piknik sąsiedzki na Piaskach" in ics["body"]
    one = _text(page, f"/wydarzenia/{Event.objects.get().pk}/wydarzenie.ics")
    assert one["status"] == 200 and "LOCATION:Park Zamkowy\\, Mysłowice" in one["body"]

    # 4. "Zgłoś błąd" from the footer, with the page's address filled in.
    visit(page, "/wydarzenia/lista/", label="event list before a report")
    page.locator("footer").get_by_role("link", name="Zgłoś błąd").click()
    check_page(page, label="error report form", phone=True)
    expect(page.locator("#id_page_url")).to_have_value("/wydarzenia/lista/")
    page.locator("#id_message").fill("Brak godziny zakończenia pikniku w opisie.")
    page.wait_for_timeout(3200)  # people take a few seconds: a form sent at once is refused as a bot's
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    check_page(page, label="error reported")
    assert ErrorReport.objects.get().page_url == "/wydarzenia/lista/"
