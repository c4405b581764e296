"""Mysłowice, advice: a founder books Monday's 11:00 first-contact slot (anonymously, with the intake
form), the adviser logs the meeting and refers the founder on to the legal specialist, whose link shows the
specialist's slots. Bad input on the way: a slot taken, a slot in the past, a forged cancellation link,
overlapping office hours — each refused clearly, nothing stored. axe-core checks every page."""

from datetime import time, timedelta

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.advice.choices import AppointmentStatus
from centrum.advice.models import AdviceDomain, AdviceEntry, Appointment, OfficeHours, Referral
from centrum.advice.services import domains_ensure_defaults
from centrum.advice.tests.factories import AdviserFactory, monday_slot
from centrum.core.calendar import WARSAW
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="myslowice", name="Centrum Aktywności Lokalnej w Mysłowicach", host="myslowice.localhost"
    )


@pytest.fixture
def myslowice(centre, password):
    domains_ensure_defaults(centre=centre)
    people = {}
    for key, name in (("doradca", "Jacek Piotrowski"), ("prawnik", "Aleksandra Sikora")):
        user = UserFactory(email=f"{key}@myslowice.example.org", full_name=name, password=password)
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.ADVISER)
        people[key] = user
    first_contact = AdviserFactory(centre=centre, user=people["doradca"], title="Porady I kontaktu")
    lawyer = AdviserFactory(
        centre=centre, user=people["prawnik"], first_contact=False, hours=[(2, time(15), time(18))]
    )
    lawyer.domains.set(AdviceDomain.objects.filter(centre=centre, name="prawo"))
    return {"first_contact": first_contact, "lawyer": lawyer}


def _key(moment) -> str:
    return moment.astimezone(WARSAW).strftime("%Y-%m-%dT%H:%M")


def _fill_intake(page: Page):
    page.locator("#id_domain").select_option(label="sprawy organizacyjne")
    page.locator("#id_topic").fill("Zakładanie stowarzyszenia")
    page.locator("#id_question").fill("Jak zarejestrować stowarzyszenie zwykłe?")
    page.locator("#id_founding").check()
    page.locator("#id_name").fill("Karolina Założycielka")
    page.locator("#id_email").fill("karolina@example.org")
    page.locator("#id_accessibility_needs").fill("Wejście bez schodów")


def test_myslowice_advice_walk(page: Page, myslowice, staff_member, password):
    first_contact, lawyer = myslowice["first_contact"], myslowice["lawyer"]
    start, _end = monday_slot(11, weeks_ahead=0)

    # 1. A founder, not signed in, picks Monday's 11:00 slot and fills the intake form.
    visit(page, "/doradztwo/", label="advice index", phone=True)
    page.locator(f"a[href*='/doradztwo/doradcy/{first_contact.pk}/umow/{_key(start)}/']").click()
    check_page(page, label="intake form", phone=True)
    _fill_intake(page)
    page.get_by_role("button", name="Umów poradę").click()
    check_page(page, label="booked")
    expect(page.get_by_text("Porada umówiona.")).to_be_visible()
    appointment = Appointment.objects.get()
    assert (appointment.starts_at, appointment.founding) == (start, True)
    mail = OutboxMessage.objects.get(to=["karolina@example.org"])
    assert mail.attachments[0]["filename"] == "porada.ics"
    manage_url = page.url

    # 2. The same slot again: taken, told, nothing stored.
    visit(page, f"/doradztwo/doradcy/{first_contact.pk}/umow/{_key(start)}/", label="same slot")
    _fill_intake(page)
    page.get_by_role("button", name="Umów poradę").click()
    check_page(page, label="slot taken")
    expect(page.get_by_text("Ktoś właśnie zajął ten termin").first).to_be_visible()
    # A slot in the past (last Monday): refused.
    past = start - timedelta(weeks=1)
    visit(page, f"/doradztwo/doradcy/{first_contact.pk}/umow/{_key(past)}/", label="past slot")
    _fill_intake(page)
    page.get_by_role("button", name="Umów poradę").click()
    check_page(page, label="past slot refused")
    expect(page.get_by_text("Ten termin już minął").first).to_be_visible()
    # A forged cancellation link: refused, the appointment stays booked.
    visit(page, manage_url[:-4] + "xyz/", expect_status=400, label="forged link")
    expect(page.get_by_text("Ten link jest nieprawidłowy.")).to_be_visible()
    assert Appointment.objects.count() == 1
    assert Appointment.objects.get().status == AppointmentStatus.BOOKED

    # 3. The adviser opens the meeting from the panel, logs it and refers the founder to the lawyer.
    login(page, first_contact.user.email, password)
    visit(page, "/doradztwo/panel/", label="adviser desk")
    page.get_by_role("link", name="Umówione porady").click()
    check_page(page, label="appointments")
    page.locator(f"a[href='/doradztwo/porady/{appointment.pk}/']").click()
    check_page(page, label="appointment")
    page.locator("#id_duration_minutes").fill("55")
    page.locator("#id_outcome").fill("Omówiono statut i wniosek do ewidencji starosty.")
    page.locator("#id_confidential_notes").fill("Potrzebna opinia prawnika co do statutu.")
    page.get_by_role("button", name="Zapisz w dzienniku").click()
    check_page(page, label="logged")
    expect(page.get_by_text("Porada zapisana w dzienniku.")).to_be_visible()
    entry = AdviceEntry.objects.get()
    assert entry.duration_minutes == 55 and entry.appointment.status == AppointmentStatus.DONE
    page.locator("#id_adviser").select_option(label="Aleksandra Sikora")
    page.locator("#id_note").fill("Proszę zabrać projekt statutu.")
    page.get_by_role("button", name="Skieruj").click()
    check_page(page, label="referred")
    referral = Referral.objects.get()
    assert referral.adviser == lawyer
    referral_mail = OutboxMessage.objects.get(event="referral_to_person")

    # Overlapping office hours for the adviser: refused, nothing stored.
    visit(page, f"/doradztwo/zespol/{first_contact.pk}/dyzury/", label="office hours")
    page.locator("#id_weekday").select_option("0")
    page.locator("#id_starts_at").fill("16:00")
    page.locator("#id_ends_at").fill("18:00")
    page.locator("#id_valid_from").fill(start.date().isoformat())
    page.get_by_role("button", name="Dodaj dyżur").click()
    check_page(page, label="overlap refused")
    expect(page.get_by_text("nakłada się na inny dyżur").first).to_be_visible()
    assert OfficeHours.objects.filter(adviser=first_contact).count() == 1

    # 4. The founder follows the referral link: the lawyer's slots only.
    page.context.clear_cookies()
    link = next(line for line in referral_mail.body.splitlines() if "skierowanie=" in line)
    visit(page, link[link.index("/doradztwo/") :], label="referral link")
    expect(page.get_by_text("Skierowanie do specjalisty: Aleksandra Sikora")).to_be_visible()
    assert page.locator(f"a[href*='/doradztwo/doradcy/{lawyer.pk}/umow/']").count() > 0
    assert page.locator(f"a[href*='/doradztwo/doradcy/{first_contact.pk}/umow/']").count() == 0
