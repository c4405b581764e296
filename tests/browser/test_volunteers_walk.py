"""Żory, a volunteer from the profile to the certificate: a person registers as a volunteer (fields, district,
weekends, consent to be shown to hosts), finds the matching offer first on their page and applies; the host (an
organisation's admin) accepts, draws up the agreement (a 20-day one: NNW flagged); the volunteer opens the
agreement PDF and logs hours; the host confirms them; the volunteer downloads the certificate. axe-core checks
every page."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.models import ActivityArea, District
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.volunteers.choices import OfferStatus
from centrum.volunteers.models import Agreement, Application, HoursEntry, Offer
from centrum.volunteers.tests.factories import OfferFactory, host_of

from .helpers import check_page, fetch_file, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(slug="zory", name="Żorskie Centrum Organizacji Pozarządowych", host="zory.localhost")


@pytest.fixture
def people(centre, password):
    organisation = OrganisationFactory(
        centre=centre, name="Stowarzyszenie Żorska Świetlica", email="swietlica@example.org", nip=""
    )
    host_admin = UserFactory(email="prezes@example.org", full_name="Joanna Lewandowska", password=password)
    MembershipFactory(user=host_admin, organisation=organisation, role=MembershipRole.ADMIN)
    volunteer = UserFactory(email="natalia@example.org", full_name="Natalia Wróbel", password=password)
    district = District.objects.create(centre=centre, name="Rowień")
    education = ActivityArea.objects.get(code="14")
    today = warsaw_today()
    host = host_of(organisation)
    matching = OfferFactory(
        centre=centre,
        host=host,
        title="Pomoc w odrabianiu lekcji",
        search_text=" pomoc w odrabianiu lekcji ",
        district=district,
        starts_on=today - timedelta(days=10),
        ends_on=today + timedelta(days=60),
        weekends=True,
    )
    matching.areas.set([education])
    OfferFactory(
        centre=centre,
        host=host,
        title="Porządki w magazynie",
        search_text=" porzadki w magazynie ",
        weekends=False,
        weekdays=True,
    )
    OfferFactory(centre=centre, host=host, title="Zbiórka żywności", status=OfferStatus.DRAFT)
    return {"host_admin": host_admin, "volunteer": volunteer, "district": district, "offer": matching}


def _as(page: Page, email: str, password: str) -> None:
    page.context.clear_cookies()
    login(page, email, password)


def test_zory_volunteer_from_profile_to_certificate(page: Page, people, password):
    today = warsaw_today()

    # 1. A person registers as a volunteer.
    login(page, "natalia@example.org", password)
    visit(page, "/wolontariat/", label="volunteering (public list)", phone=True)
    page.get_by_role("link", name="Zostań wolontariuszem").click()
    check_page(page, label="volunteer profile form", phone=True)
    page.locator("#id_full_name").fill("Natalia Wróbel")
    page.locator("#id_birth_date").fill(today.replace(year=today.year - 22, day=1).isoformat())
    page.get_by_label("14) nauka, szkolnictwo wyższe, edukacja, oświata i wychowanie").check()
    page.locator("#id_district").select_option(label="Rowień")
    page.locator("#id_weekends").check()
    page.locator("#id_visible_to_hosts").check()
    page.get_by_role("button", name="Zapisz profil").click()
    check_page(page, label="my volunteering", phone=True)

    # 2. The matching offer comes first; the volunteer applies.
    first = page.locator("ul.card-list li").first
    expect(first).to_contain_text("Pomoc w odrabianiu lekcji")
    first.get_by_role("link", name="Pomoc w odrabianiu lekcji").click()
    check_page(page, label="offer", phone=True)
    page.locator("#id_message").fill("Studiuję pedagogikę, mam wolne soboty.")
    page.get_by_role("button", name="Zgłaszam się").click()
    check_page(page, label="application")
    application = Application.objects.get()
    assert OutboxMessage.objects.filter(event="applied_to_host", to=["swietlica@example.org"]).exists()

    # 3. The host finishes a draft offer, then accepts the volunteer and draws up the agreement.
    _as(page, "prezes@example.org", password)
    visit(page, "/wolontariat/organizator/", label="host page", phone=True)
    page.get_by_role("link", name="Zbiórka żywności").click()
    check_page(page, label="draft offer (host)")
    page.get_by_role("link", name="Zmień ofertę i dyżury").click()
    check_page(page, label="offer form (edit)", phone=True)
    page.locator("#id_title").fill("Zbiórka żywności przed świętami")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    check_page(page, label="draft offer saved")
    assert Offer.objects.filter(title="Zbiórka żywności przed świętami", status=OfferStatus.DRAFT).exists()
    visit(page, "/wolontariat/organizator/", label="host page again")
    page.get_by_role("link", name="Natalia Wróbel").click()
    check_page(page, label="application (host)")
    page.get_by_role("button", name="Przyjmij").click()
    check_page(page, label="accepted")
    application.refresh_from_db()
    assert application.status == "accepted"
    assert OutboxMessage.objects.filter(event="decision_to_volunteer", to=["natalia@example.org"]).exists()
    page.get_by_role("link", name="Przygotuj porozumienie").click()
    check_page(page, label="agreement form", phone=True)
    page.locator("#id_starts_on").fill((today - timedelta(days=5)).isoformat())
    page.locator("#id_ends_on").fill((today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Zapisz porozumienie").click()
    check_page(page, label="agreement")
    agreement = Agreement.objects.get()
    assert agreement.insurance_flagged
    expect(page.get_by_text("ubezpieczenie NNW").first).to_be_visible()

    # 4. The volunteer gets the agreement and logs hours.
    _as(page, "natalia@example.org", password)
    visit(page, "/wolontariat/moje/", label="my volunteering with an agreement")
    page.get_by_role("link", name=agreement.number).click()
    check_page(page, label="agreement (volunteer)", phone=True)
    pdf = fetch_file(page, page.get_by_role("link", name="Porozumienie (PDF)").get_attribute("href"))
    assert pdf["status"] == 200 and pdf["head"] == "%PDF-"
    page.locator("#id_day").fill((today - timedelta(days=1)).isoformat())
    page.locator("#id_hours").fill("3")
    page.locator("#id_description").fill("Lekcje z matematyki z trójką dzieci")
    page.get_by_role("button", name="Wpisz", exact=True).click()
    check_page(page, label="hours logged")
    assert HoursEntry.objects.get().status == "logged"

    # 5. The host confirms them.
    _as(page, "prezes@example.org", password)
    visit(page, "/wolontariat/organizator/", label="host page with hours to confirm")
    page.get_by_role("link", name="Natalia Wróbel").last.click()
    check_page(page, label="agreement (host)")
    page.get_by_role("button", name="Potwierdź").click()
    check_page(page, label="hours confirmed")
    assert HoursEntry.objects.get().status == "confirmed"

    # 6. The volunteer downloads the certificate.
    _as(page, "natalia@example.org", password)
    visit(page, f"/wolontariat/porozumienia/{agreement.pk}/", label="agreement with confirmed hours")
    certificate = fetch_file(page, page.get_by_role("link", name="Zaświadczenie (PDF)").get_attribute("href"))
    assert certificate["status"] == 200 and certificate["head"] == "%PDF-"
