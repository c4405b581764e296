"""Exact query counts of the rooms pages and the rooms API, and proof that they stay flat.

Each page is measured with FEW and with MANY rows (bookings, rooms, loans, lets, equipment,
audit entries…) and must run the same exact number of queries both times: a count that grows
with the rows is an N+1. Every URL is requested once before it is measured, so per-process caches
(content types, centre settings) do not make the number depend on which test ran first. Every page
and API call of the module reads the centre's settings once (does the centre run rooms?).
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.audit import audit_log
from centrum.core.calendar import is_public_holiday, warsaw_today
from centrum.spaces.choices import BookingStatus, LoanStatus, WaitingStatus
from centrum.spaces.models import BookingEquipment, Loan, LoanItem, WaitingListEntry
from centrum.spaces.services import let_create, organisation_feed_token

from .conftest import make_organisation
from .factories import BookingFactory, EquipmentFactory, RoomFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

FEW, MANY = 2, 15
SIZES = pytest.mark.parametrize("n", [FEW, MANY], ids=["few", "many"])


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _assert_flat(client, url, expected, django_assert_num_queries):
    _get(client, url)  # warm the per-process caches
    with django_assert_num_queries(expected):
        _get(client, url)


def _organisations(centre, n):
    return [make_organisation(centre, f"Stowarzyszenie nr {i}") for i in range(n)]


def _future_day(i):
    """Day i of a run of open days (Monday–Saturday, no public holidays), starting next week."""
    day = next_open_day(weekday=0)
    for _ in range(i):
        day += timedelta(days=1)
        while day.weekday() == 6 or is_public_holiday(day):
            day += timedelta(days=1)
    return day


def _future_bookings(centre, n, *, organisations, status=BookingStatus.APPROVED, room=None, equipment=None):
    """n bookings, one a day at 10–12 (never overlapping in a room), each in its own room unless given."""
    bookings = []
    for i in range(n):
        start, end = slot(_future_day(i), 10, 12)
        booking = BookingFactory(
            room=room or RoomFactory(centre=centre),
            organisation=organisations[i % len(organisations)],
            starts_at=start,
            ends_at=end,
            status=status,
        )
        if equipment is not None:
            BookingEquipment.objects.create(centre=centre, booking=booking, item=equipment, quantity=1)
        bookings.append(booking)
    return bookings


# --- staff pages -----------------------------------------------------------------------------------


@SIZES
def test_queue(staff_client, centre, org_member, n, django_assert_num_queries):
    organisations = _organisations(centre, n)
    projector = EquipmentFactory(centre=centre)
    for booking in _future_bookings(
        centre, n, organisations=organisations, status=BookingStatus.PENDING, equipment=projector
    ):
        booking.requested_by = org_member
        booking.save(update_fields=["requested_by"])
    now = timezone.now()
    for i in range(n):  # started, attendance not recorded yet
        start = now - timedelta(days=1 + i % 10, hours=i)
        BookingFactory(
            room=RoomFactory(centre=centre),
            organisation=organisations[i],
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )
    for i in range(n):
        start, end = slot(_future_day(i), 14, 16)
        WaitingListEntry.objects.create(
            centre=centre,
            room=RoomFactory(centre=centre),
            organisation=organisations[i],
            requested_by=org_member,
            starts_at=start,
            ends_at=end,
            title="Próba chóru",
            status=WaitingStatus.WAITING,
        )
    _assert_flat(staff_client, reverse("spaces:queue"), 12, django_assert_num_queries)


@SIZES
def test_manage(staff_client, centre, n, django_assert_num_queries):
    for i in range(n):
        RoomFactory(centre=centre, is_active=i % 3 != 0)
        EquipmentFactory(centre=centre, is_active=i % 3 != 0)
    _assert_flat(staff_client, reverse("spaces:manage"), 9, django_assert_num_queries)


@SIZES
def test_lets(staff_client, centre, staff_user, n, django_assert_num_queries):
    today = warsaw_today()
    for i, organisation in enumerate(_organisations(centre, n)):
        let_create(
            room=RoomFactory(centre=centre),
            actor=staff_user,
            organisation=organisation,
            starts_on=today + timedelta(days=i),
            ends_on=today + timedelta(days=30 + i),
            agreement_number=f"ZCOP/{i}/2026",
        )
    _assert_flat(staff_client, reverse("spaces:lets"), 10, django_assert_num_queries)


@SIZES
def test_equipment_edit(staff_client, centre, organisation, n, django_assert_num_queries):
    item = EquipmentFactory(centre=centre)
    for _ in range(n):
        EquipmentFactory(centre=centre)
    _future_bookings(centre, n, organisations=[organisation], equipment=item)
    _assert_flat(staff_client, reverse("spaces:equipment_edit", args=[item.pk]), 6, django_assert_num_queries)


# --- booking form and booking detail --------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "n"),
    [
        pytest.param("member", FEW, id="member-few"),
        pytest.param("member", MANY, id="member-many"),
        pytest.param("staff", FEW, id="staff-few"),
        pytest.param("staff", MANY, id="staff-many"),
    ],
)
def test_booking_create_form(client_for, centre, org_member, staff_user, role, n, django_assert_num_queries):
    for organisation in _organisations(centre, n):
        MembershipFactory(user=org_member, organisation=organisation, role=MembershipRole.MEMBER)
    for _ in range(n):
        RoomFactory(centre=centre)
        EquipmentFactory(centre=centre)
    client = client_for(centre, org_member if role == "member" else staff_user)
    # The monthly quota table of all the member's organisations is one query, however many they act for.
    expected = {"member": 16, "staff": 11}[role]
    _assert_flat(client, reverse("spaces:booking_create"), expected, django_assert_num_queries)


def _booking_with_history(centre, organisation, org_member, n):
    booking = BookingFactory(
        room=RoomFactory(centre=centre),
        organisation=organisation,
        requested_by=org_member,
        status=BookingStatus.PENDING,
    )
    for _ in range(n):
        BookingEquipment.objects.create(
            centre=centre, booking=booking, item=EquipmentFactory(centre=centre), quantity=1
        )
    for i in range(n):
        actor = UserFactory(full_name=f"Pracownik {i}")
        audit_log(actor=actor, obj=booking, action="booking.reschedule", old={"i": i}, new={"i": i + 1})
    return booking


@SIZES
@pytest.mark.parametrize("role", ["member", "staff"])
def test_booking_detail(
    client_for, centre, organisation, org_member, staff_user, role, n, django_assert_num_queries
):
    booking = _booking_with_history(centre, organisation, org_member, n)
    client = client_for(centre, org_member if role == "member" else staff_user)
    expected = {"member": 8, "staff": 9}[role]  # staff also read the change history
    _assert_flat(
        client, reverse("spaces:booking_detail", args=[booking.pk]), expected, django_assert_num_queries
    )


# --- loans -----------------------------------------------------------------------------------------


def _loans(centre, organisations, n):
    today = warsaw_today()
    items = [EquipmentFactory(centre=centre) for _ in range(3)]
    loans = []
    for i in range(n):
        overdue = i % 2 == 0
        loan = Loan.objects.create(
            centre=centre,
            number=f"UŻ/2026/{i + 1:04d}",
            organisation=organisations[i % len(organisations)],
            purpose="Piknik",
            starts_on=today - timedelta(days=10) if overdue else today + timedelta(days=i),
            due_on=today - timedelta(days=1) if overdue else today + timedelta(days=i + 2),
            status=LoanStatus.HANDED_OVER if overdue else LoanStatus.APPROVED,
        )
        for item in items[: 1 + i % 3]:
            LoanItem.objects.create(centre=centre, loan=loan, item=item, quantity=1)
        loans.append(loan)
    return loans


@SIZES
def test_loan_list(staff_client, centre, n, django_assert_num_queries):
    _loans(centre, _organisations(centre, n), n)
    # 10: the centre's modules (one read of its settings) and the page links (one COUNT).
    _assert_flat(staff_client, reverse("spaces:loan_list"), 10, django_assert_num_queries)


@SIZES
@pytest.mark.parametrize("role", ["member", "staff"])
def test_loan_detail(
    client_for, centre, organisation, org_member, staff_user, role, n, django_assert_num_queries
):
    loan = Loan.objects.create(
        centre=centre,
        number="UŻ/2026/0001",
        organisation=organisation,
        requested_by=org_member,
        purpose="Piknik",
        starts_on=warsaw_today(),
        due_on=warsaw_today() + timedelta(days=2),
        status=LoanStatus.APPROVED,
    )
    for _ in range(n):
        LoanItem.objects.create(centre=centre, loan=loan, item=EquipmentFactory(centre=centre), quantity=1)
    for i in range(n):
        audit_log(actor=UserFactory(), obj=loan, action="loan.approve", old={"i": i}, new={"i": i + 1})
    client = client_for(centre, org_member if role == "member" else staff_user)
    _assert_flat(client, reverse("spaces:loan_detail", args=[loan.pk]), 8, django_assert_num_queries)


# --- calendar feeds --------------------------------------------------------------------------------


@SIZES
def test_room_ics(anon, centre, organisation, n, django_assert_num_queries):
    room = RoomFactory(centre=centre)
    _future_bookings(centre, n, organisations=[organisation], room=room)
    _assert_flat(anon, reverse("spaces:room_ics", args=[room.pk]), 7, django_assert_num_queries)


@SIZES
def test_organisation_ics(anon, centre, organisation, org_member, n, django_assert_num_queries):
    _future_bookings(centre, n, organisations=[organisation])  # each in its own room
    feed = organisation_feed_token(organisation=organisation, actor=org_member)
    url = reverse("spaces:organisation_ics", args=[organisation.pk, feed.token])
    _assert_flat(anon, url, 6, django_assert_num_queries)


# --- JSON API --------------------------------------------------------------------------------------


@SIZES
def test_api_rooms(anon, centre, n, django_assert_num_queries):
    for _ in range(n):
        RoomFactory(centre=centre)
    response = _get(anon, "/api/v1/rooms")
    assert len(response.json()) == n
    _assert_flat(anon, "/api/v1/rooms", 5, django_assert_num_queries)


@SIZES
def test_api_availability(anon, centre, organisation, n, django_assert_num_queries):
    room = RoomFactory(centre=centre)
    first = next_open_day(weekday=0)
    for i in range(n):  # up to three a day, two hours apart, Monday–Friday of one week
        start, end = slot(first + timedelta(days=i // 3), 8 + 2 * (i % 3), 9 + 2 * (i % 3))
        BookingFactory(room=room, organisation=organisation, starts_at=start, ends_at=end)
    url = f"/api/v1/rooms/{room.pk}/availability?start={first.isoformat()}&days=7"
    assert sum(len(day["busy"]) for day in _get(anon, url).json()) == n
    _assert_flat(anon, url, 7, django_assert_num_queries)


@SIZES
def test_api_my_bookings(client_for, centre, organisation, org_member, n, django_assert_num_queries):
    organisations = [organisation, *_organisations(centre, 2)]
    for other in organisations[1:]:
        MembershipFactory(user=org_member, organisation=other, role=MembershipRole.MEMBER)
    _future_bookings(centre, n, organisations=organisations)
    client = client_for(centre, org_member)
    assert len(_get(client, "/api/v1/rooms/bookings").json()) == n
    _assert_flat(client, "/api/v1/rooms/bookings", 6, django_assert_num_queries)


def test_loan_list_is_paginated_not_cut_off(staff_client, centre, monkeypatch):
    monkeypatch.setattr("centrum.spaces.views.loans.LOAN_PAGE_SIZE", 3)
    loans = _loans(centre, _organisations(centre, 2), 7)
    numbers = sorted(loan.number for loan in loans)
    seen = []
    for page in (1, 2, 3):
        body = staff_client.get(reverse("spaces:loan_list"), {"page": page}).content.decode()
        seen += [number for number in numbers if f">{number}</a></th>" in body]
    assert sorted(seen) == numbers
    assert 'rel="next"' not in body and 'aria-current="page"' in body


def test_the_queue_shows_a_page_of_requests(staff_client, centre):
    """A busy centre's queue is paged: 50 oldest first, the rest behind the page links."""
    from centrum.spaces.views.staff import QUEUE_PAGE_SIZE

    room = RoomFactory(centre=centre)
    organisation = make_organisation(centre, "Stowarzyszenie Kolejkowe")
    for i in range(QUEUE_PAGE_SIZE + 3):
        start = slot(_future_day(i // 10), 8 + i % 10, 9 + i % 10)[0]
        BookingFactory(
            room=room,
            organisation=organisation,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            status=BookingStatus.PENDING,
        )
    first = staff_client.get(reverse("spaces:queue"))
    assert len(first.context["pending"]) == QUEUE_PAGE_SIZE
    second = staff_client.get(reverse("spaces:queue"), {"page": 2})
    assert len(second.context["pending"]) == 3


def test_queue_pages_the_attendance_list_on_its_own_parameter(staff_client, centre):
    """25 started meetings without attendance: 20 on the first page of the list, the other 5 on
    `?obecnosci=2`, while the requests' own pagination (`?page=`) is left alone."""
    room = RoomFactory(centre=centre)
    now = timezone.now()
    titles = []
    for i in range(25):
        start = now - timedelta(hours=2 * i + 2)
        booking = BookingFactory(room=room, starts_at=start, ends_at=start + timedelta(hours=1))
        titles.append(f'href="{reverse("spaces:booking_detail", args=[booking.pk])}"')
    first = _get(staff_client, reverse("spaces:queue")).content.decode()
    second = _get(staff_client, reverse("spaces:queue") + "?obecnosci=2").content.decode()
    assert sum(t in first for t in titles) == 20
    assert sum(t in second for t in titles) == 5
    assert "25 spotkań z ostatnich dni bez odnotowanej obecności" in first
    assert "?obecnosci=2" in first and "?page=" not in first
