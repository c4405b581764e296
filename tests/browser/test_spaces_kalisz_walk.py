"""Kalisz, rooms and equipment: a member books the lecture hall for a weekly workshop series, sees one
conflicting date and drops it; staff approve; a second organisation's request for a taken slot waits and
is offered the slot when the first cancels; a projector is lent and returned; the loan agreement PDF
opens. axe-core checks every page (helpers.visit / check_page)."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.choices import BookingKind, BookingStatus, LoanStatus, WaitingStatus
from centrum.spaces.models import Booking, Loan, WaitingListEntry
from centrum.spaces.tests.factories import BookingFactory, EquipmentFactory, RoomFactory, next_open_day, slot

from .helpers import check_page, fetch_file, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def kalisz(centre, staff_member, password):
    hall = RoomFactory(centre=centre, name="Sala wykładowa", capacity=30, min_notice_hours=0)
    RoomFactory(centre=centre, name="Sala warsztatowa nr 1", capacity=15)
    projector = EquipmentFactory(
        centre=centre, name="Rzutnik multimedialny", quantity=1, may_leave_building=True
    )
    first = OrganisationFactory(centre=centre, name="Stowarzyszenie Rękodzieła Kaliskiego", nip="", regon="")
    second = OrganisationFactory(centre=centre, name="Fundacja Kaliski Senior", nip="", regon="")
    member = UserFactory(email="rekodzielo@example.org", full_name="Maria Rękodzielna", password=password)
    MembershipFactory(user=member, organisation=first, role=MembershipRole.ADMIN)
    other = UserFactory(email="senior@example.org", full_name="Jan Senior", password=password)
    MembershipFactory(user=other, organisation=second, role=MembershipRole.ADMIN)
    day = next_open_day(weekday=2, weeks=4)  # a weekly series of four, none on a public holiday
    council = slot(day + timedelta(weeks=2), 16, 18)  # the Council's meeting takes the third week
    BookingFactory(
        room=hall,
        kind=BookingKind.CENTRE,
        organisation=None,
        title="Posiedzenie Rady Seniorów",
        starts_at=council[0],
        ends_at=council[1],
        status=BookingStatus.APPROVED,
    )
    return {
        "hall": hall,
        "projector": projector,
        "first": first,
        "second": second,
        "member": member,
        "other": other,
        "day": day,
    }


def _fill_booking(page: Page, data, *, organisation, recurrence="once", count=""):
    page.locator("#id_organisation").select_option(label=organisation.name)
    page.locator("#id_room").select_option(label="Sala wykładowa")
    page.locator("#id_day").fill(data["day"].isoformat())
    page.locator("#id_start_time").fill("17:00")
    page.locator("#id_end_time").fill("19:00")
    page.locator("#id_recurrence").select_option(recurrence)
    if count:
        page.locator("#id_count").fill(count)
    page.locator("#id_title").fill("Warsztaty rękodzieła")
    page.locator("#id_purpose").fill("Warsztaty dla seniorów – zadanie statutowe")
    page.locator("#id_attendees").fill("18")


def _switch_user(page: Page, email: str, password: str):
    page.context.clear_cookies()
    login(page, email, password)


def test_kalisz_rooms_walk(page: Page, kalisz, staff_member, password):
    data = kalisz
    # 1. A member books the lecture hall for a weekly series; one date collides and is dropped.
    login(page, data["member"].email, password)
    visit(page, "/sale/")
    page.get_by_role("link", name="Sala wykładowa").click()
    check_page(page, label="room detail")
    page.get_by_role("link", name="Zarezerwuj tę salę").click()
    check_page(page, label="booking form")
    _fill_booking(page, {"day": data["day"]}, organisation=data["first"], recurrence="weekly", count="4")
    # The series starts at 17:00, the Council meets 16:00–18:00 in week three.
    page.get_by_role("button", name="Sprawdź terminy").click()
    check_page(page, label="booking preview")
    expect(page.get_by_text("Termin zajęty.")).to_have_count(1)
    conflict_day = data["day"] + timedelta(weeks=2)
    expect(page.locator(f"input[name=skip_dates][value='{conflict_day.isoformat()}']")).to_be_checked()
    page.get_by_role("button", name="Wyślij wniosek").click()
    check_page(page, label="booking detail")
    expect(page.get_by_text("czeka na akceptację")).to_be_visible()
    series = Booking.objects.filter(organisation=data["first"]).order_by("starts_at")
    assert series.count() == 3

    # 2. Staff approve the whole series from the queue.
    _switch_user(page, staff_member.email, password)
    visit(page, "/sale/kolejka/")
    page.get_by_role("button", name="Zatwierdź cały cykl").first.click()
    check_page(page, label="queue after approval")
    assert set(series.values_list("status", flat=True)) == {BookingStatus.APPROVED}
    visit(page, f"/sale/planer/?day={data['day'].isoformat()}&view=week")

    # 3. A second organisation asks for the first workshop's slot: it waits.
    _switch_user(page, data["other"].email, password)
    visit(page, "/sale/rezerwuj/")
    _fill_booking(page, {"day": data["day"]}, organisation=data["second"])
    page.get_by_role("button", name="Sprawdź terminy").click()
    check_page(page, label="single conflict")
    page.get_by_role("button", name="Zapisz na listę oczekujących").click()
    check_page(page, label="my bookings with waiting entry")
    entry = WaitingListEntry.objects.get(organisation=data["second"])
    assert entry.status == WaitingStatus.WAITING

    # 4. The first organisation cancels that one workshop; the slot is offered to the second.
    _switch_user(page, data["member"].email, password)
    visit(page, "/sale/moje/")
    page.get_by_role(
        "link", name=series.first().starts_at.astimezone().strftime("%H:%M"), exact=False
    ).first.click()
    check_page(page, label="booking to cancel")
    page.get_by_label("tylko ten termin").check()
    page.get_by_role("button", name="Anuluj rezerwację").click()
    check_page(page, label="cancelled")
    entry.refresh_from_db()
    assert entry.status == WaitingStatus.OFFERED

    _switch_user(page, data["other"].email, password)
    visit(page, "/sale/moje/")
    page.get_by_role("link", name="odpowiedz na propozycję").click()
    check_page(page, label="offer")
    page.get_by_role("button", name="Przyjmij termin").click()
    check_page(page, label="offer accepted")
    entry.refresh_from_db()
    assert entry.status == WaitingStatus.ACCEPTED

    # 5. A projector is lent out and returned; the agreement PDF opens.
    _switch_user(page, staff_member.email, password)
    visit(page, "/sale/wypozyczenia/nowe/")
    page.locator("#id_organisation").select_option(label=data["first"].name)
    from centrum.core.calendar import warsaw_today

    page.locator("#id_starts_on").fill(warsaw_today().isoformat())
    page.locator("#id_due_on").fill((warsaw_today() + timedelta(days=3)).isoformat())
    page.locator("#id_purpose").fill("Pokaz filmów na pikniku")
    page.locator(f"#id_equipment_{data['projector'].pk}").fill("1")
    page.get_by_role("button", name="Wyślij wniosek").click()
    check_page(page, label="loan detail")
    page.get_by_role("button", name="Zatwierdź").click()
    check_page(page, label="loan approved")
    href = page.get_by_role("link", name="Umowa użyczenia (PDF)").get_attribute("href")
    pdf = fetch_file(page, href)
    assert (
        pdf["status"] == 200
        and pdf["type"] == "application/pdf"
        and pdf["head"] == "%PDF-"
        and pdf["size"] > 5000
    )
    page.locator("#id_handover-person").fill("Maria Rękodzielna")
    page.get_by_role("button", name="Zapisz wydanie").click()
    check_page(page, label="handed over")
    page.locator("#id_return-person").fill("Maria Rękodzielna")
    page.get_by_role("button", name="Zapisz zwrot").click()
    check_page(page, label="returned")
    assert Loan.objects.get().status == LoanStatus.RETURNED


def _png(colour: tuple[int, int, int]) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_kalisz_free_slots_photos_and_dashboard_walk(page: Page, kalisz, staff_member, password):
    """Someone without an account finds a free slot for 20 people with a projector and, after signing in,
    lands on the booking form filled in; staff see the dashboard card, add two described photos to the
    lecture hall, put the second first, and the public room page shows them with their descriptions."""
    from centrum.spaces.models import RoomPhoto

    data = kalisz
    day = data["day"] + timedelta(weeks=2)  # the Council's day: 16:00–18:00 is taken
    # 1. Free-slot search, on a phone too.
    visit(page, "/sale/")
    page.get_by_role("link", name="Znajdź wolny termin", exact=True).click()
    check_page(page, label="free slots (default search)", phone=True)
    page.locator("#id_first").fill(day.isoformat())
    page.locator("#id_last").fill(day.isoformat())
    page.locator("#id_minutes").select_option("120")
    page.locator("#id_capacity").fill("20")
    page.get_by_label("rzutnik multimedialny").check()
    page.get_by_role("button", name="Szukaj wolnych terminów").click()
    check_page(page, label="free slots (search)", phone=True)
    results = page.locator(".room-result")
    expect(results).to_have_count(1)
    expect(results.get_by_role("heading", name="Sala wykładowa")).to_be_visible()
    expect(results).to_contain_text("08:00–16:00")
    expect(results).to_contain_text("18:00–21:00")
    results.get_by_role("link", name="zarezerwuj 18:00–20:00", exact=False).click()

    # 2. Sign in on the way; the booking form comes back filled in.
    assert "/konto/login/" in page.url
    check_page(page, label="login from free slots")
    page.locator("input[name=login]").fill(data["member"].email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form").filter(has=page.locator("input[name=password]")).locator(
        "button[type=submit]"
    ).first.click()
    page.wait_for_load_state("load")
    check_page(page, label="booking form from a free slot")
    expect(page.locator("#id_room")).to_have_value(str(data["hall"].pk))
    expect(page.locator("#id_day")).to_have_value(day.isoformat())
    expect(page.locator("#id_start_time")).to_have_value("18:00")
    expect(page.locator("#id_end_time")).to_have_value("20:00")

    # 3. Staff: the dashboard card, then the hall's photos.
    _switch_user(page, staff_member.email, password)
    visit(page, "/panel/", label="staff dashboard", phone=True)
    expect(page.get_by_role("heading", name="Rezerwacje do zatwierdzenia")).to_be_visible()
    page.get_by_role("link", name="Wnioski o sale").click()
    check_page(page, label="queue from the dashboard")
    visit(page, "/sale/zarzadzanie/")
    page.get_by_role("link", name="zdjęcia sali Sala wykładowa").click()
    check_page(page, label="room photos (empty)", phone=True)
    page.get_by_role("button", name="Dodaj zdjęcie").click()  # nothing chosen: clear messages, nothing stored
    check_page(page, label="room photos (errors)")
    # The message next to the field, and in the error summary, which has the focus.
    expect(page.locator("#id_new-image_error")).to_have_text("Wybierz plik ze zdjęciem.")
    expect(page.locator("[data-error-summary]")).to_be_focused()
    expect(page.locator("[data-error-summary] a[href='#id_new-image']")).to_contain_text(
        "Wybierz plik ze zdjęciem."
    )
    assert not RoomPhoto.objects.exists()
    for name, colour, text in [
        ("sala.png", (200, 120, 40), "Sala wykładowa: 30 krzeseł w rzędach, ekran i rzutnik"),
        ("wejscie.png", (40, 120, 200), "Wejście do sali bez progu, szerokie drzwi"),
    ]:
        page.locator("#id_new-image").set_input_files(
            {"name": name, "mimeType": "image/png", "buffer": _png(colour)}
        )
        page.locator("#id_new-alt_text").fill(text)
        page.get_by_role("button", name="Dodaj zdjęcie").click()
        check_page(page, label=f"room photos after {name}")
        expect(page.get_by_text("Zdjęcie dodane.")).to_be_visible()
    page.get_by_role("button", name="Przesuń wcześniej – zdjęcie 2").click()
    check_page(page, label="room photos reordered", phone=True)
    assert list(RoomPhoto.objects.order_by("position").values_list("alt_text", flat=True)) == [
        "Wejście do sali bez progu, szerokie drzwi",
        "Sala wykładowa: 30 krzeseł w rzędach, ekran i rzutnik",
    ]
    page.get_by_role("link", name="Strona sali").click()
    check_page(page, label="room page with photos", phone=True)
    expect(page.get_by_role("img", name="Wejście do sali bez progu, szerokie drzwi")).to_have_count(1)
    expect(
        page.get_by_role("img", name="Sala wykładowa: 30 krzeseł w rzędach, ekran i rzutnik")
    ).to_have_count(1)


def test_kalisz_plain_actions_walk(page: Page, kalisz, staff_member, password):
    """The shared action buttons: a member withdraws from the waiting list; staff record that nobody came
    to a past booking and revoke an invitation to the team."""
    from django.utils import timezone

    from centrum.accounts.models import CentreRoleInvitation, InvitationStatus

    data = kalisz
    start, end = slot(data["day"], 9, 10)
    entry = WaitingListEntry.objects.create(
        centre=data["hall"].centre,
        room=data["hall"],
        organisation=data["first"],
        requested_by=data["member"],
        starts_at=start,
        ends_at=end,
        title="Próba",
    )
    past_start = timezone.now() - timedelta(hours=3)
    past = BookingFactory(
        room=data["hall"],
        organisation=data["first"],
        requested_by=data["member"],
        starts_at=past_start,
        ends_at=past_start + timedelta(hours=1),
        status=BookingStatus.APPROVED,
    )
    # 1. The member withdraws the waiting-list entry from "my bookings".
    login(page, data["member"].email, password)
    visit(page, "/sale/moje/")
    page.get_by_role("button", name="Wycofaj").click()
    check_page(page, label="waiting entry withdrawn")
    entry.refresh_from_db()
    assert entry.status == WaitingStatus.WITHDRAWN
    # 2. Staff: nobody came to the past booking.
    _switch_user(page, staff_member.email, password)
    visit(page, f"/sale/rezerwacje/{past.pk}/")
    page.get_by_role("button", name="Nikt nie przyszedł").click()
    check_page(page, label="no-show recorded")
    past.refresh_from_db()
    assert past.attendance == "no_show"
    expect(page.get_by_role("button", name="Spotkanie się odbyło")).to_be_visible()
    # 3. Staff invite a newcomer to the team, then revoke the invitation.
    visit(page, "/moje/zespol/")
    page.get_by_label("E-mail osoby").fill("nowa.osoba@example.org")
    page.get_by_role("button", name="Nadaj rolę").click()
    check_page(page, label="team with invitation")
    page.get_by_role("button", name="Cofnij zaproszenie", exact=False).click()
    check_page(page, label="invitation revoked")
    assert CentreRoleInvitation.objects.get().status == InvitationStatus.REVOKED
