"""Residents and informal groups as bookers, and the official who books rooms as the centre does."""

from datetime import time, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import CentreSetting, OutboxMessage
from centrum.core.workflow import workflow_apply
from centrum.spaces.choices import ApprovalMode, BookerKind, BookingKind, BookingStatus, LoanStatus
from centrum.spaces.models import Booking, Loan
from centrum.spaces.permissions import can_approve_booking, can_book_for_centre
from centrum.spaces.services import booking_request, booking_reschedule, loan_request
from centrum.spaces.services.bookers import Booker
from centrum.spaces.workflows import BOOKING_STATUS

from .factories import BookingFactory, EquipmentFactory, RoomFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

GROUP = Booker(
    kind=BookerKind.GROUP,
    group_name="Klub Planszówkowy",
    group_responsible="Ewa Gracz",
    group_contact="600 100 200",
)
RESIDENT = Booker(kind=BookerKind.RESIDENT)


def _allow_residents(centre, quota=None):
    CentreSetting.objects.create(centre=centre, key="spaces.residents_may_book", value=True)
    if quota is not None:
        CentreSetting.objects.create(centre=centre, key="spaces.residents_quota_hours_per_month", value=quota)


@pytest.fixture
def open_room(centre):
    # The room itself would approve automatically: a resident's request still waits for staff.
    return RoomFactory(
        centre=centre, name="Sala sąsiedzka", open_to_residents=True, approval_mode=ApprovalMode.AUTOMATIC
    )


def _request(room, user, booker, *, day=None, hours=(17, 19), organisation=None):
    start, end = slot(day or next_open_day(), *hours)
    return booking_request(
        room=room,
        actor=user,
        organisation=organisation,
        starts_at=start,
        ends_at=end,
        title="Spotkanie sąsiadów",
        purpose="Wspólne nasadzenia na osiedlu",
        attendees=5,
        booker=booker,
    )


def _form(room, **extra):
    return {
        "room": room.pk,
        "day": next_open_day().isoformat(),
        "start_time": "17:00",
        "end_time": "19:00",
        "recurrence": "once",
        "title": "Wieczór gier",
        "purpose": "Spotkanie grupy",
        "attendees": "8",
        **extra,
    }


# --- allowed or refused: by the centre's settings and by the room -------------------------------------


def test_refused_when_the_centre_does_not_allow_residents(centre, open_room, plain_user):
    with pytest.raises(ApplicationError, match="nie przyjmuje wniosków mieszkańców"):
        _request(open_room, plain_user, RESIDENT)
    assert not Booking.objects.exists()


def test_refused_in_a_room_not_open_to_residents(centre, room, plain_user):
    _allow_residents(centre)
    with pytest.raises(ApplicationError, match="nie udostępnia tej sali"):
        _request(room, plain_user, GROUP)
    assert not Booking.objects.exists()


def test_a_resident_and_a_group_request_always_wait_for_staff(centre, open_room, plain_user):
    _allow_residents(centre)
    (resident,) = _request(open_room, plain_user, RESIDENT)
    (group,) = _request(open_room, plain_user, GROUP, day=next_open_day(weeks_ahead=2))
    assert resident.status == group.status == BookingStatus.PENDING
    assert resident.organisation is None and resident.booker_kind == BookerKind.RESIDENT
    assert (group.group_name, group.group_responsible, group.group_contact) == (
        "Klub Planszówkowy",
        "Ewa Gracz",
        "600 100 200",
    )
    assert "Klub Planszówkowy" in group.booker_label and "Paweł Mieszkaniec" in resident.booker_label
    staff_mail = OutboxMessage.objects.filter(subject__contains="Klub Planszówkowy")
    assert staff_mail.exists()


def test_a_group_must_name_itself_and_the_person_responsible(centre, open_room, plain_user):
    _allow_residents(centre)
    with pytest.raises(ApplicationError) as excinfo:
        _request(open_room, plain_user, Booker(kind=BookerKind.GROUP, group_name="Klub"))
    assert excinfo.value.field == "group_responsible"


def test_a_resident_may_not_book_for_an_organisation_at_once(centre, open_room, plain_user, organisation):
    _allow_residents(centre)
    with pytest.raises(ApplicationError, match="w imieniu organizacji"):
        _request(open_room, plain_user, RESIDENT, organisation=organisation)


def test_the_database_keeps_each_kinds_fields(centre, open_room):
    start, end = slot(next_open_day(), 10, 12)
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(room=open_room, booker_kind=BookerKind.GROUP, starts_at=start, ends_at=end)
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(
            room=open_room, booker_kind=BookerKind.ORGANISATION, group_name="X", starts_at=start, ends_at=end
        )


# --- the monthly limit, per person ----------------------------------------------------------------------


def test_the_residents_limit_counts_per_person(centre, open_room, plain_user):
    _allow_residents(centre, quota=3)
    day = next_open_day()
    _request(open_room, plain_user, RESIDENT, day=day, hours=(10, 12))
    with pytest.raises(ApplicationError, match="na osobę"):
        _request(open_room, plain_user, GROUP, day=day, hours=(14, 16))
    neighbour = UserFactory(email="sasiad@example.org")
    assert _request(open_room, neighbour, RESIDENT, day=day, hours=(14, 16))


def test_moving_an_approved_resident_booking_sends_it_back_to_staff(
    centre, open_room, plain_user, staff_user
):
    _allow_residents(centre)
    (booking,) = _request(open_room, plain_user, RESIDENT)
    workflow_apply(obj=booking, action="approve", actor=staff_user, workflow=BOOKING_STATUS)
    booking.refresh_from_db()
    (moved,) = booking_reschedule(
        booking=booking, actor=plain_user, start_time=time(18), end_time=time(20), day=None, scope="one"
    )
    moved.refresh_from_db()
    assert moved.status == BookingStatus.PENDING


def test_the_system_never_approves_a_resident_request(centre, open_room, plain_user, staff_user):
    _allow_residents(centre)
    (booking,) = _request(open_room, plain_user, RESIDENT)
    with pytest.raises(ApplicationError, match="zatwierdza pracownik"):
        workflow_apply(obj=booking, action="approve", actor=None, workflow=BOOKING_STATUS)
    assert can_approve_booking(staff_user, booking)


# --- pages: the form, "Moje rezerwacje", cross-centre ---------------------------------------------------


def test_the_form_offers_residents_the_open_rooms_and_stores_a_group_request(
    client_for, centre, open_room, room, plain_user
):
    _allow_residents(centre)
    client = client_for(centre, plain_user)
    body = client.get(reverse("spaces:booking_create")).content.decode()
    assert "Sala sąsiedzka" in body and "Sala wykładowa" not in body and "grupa nieformalna" in body
    data = _form(
        open_room,
        booker_kind="group",
        group_name="Klub Planszówkowy",
        group_responsible="Ewa Gracz",
        group_contact="ewa@example.org",
        action="submit",
    )
    response = client.post(reverse("spaces:booking_create"), data)
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.booker_kind == BookerKind.GROUP and booking.status == BookingStatus.PENDING
    mine = client.get(reverse("spaces:my_bookings")).content.decode()
    assert "Wieczór gier" in mine and "Klub Planszówkowy" in mine
    detail = client.get(reverse("spaces:booking_detail", args=[booking.pk])).content.decode()
    assert "ewa@example.org" in detail


def test_the_group_form_says_what_is_missing(client_for, centre, open_room, plain_user):
    _allow_residents(centre)
    response = client_for(centre, plain_user).post(
        reverse("spaces:booking_create"), _form(open_room, booker_kind="group", action="submit")
    )
    assert response.status_code == 200 and "Podaj nazwę grupy nieformalnej" in response.content.decode()
    assert not Booking.objects.exists()


def test_the_staff_queue_shows_the_group(client_for, centre, open_room, plain_user, staff_user):
    _allow_residents(centre)
    _request(open_room, plain_user, GROUP)
    body = client_for(centre, staff_user).get(reverse("spaces:queue")).content.decode()
    assert "Klub Planszówkowy" in body


def test_another_centres_resident_booking_is_a_404(client_for, centre, other_centre, other_room, plain_user):
    _allow_residents(other_centre)
    other_room.open_to_residents = True
    other_room.save()
    (booking,) = _request(other_room, plain_user, RESIDENT)
    client = client_for(centre, plain_user)
    assert client.get(reverse("spaces:booking_detail", args=[booking.pk])).status_code == 404
    stranger = client_for(other_centre, UserFactory(email="obcy@example.org"))
    assert stranger.get(reverse("spaces:booking_detail", args=[booking.pk])).status_code == 404


def test_a_resident_borrows_equipment_when_the_centre_allows_it(client_for, centre, plain_user):
    item = EquipmentFactory(centre=centre, name="Nagłośnienie", quantity=2)
    with pytest.raises(ApplicationError):
        loan_request(
            centre=centre,
            actor=plain_user,
            organisation=None,
            purpose="Festyn",
            starts_on=next_open_day(),
            due_on=next_open_day(),
            items={item: 1},
            booker=GROUP,
        )
    _allow_residents(centre)
    client = client_for(centre, plain_user)
    response = client.post(
        reverse("spaces:loan_create"),
        {
            "booker_kind": "group",
            "group_name": "Klub Planszówkowy",
            "group_responsible": "Ewa Gracz",
            "group_contact": "ewa@example.org",
            "starts_on": next_open_day().isoformat(),
            "due_on": (next_open_day() + timedelta(days=1)).isoformat(),
            "purpose": "Festyn sąsiedzki",
            f"equipment_{item.pk}": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    loan = Loan.objects.get()
    assert loan.organisation is None and loan.status == LoanStatus.REQUESTED
    assert client.get(reverse("spaces:loan_detail", args=[loan.pk])).status_code == 200
    assert loan.number in client.get(reverse("spaces:my_bookings")).content.decode()
    other = client_for(centre, UserFactory(email="inny@example.org"))
    assert other.get(reverse("spaces:loan_detail", args=[loan.pk])).status_code == 404


# --- the official's place --------------------------------------------------------------------------------


@pytest.fixture
def official(centre):
    user = UserFactory(email="urzednik@example.org", full_name="Olga Urzędniczka")
    CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.OFFICIAL)
    return user


def test_an_official_books_centre_events_where_the_centre_allows_it(client_for, centre, room, official):
    assert not can_book_for_centre(official, centre)
    client = client_for(centre, official)
    data = _form(room, kind="centre", action="submit", title="Posiedzenie Rady Działalności Pożytku")
    response = client.post(reverse("spaces:booking_create"), data)
    assert response.status_code == 200 and not Booking.objects.exists()  # the page that explains
    CentreSetting.objects.create(centre=centre, key="spaces.officials_book_for_centre", value=True)
    response = client.post(reverse("spaces:booking_create"), data)
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.kind == BookingKind.CENTRE and booking.status == BookingStatus.APPROVED
    assert booking.organisation is None and booking.requested_by == official
    assert "Posiedzenie Rady" in client.get(reverse("spaces:my_bookings")).content.decode()


def test_an_official_gets_no_other_staff_powers(client_for, centre, room, official, org_member, organisation):
    CentreSetting.objects.create(centre=centre, key="spaces.officials_book_for_centre", value=True)
    client = client_for(centre, official)
    # Only centre events: never an organisation's booking nor a block.
    body = client.get(reverse("spaces:booking_create")).content.decode()
    assert 'value="centre"' in body and 'value="block"' not in body
    response = client.post(reverse("spaces:booking_create"), _form(room, kind="block", action="submit"))
    assert response.status_code == 200 and not Booking.objects.exists()
    start, end = slot(next_open_day(), 10, 12)
    request = BookingFactory(
        room=room, organisation=organisation, status=BookingStatus.PENDING, starts_at=start, ends_at=end
    )
    assert not can_approve_booking(official, request)
    with pytest.raises(ApplicationError):
        workflow_apply(obj=request, action="approve", actor=official, workflow=BOOKING_STATUS)
    for name in ("spaces:queue", "spaces:manage", "spaces:planner", "spaces:lets", "spaces:loan_list"):
        assert client.get(reverse(name)).status_code == 403, name
    assert client.get(reverse("spaces:booking_detail", args=[request.pk])).status_code == 404


# --- demo data -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["kalisz", "myslowice", "miechow", "zory"])
def test_demo_residents_and_officials(slug):
    import random

    from centrum.core.centre_settings import CentreSettings
    from centrum.core.tests.factories import CentreFactory
    from centrum.spaces import demo

    from .conftest import make_organisation

    centre = CentreFactory(slug=slug, host=f"{slug}.localhost")
    CentreRoleFactory(centre=centre, user=UserFactory(email=f"staff@{slug}.demo"), role=CentreRoleKind.STAFF)
    for name in ["Fundacja Pomocna Dłoń", "Stowarzyszenie Sąsiedzi", "Klub Abstynentów „STER”"]:
        make_organisation(centre, name)
    demo.seed(centre=centre, rng=random.Random(1))
    settings = CentreSettings(centre)
    residents = slug in {"kalisz", "myslowice"}
    assert settings["spaces.residents_may_book"] is residents
    assert settings["spaces.officials_book_for_centre"] is (slug in {"kalisz", "miechow"})
    kinds = set(Booking.objects.filter(centre=centre).values_list("booker_kind", flat=True))
    assert ({BookerKind.RESIDENT, BookerKind.GROUP} <= kinds) is residents


# --- the API ---------------------------------------------------------------------------------------------


def test_the_api_books_for_a_group_and_shows_the_booker(client_for, centre, open_room, plain_user):
    import json

    start, end = slot(next_open_day(), 17, 19)
    payload = {
        "room_id": open_room.pk,
        "booker_kind": "group",
        "group_name": "Klub Planszówkowy",
        "group_responsible": "Ewa Gracz",
        "group_contact": "ewa@example.org",
        "starts_at": start.isoformat(),
        "ends_at": end.isoformat(),
        "title": "Wieczór gier",
        "purpose": "Spotkanie grupy",
        "attendees": 5,
    }
    client = client_for(centre, plain_user)
    post = lambda: client.post(  # noqa: E731
        "/api/v1/rooms/bookings", data=json.dumps(payload), content_type="application/json"
    )
    assert post().status_code == 400 and not Booking.objects.exists()  # the centre does not allow it
    _allow_residents(centre)
    response = post()
    assert response.status_code == 201, response.content
    (booking,) = response.json()
    assert booking["booker_kind"] == "group" and booking["status"] == "pending"
    assert "Klub Planszówkowy" in booking["booker"] and booking["organisation_id"] is None
    mine = client.get("/api/v1/rooms/bookings").json()
    assert [b["id"] for b in mine] == [booking["id"]]


def test_a_resident_waits_for_a_taken_slot_and_is_offered_it(centre, open_room, plain_user, staff_user):
    from centrum.spaces.services import booking_cancel, waiting_list_join

    _allow_residents(centre)
    start, end = slot(next_open_day(), 17, 19)
    taken = BookingFactory(room=open_room, starts_at=start, ends_at=end, status=BookingStatus.APPROVED)
    entry = waiting_list_join(
        room=open_room,
        actor=plain_user,
        organisation=None,
        starts_at=start,
        ends_at=end,
        title="Spotkanie sąsiadów",
        attendees=5,
        booker=GROUP,
    )
    assert entry.organisation is None and entry.group_name == "Klub Planszówkowy"
    with pytest.raises(ApplicationError, match="Już czekasz"):
        waiting_list_join(
            room=open_room,
            actor=plain_user,
            organisation=None,
            starts_at=start,
            ends_at=end,
            title="Znowu",
            attendees=5,
            booker=GROUP,
        )
    booking_cancel(booking=taken, actor=staff_user)
    offered = Booking.objects.get(status=BookingStatus.OFFERED)
    assert offered.booker_kind == BookerKind.GROUP and offered.requested_by == plain_user
    from centrum.spaces.services import offer_accept

    accepted = offer_accept(booking=offered, actor=plain_user)
    assert accepted.status == BookingStatus.PENDING  # staff still decide, whatever the room's rule
