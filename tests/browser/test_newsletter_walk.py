"""Miechów's first duty is "bieżące informowanie organizacji": its staff write an announcement to the
organisations of two fields of activity, see the recipients count and the preview, and send it; each of
those organisations gets exactly one mail (two sharing an address: one mail), the others none. A visitor
subscribes to topics, confirms by the mailed link, manages the subscription and unsubscribes. axe-core
checks every page."""

import re

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.newsletter.choices import AnnouncementStatus, SubscriberStatus
from centrum.newsletter.models import Announcement, Subscriber
from centrum.newsletter.services import announcements_deliver
from centrum.newsletter.tests.factories import organisation_in, topics  # noqa: F401 (the fixture)

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="miechow", name="Centrum Organizacji Pozarządowych w Miechowie", host="miechow.localhost"
    )


def _link(body: str, word: str) -> str:
    return re.search(rf"https?://[^/\s]+(/newsletter/{word}/[^\s]+/)", body).group(1)


def test_miechow_announcement_to_two_fields_and_a_subscription(page: Page, centre, password, topics):  # noqa: F811
    staff = UserFactory(email="koordynator@example.org", full_name="Magdalena Wilk", password=password)
    CentreRoleFactory(centre=centre, user=staff, role=CentreRoleKind.STAFF)
    social = organisation_in(
        centre, "1", name="Stowarzyszenie Pomocy Rodzinie", email="pomoc@miechow.example"
    )
    culture = organisation_in(
        centre, "16", name="Towarzystwo Kultury Ziemi Miechowskiej", email="kultura@miechow.example"
    )
    both = organisation_in(centre, "1", "16", name="Fundacja Razem", email="razem@miechow.example")
    shared = [
        organisation_in(
            centre, "16", name="Koło Gospodyń Wiejskich w Komorowie", email="gmina@miechow.example"
        ),
        organisation_in(centre, "1", name="Klub Seniora", email="Gmina@miechow.example"),
    ]
    sport = organisation_in(centre, "13", name="Ludowy Klub Sportowy", email="lks@miechow.example")

    # 1. Staff write the announcement to fields 1 and 16, check the count and the preview, and send it.
    login(page, "koordynator@example.org", password)
    visit(page, "/newsletter/komunikaty/", label="announcements")
    page.get_by_role("link", name="Napisz komunikat").click()
    check_page(page, label="new announcement", phone=True)
    page.locator("#id_subject").fill("Otwarty konkurs ofert – spotkanie informacyjne")
    page.locator("#id_body").fill("Zapraszamy na spotkanie o zasadach składania ofert.\n\nKoordynator COP")
    page.locator('input[name="areas"][value="1"]').check()
    page.locator('input[name="areas"][value="16"]').check()
    page.get_by_role("button", name="Zapisz szkic").click()
    check_page(page, label="announcement preview", phone=True)
    expect(page.get_by_text("Komunikat trafi na 4 adresy e-mail.")).to_be_visible()
    expect(page.get_by_text("Wybranych 5 organizacji.")).to_be_visible()
    page.get_by_role("button", name="Wyślij teraz").click()
    check_page(page, label="announcement sending")
    announcement = Announcement.objects.get()
    assert announcement.status == AnnouncementStatus.SENDING
    # The job hands the mail to the outbox in batches, then closes the sending.
    announcements_deliver(centre=centre)
    announcements_deliver(centre=centre)
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.SENT
    page.reload()
    page.get_by_role("link", name="Kto dostał komunikat").click()
    check_page(page, label="recipients", phone=True)
    mails = [m.to for m in OutboxMessage.objects.filter(centre=centre, event="announcement_to_organisation")]
    assert all(len(to) == 1 for to in mails)
    assert sorted(to[0] for to in mails) == [
        "gmina@miechow.example",
        "kultura@miechow.example",
        "pomoc@miechow.example",
        "razem@miechow.example",
    ]
    for organisation in (social, culture, both, *shared):
        assert sum(organisation.email.lower() in to for to in mails) == 1
    assert not any(sport.email in to for to in mails)

    # ... and one organisation asks, by the link at the foot of the mail, for no more announcements.
    page.context.clear_cookies()
    mail = OutboxMessage.objects.get(centre=centre, to=["kultura@miechow.example"])
    visit(page, _link(mail.body, "komunikaty/rezygnacja"), label="stop announcements", phone=True)
    page.get_by_role("button", name="Nie wysyłajcie mi komunikatów").click()
    check_page(page, label="announcements stopped")
    expect(page.get_by_role("button", name="Wznów komunikaty na ten adres")).to_be_visible()

    # 2. A visitor subscribes, confirms by the mailed link, changes the settings and unsubscribes.
    page.context.clear_cookies()
    visit(page, "/", label="home")
    page.get_by_role("link", name="Zapisz się na newsletter").first.click()
    check_page(page, label="subscribe form", phone=True)
    page.locator("#id_email").fill("mieszkanka@example.org")
    page.locator('input[name="topics"][value="test.news"]').check()
    page.locator('input[name="topics"][value="test.calls"]').check()
    page.locator('input[name="areas"][value="1"]').check()
    page.wait_for_timeout(3200)  # the spam check refuses a form sent back within three seconds
    page.get_by_role("button", name="Zapisz mnie").click()
    check_page(page, label="check your inbox")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING
    mail = OutboxMessage.objects.get(to=["mieszkanka@example.org"])
    visit(page, _link(mail.body, "potwierdz"), label="confirm")
    page.get_by_role("button", name="Potwierdzam").click()
    check_page(page, label="manage", phone=True)
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    page.locator('input[name="frequency"][value="each"]').check()
    page.get_by_role("button", name="Zapisz ustawienia").click()
    check_page(page, label="manage saved")
    page.get_by_role("link", name="Wypisz mnie z newslettera").click()
    check_page(page, label="unsubscribe")
    page.get_by_role("button", name="Wypisz mnie").click()
    check_page(page, label="unsubscribed", phone=True)
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED and subscriber.frequency == "each"
