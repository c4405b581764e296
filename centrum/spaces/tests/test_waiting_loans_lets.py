"""Waiting list and offers, loans with handover/return and the agreement PDF, lets, jobs and feeds."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from centrum.core.audit_display import display_date
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreHost, OutboxMessage
from centrum.spaces.agreements import loan_agreement_pdf
from centrum.spaces.choices import BookingStatus, EquipmentCondition, LetStatus, LoanStatus, WaitingStatus
from centrum.spaces.models import Booking, EquipmentItem, Loan, WaitingListEntry
from centrum.spaces.services import (
    booking_cancel,
    booking_request,
    bookings_remind,
    let_create,
    let_end,
    loan_approve,
    loan_hand_over,
    loan_request,
    loan_return,
    loans_overdue_notify,
    offer_accept,
    offers_expire,
    organisation_feed_token,
    waiting_list_join,
)

from .factories import BookingFactory, EquipmentFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _book(room, user, organisation, start, end):
    return booking_request(
        room=room,
        actor=user,
        organisation=organisation,
        starts_at=start,
        ends_at=end,
        title="Spotkanie",
        purpose="Działalność statutowa",
        attendees=10,
    )


def _wait(room, user, organisation, start, end):
    return waiting_list_join(
        room=room,
        actor=user,
        organisation=organisation,
        starts_at=start,
        ends_at=end,
        title="Próba chóru",
        purpose="Działalność statutowa",
        attendees=15,
    )


def test_waiting_list_gets_the_freed_slot_and_can_accept(
    room, org_member, organisation, second_member, second_organisation
):
    start, end = slot(next_open_day(), 17, 19)
    (first,) = _book(room, org_member, organisation, start, end)
    entry = _wait(room, second_member, second_organisation, start, end)
    assert entry.status == WaitingStatus.WAITING
    booking_cancel(booking=first, actor=org_member)
    entry.refresh_from_db()
    assert entry.status == WaitingStatus.OFFERED
    offered = entry.offered_booking
    assert offered.status == BookingStatus.OFFERED and offered.organisation == second_organisation
    assert (
        OutboxMessage.objects.filter(event="waiting_offer_to_organisation", to__icontains="senior").exists()
        or OutboxMessage.objects.filter(event="waiting_offer_to_organisation").exists()
    )
    with pytest.raises(ApplicationError, match="zaj"):  # the offer holds the slot
        _book(room, org_member, organisation, start, end)
    offer_accept(booking=offered, actor=second_member)
    offered.refresh_from_db()
    assert offered.status == BookingStatus.PENDING
    entry.refresh_from_db()
    assert entry.status == WaitingStatus.ACCEPTED


def test_expired_offer_goes_to_the_next_in_line(
    room, org_member, organisation, second_member, second_organisation, centre
):
    from centrum.accounts.models import MembershipRole
    from centrum.accounts.tests.factories import MembershipFactory, UserFactory

    from .conftest import make_organisation

    third_org = make_organisation(centre, "Klub Seniora Złota Jesień")
    third = UserFactory(email="trzeci@example.org")
    MembershipFactory(user=third, organisation=third_org, role=MembershipRole.ADMIN)
    start, end = slot(next_open_day(), 17, 19)
    (first,) = _book(room, org_member, organisation, start, end)
    _wait(room, second_member, second_organisation, start, end)
    third_entry = _wait(room, third, third_org, start, end)
    booking_cancel(booking=first, actor=org_member)
    assert offers_expire(now=timezone.now() + timedelta(hours=25)) == 1
    third_entry.refresh_from_db()
    assert third_entry.status == WaitingStatus.OFFERED
    assert WaitingListEntry.objects.filter(status=WaitingStatus.EXPIRED).count() == 1


def test_joining_the_waiting_list_for_a_free_slot_is_refused(room, org_member, organisation):
    start, end = slot(next_open_day(), 17, 19)
    with pytest.raises(ApplicationError, match="wolny"):
        _wait(room, org_member, organisation, start, end)
    assert not WaitingListEntry.objects.exists()


def test_reminder_the_day_before_is_sent_once(room, organisation, org_member):
    start = timezone.now() + timedelta(hours=20)
    BookingFactory(
        room=room,
        organisation=organisation,
        requested_by=org_member,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    assert bookings_remind() == 1
    assert bookings_remind() == 0
    assert OutboxMessage.objects.filter(event="reminder_to_organisation").count() == 1


def _loan(centre, user, organisation, item, quantity=1, days=3, starts_in=0):
    start = warsaw_today() + timedelta(days=starts_in)
    return loan_request(
        centre=centre,
        actor=user,
        organisation=organisation,
        purpose="Piknik sąsiedzki – pokaz filmów",
        starts_on=start,
        due_on=start + timedelta(days=days - 1),
        items={item: quantity},
    )


def test_loan_lifecycle_with_handover_return_and_damage(
    centre, org_member, organisation, staff_user, projector
):
    loan = _loan(centre, org_member, organisation, projector)
    assert loan.number.startswith("UŻ/")
    loan_approve(loan=loan, actor=staff_user)
    loan_hand_over(
        loan=loan, actor=staff_user, received_by_name="Marek Członek", condition=EquipmentCondition.GOOD
    )
    loan_return(
        loan=loan,
        actor=staff_user,
        returned_by_name="Marek Członek",
        condition=EquipmentCondition.DAMAGED,
        notes="pęknięta obudowa",
    )
    loan.refresh_from_db()
    assert loan.status == LoanStatus.RETURNED and loan.return_notes == "pęknięta obudowa"
    assert EquipmentItem.objects.get(pk=projector.pk).condition == EquipmentCondition.DAMAGED


def test_loan_refusals(centre, org_member, organisation, second_member, second_organisation, projector):
    fixed = EquipmentFactory(centre=centre, name="Kserokopiarka", may_leave_building=False)
    with pytest.raises(ApplicationError, match="nie może opuszczać budynku"):
        _loan(centre, org_member, organisation, fixed)
    with pytest.raises(ApplicationError, match="ma 1 szt."):
        _loan(centre, org_member, organisation, projector, quantity=2)
    with pytest.raises(ApplicationError, match="najwyżej na 14 dni"):
        _loan(centre, org_member, organisation, projector, days=20)
    _loan(centre, org_member, organisation, projector)
    with pytest.raises(ApplicationError, match="wolnych jest 0"):
        _loan(centre, second_member, second_organisation, projector)
    assert Loan.objects.count() == 1


def test_loan_blocks_the_equipment_for_room_bookings(centre, room, org_member, organisation, projector):
    _loan(centre, org_member, organisation, projector)
    day = warsaw_today() + timedelta(days=1)
    with pytest.raises(ApplicationError, match="Rzutnik"):
        booking_request(
            room=room,
            actor=org_member,
            organisation=organisation,
            starts_at=slot(day, 20, 21)[0],
            ends_at=slot(day, 20, 21)[1],
            title="x",
            purpose="y",
            attendees=3,
            equipment={projector: 1},
        )


@pytest.mark.parametrize("starts_in", [1, 14])
def test_handover_before_the_first_day_is_refused(
    centre, org_member, organisation, staff_user, projector, starts_in
):
    loan = _loan(centre, org_member, organisation, projector, starts_in=starts_in)
    loan_approve(loan=loan, actor=staff_user)
    with pytest.raises(ApplicationError, match="można wydać najwcześniej") as info:
        loan_hand_over(
            loan=loan, actor=staff_user, received_by_name="Marek", condition=EquipmentCondition.GOOD
        )
    assert "w pierwszym dniu wypożyczenia" in info.value.message
    loan.refresh_from_db()
    assert loan.status == LoanStatus.APPROVED and loan.handed_over_at is None
    assert not AuditEntry.objects.filter(action="loan.hand_over").exists()


def test_overdue_loans_are_reminded(centre, org_member, organisation, staff_user, projector):
    loan = _loan(centre, org_member, organisation, projector)
    loan_approve(loan=loan, actor=staff_user)
    loan_hand_over(loan=loan, actor=staff_user, received_by_name="Marek", condition=EquipmentCondition.GOOD)
    later = timezone.now() + timedelta(days=6)
    assert loans_overdue_notify(now=later) == 1
    assert loans_overdue_notify(now=later + timedelta(hours=1)) == 0
    assert OutboxMessage.objects.filter(event="loan_overdue_to_organisation").count() == 1


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
def test_loan_agreement_pdf_opens_and_is_in_polish(
    centre, org_member, organisation, staff_user, projector, tmp_path
):
    loan = _loan(centre, org_member, organisation, projector)
    loan_approve(loan=loan, actor=staff_user)
    pdf = loan_agreement_pdf(loan=Loan.objects.get(pk=loan.pk))
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "umowa.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for phrase in (
        "UMOWA UŻYCZENIA SPRZĘTU",
        "Użyczający",
        "Biorący",
        "Rzutnik multimedialny",
        organisation.name,
        "Kodeksu cywilnego",
        "Protokół wydania i zwrotu",
    ):
        assert phrase in text, phrase


def _let(room, staff_user, organisation, *, days: int):
    """A let from today for `days` days."""
    return let_create(
        room=room,
        actor=staff_user,
        organisation=organisation,
        starts_on=warsaw_today(),
        ends_on=warsaw_today() + timedelta(days=days),
        agreement_number="ZCOP/1/2026",
    )


def test_let_takes_the_room_out_of_the_pool_and_ending_returns_it(room, staff_user, organisation, org_member):
    let = _let(room, staff_user, organisation, days=365)
    day = next_open_day(weeks_ahead=2)
    with pytest.raises(ApplicationError, match="zaj"):
        booking_request(
            room=room,
            actor=org_member,
            organisation=organisation,
            starts_at=slot(day, 10, 12)[0],
            ends_at=slot(day, 10, 12)[1],
            title="x",
            purpose="y",
            attendees=2,
        )
    let_end(let=let, actor=staff_user, ends_on=warsaw_today() + timedelta(days=1))
    let.refresh_from_db()
    assert let.status == LetStatus.ENDED
    assert booking_request(
        room=room,
        actor=org_member,
        organisation=organisation,
        starts_at=slot(day, 10, 12)[0],
        ends_at=slot(day, 10, 12)[1],
        title="x",
        purpose="y",
        attendees=2,
    )


def test_let_over_existing_bookings_is_refused(room, staff_user, organisation):
    BookingFactory(room=room)
    with pytest.raises(ApplicationError, match="ma już rezerwacje"):
        let_create(
            room=room,
            actor=staff_user,
            organisation=organisation,
            starts_on=warsaw_today(),
            ends_on=warsaw_today() + timedelta(days=60),
        )
    assert not Booking.objects.filter(kind="let").exists()


def test_let_over_another_let_names_that_let(room, staff_user, organisation, second_organisation):
    start = warsaw_today() + timedelta(days=1)
    let_create(
        room=room,
        actor=staff_user,
        organisation=second_organisation,
        starts_on=start,
        ends_on=start + timedelta(days=30),
    )
    with pytest.raises(ApplicationError) as info:
        let_create(
            room=room,
            actor=staff_user,
            organisation=organisation,
            starts_on=start + timedelta(days=10),
            ends_on=start + timedelta(days=60),
        )
    message = info.value.message
    assert second_organisation.name in message
    # Dates as the pages show them (the active language's DATE_FORMAT).
    assert f"{display_date(start)} – {display_date(start + timedelta(days=30))}" in message
    assert "00:00" not in message
    assert Booking.objects.filter(kind="let").count() == 1


def test_room_ics_parses_and_has_no_personal_data(anon, room, organisation):
    BookingFactory(
        room=room, organisation=organisation, title="Tajne spotkanie zarządu", contact_name="Jan Kowalski"
    )
    response = anon.get(f"/sale/{room.pk}/kalendarz.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    body = response.content.decode()
    assert "Tajne" not in body and "Kowalski" not in body and organisation.name not in body


def test_ics_uids_name_the_primary_host_whichever_host_serves_the_feed(
    centre, room, organisation, org_member
):
    CentreHost.objects.create(centre=centre, host="sale.kalisz.localhost")
    booking = BookingFactory(room=room, organisation=organisation)
    feed = organisation_feed_token(organisation=organisation, actor=org_member)
    other_host = Client(HTTP_HOST="sale.kalisz.localhost")
    for url in (
        reverse("spaces:room_ics", args=[room.pk]),
        reverse("spaces:organisation_ics", args=[organisation.pk, feed.token]),
    ):
        response = other_host.get(url)
        assert response.status_code == 200
        uids = [str(event["uid"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]
        assert uids == [f"booking-{booking.pk}@kalisz.localhost"]


def test_let_is_ended_through_its_action_url(client_for, centre, room, staff_user, org_member, organisation):
    start = warsaw_today()
    let = _let(room, staff_user, organisation, days=30)
    client = client_for(centre, staff_user)
    url = reverse("spaces:let_action", args=[let.pk, "end"])
    assert url in client.get(reverse("spaces:let_end", args=[let.pk])).content.decode()
    # A last day after the term: the form comes back with the error at the field, nothing changes.
    response = client.post(url, {"state": "active", "ends_on": (start + timedelta(days=60)).isoformat()})
    assert response.status_code == 200 and "okresie najmu" in response.content.decode()
    let.refresh_from_db()
    assert let.status == LetStatus.ACTIVE
    assert client_for(centre, org_member).post(url, {"ends_on": start.isoformat()}).status_code == 403
    response = client.post(url, {"state": "active", "ends_on": (start + timedelta(days=1)).isoformat()})
    assert response["Location"] == reverse("spaces:lets")
    let.refresh_from_db()
    assert let.status == LetStatus.ENDED and let.ends_on == start + timedelta(days=1)
