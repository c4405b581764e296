"""Miechów, trainings: a member registers for a full training and waits; the person holding the seat
cancels by the e-mailed link and the member is promoted and told; staff mark attendance; the member
downloads the certificate. Bad input on the way: a double registration, registration after the window,
a certificate before attending, a forged cancellation link — each refused clearly, nothing stored.
axe-core checks every page."""

import base64
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.trainings.models import Registration, Session, Training
from centrum.trainings.services.notify import cancel_token

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="miechow", name="Starostwo Powiatowe w Miechowie – NGO", host="miechow.localhost"
    )


@pytest.fixture
def miechow(centre, password):
    organisation = OrganisationFactory(
        centre=centre, name="Stowarzyszenie Przyjaciół Ziemi Miechowskiej", nip="", regon=""
    )
    member = UserFactory(email="czlonek@example.org", full_name="Maria Członek", password=password)
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
    now = timezone.now()
    training = Training.objects.create(
        centre=centre,
        title="Oferta realizacji zadania publicznego",
        kind="workshop",
        trainer="Anna Nowak",
        capacity=1,
        status="published",
        # Late registration is open until noon: the workshop runs today from an hour ago.
        registration_closes_at=now + timedelta(hours=2),
    )
    Session.objects.create(
        centre=centre,
        training=training,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=3),
        place_kind="elsewhere",
        address="Starostwo Powiatowe, ul. Racławicka 12, Miechów",
    )
    holder = Registration.objects.create(
        centre=centre, training=training, name="Jan Zajęty", email="jan@example.org"
    )
    closed = Training.objects.create(
        centre=centre,
        title="Sprawozdanie z zadania publicznego",
        capacity=10,
        status="published",
        registration_closes_at=now - timedelta(days=1),
    )
    Session.objects.create(
        centre=centre,
        training=closed,
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=2),
        place_kind="online",
        online_url="https://meet.example.org/x",
    )
    return {
        "organisation": organisation,
        "member": member,
        "training": training,
        "holder": holder,
        "closed": closed,
    }


def test_miechow_training_walk(page: Page, miechow, staff_member, password):
    data, training = miechow, miechow["training"]
    # 1. The member finds the full workshop and joins the waiting list for the organisation.
    login(page, data["member"].email, password)
    visit(page, "/szkolenia/", label="calendar")
    page.get_by_role("link", name=training.title).click()
    check_page(page, label="training", phone=True)
    page.get_by_role("link", name="Zapisz się na listę oczekujących").click()
    check_page(page, label="registration form")
    page.get_by_label("W imieniu organizacji").select_option(label=data["organisation"].name)
    page.get_by_label("Potrzeby dostępności").fill("Pętla indukcyjna")
    page.get_by_role("button", name="Zapisz się na listę oczekujących").click()
    check_page(page, label="registration waiting")
    expect(page.get_by_text("Jesteś na liście oczekujących", exact=False).first).to_be_visible()
    mine = Registration.objects.get(user=data["member"])
    assert mine.status == "waiting" and mine.organisation == data["organisation"]

    # Bad input: registering twice is refused, nothing stored.
    visit(page, f"/szkolenia/{training.pk}/zapisy/")
    page.get_by_role("button", name="Zapisz się na listę oczekujących").click()
    check_page(page, label="double registration")
    expect(page.get_by_text("już zapisana", exact=False).first).to_be_visible()
    assert Registration.objects.filter(training=training).count() == 2

    # Bad input: registration after the window.
    visit(page, f"/szkolenia/{data['closed'].pk}/zapisy/", label="closed registration")
    expect(page.get_by_text("Zapisy na to wydarzenie już się zakończyły.").first).to_be_visible()

    # Bad input: no certificate before attending.
    visit(
        page,
        f"/szkolenia/zgloszenia/{mine.pk}/zaswiadczenie.pdf",
        expect_status=403,
        label="certificate refused",
    )
    expect(page.get_by_text("Zaświadczenie dostają tylko osoby z potwierdzonym miejscem.")).to_be_visible()

    # 2. A forged cancellation link changes nothing; the holder's real link frees the seat.
    page.context.clear_cookies()
    visit(page, "/szkolenia/rezygnacja/sfalszowany-link/", expect_status=400, label="forged link")
    expect(page.get_by_text("Ten link jest nieprawidłowy.")).to_be_visible()
    assert Registration.objects.get(pk=data["holder"].pk).status == "confirmed"
    visit(page, f"/szkolenia/rezygnacja/{cancel_token(data['holder'])}/", label="cancel link")
    page.get_by_role("button", name="Tak, rezygnuję").click()
    check_page(page, label="after cancelling")
    mine.refresh_from_db()
    assert mine.status == "confirmed"
    promoted = OutboxMessage.objects.get(event="registration_promoted_to_person")
    assert promoted.to == [data["member"].email]

    # 3. Staff mark attendance for today's session.
    login(page, staff_member.email, password)
    visit(page, f"/szkolenia/{training.pk}/")
    page.get_by_role("link", name="Uczestnicy, obecność i stoiska").click()
    check_page(page, label="participants")
    page.get_by_role("link", name="zaznacz obecność").first.click()
    check_page(page, label="attendance")
    page.get_by_label("Maria Członek").check()
    page.get_by_role("button", name="Zapisz obecność").click()
    check_page(page, label="attendance saved")
    assert mine.attendance.get().present

    # 4. The member downloads the certificate.
    page.context.clear_cookies()
    login(page, data["member"].email, password)
    visit(page, "/szkolenia/moje/", label="my registrations")
    page.get_by_role("link", name=training.title).click()
    check_page(page, label="registration confirmed")
    href = page.get_by_role("link", name="Pobierz zaświadczenie (PDF)").get_attribute("href")
    # Fetched by the browser itself (Chromium resolves *.localhost; Playwright's request client does not).
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
    content = base64.b64decode(pdf["body"])
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    assert "ZAŚWIADCZENIE O UDZIALE" in text and "Maria Członek" in text
