"""Every URL: anonymous, a forbidden role, another centre's object (404); pages fix their query count."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.core.calendar import warsaw_today
from centrum.spaces.choices import BookingStatus, LoanStatus
from centrum.spaces.models import Booking, Loan, LoanItem, OrganisationCalendarFeed, RoomLet, WaitingListEntry

from .factories import BookingFactory, EquipmentFactory, RoomFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def booking(room, organisation, org_member):
    return BookingFactory(
        room=room, organisation=organisation, requested_by=org_member, status=BookingStatus.PENDING
    )


@pytest.fixture
def other_booking(other_room):
    return BookingFactory(room=other_room)


@pytest.fixture
def loan(centre, organisation, projector):
    loan = Loan.objects.create(
        centre=centre,
        number="UŻ/2026/0001",
        organisation=organisation,
        purpose="Piknik",
        starts_on=warsaw_today(),
        due_on=warsaw_today() + timedelta(days=2),
        status=LoanStatus.APPROVED,
    )
    LoanItem.objects.create(centre=centre, loan=loan, item=projector, quantity=1)
    return loan


@pytest.fixture
def other_loan(other_centre):
    from .conftest import make_organisation

    org = make_organisation(other_centre, "Żorskie Plenery")
    return Loan.objects.create(
        centre=other_centre,
        number="UŻ/2026/0001",
        organisation=org,
        purpose="x",
        starts_on=warsaw_today(),
        due_on=warsaw_today(),
        status=LoanStatus.APPROVED,
    )


PUBLIC_PAGES = ["spaces:room_list"]
MEMBER_PAGES = ["spaces:booking_create", "spaces:my_bookings", "spaces:loan_create"]
STAFF_PAGES = [
    "spaces:queue",
    "spaces:planner",
    "spaces:manage",
    "spaces:room_new",
    "spaces:equipment_new",
    "spaces:lets",
    "spaces:loan_list",
]


def test_public_pages(anon, room):
    assert anon.get(reverse("spaces:room_list")).status_code == 200
    response = anon.get(reverse("spaces:room_detail", args=[room.pk]))
    assert response.status_code == 200
    assert room.name in response.content.decode()


@pytest.mark.parametrize("name", MEMBER_PAGES + STAFF_PAGES)
def test_anonymous_is_sent_to_login(anon, name):
    response = anon.get(reverse(name))
    assert response.status_code == 302 and "/konto/login" in response["Location"]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_member_cannot_open_staff_pages(client_for, centre, org_member, name):
    assert client_for(centre, org_member).get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", STAFF_PAGES + MEMBER_PAGES)
def test_staff_pages_open(staff_client, name, room, projector):
    assert staff_client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", ["spaces:booking_create", "spaces:loan_create"])
def test_person_without_organisation_is_told_how_to_get_access(client_for, centre, plain_user, name):
    # Not a 403 dead end: the page says who may book and how to get there.
    response = client_for(centre, plain_user).get(reverse(name))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Jak zarezerwować salę" in body and reverse("organisations:register") in body


def test_member_pages_open(client_for, centre, org_member, room, projector):
    client = client_for(centre, org_member)
    for name in MEMBER_PAGES:
        assert client.get(reverse(name)).status_code == 200, name


OBJECT_URLS = [
    ("spaces:room_detail", "room", "get"),
    ("spaces:room_ics", "room", "get"),
    ("spaces:booking_detail", "booking", "get"),
    ("spaces:booking_reschedule", "booking", "get"),
    ("spaces:booking_approve", "booking", "post"),
    ("spaces:booking_reject", "booking", "post"),
    ("spaces:booking_cancel", "booking", "post"),
    ("spaces:room_edit", "room", "get"),
    ("spaces:loan_detail", "loan", "get"),
    ("spaces:loan_agreement", "loan", "get"),
]


# A booking's actions besides the decision forms: an offer's answers and attendance.
BOOKING_OTHER_ACTIONS = ("accept", "decline", "attended", "no_show")

# Every URL that names an object, with the object of another centre it is tried with.
OTHER_CENTRE_URLS = [
    *OBJECT_URLS,
    ("spaces:room_photos", "room", "get"),
    ("spaces:room_photos", "room", "post"),
    ("spaces:equipment_edit", "equipment", "get"),
    ("spaces:equipment_edit", "equipment", "post"),
    ("spaces:let_end", "let", "get"),
    ("spaces:let_action", "let:end", "post"),
    *(("spaces:booking_action", f"booking:{action}", "post") for action in BOOKING_OTHER_ACTIONS),
    ("spaces:loan_action", "loan:approve", "post"),
    ("spaces:loan_action", "loan:hand_over", "post"),
    ("spaces:loan_action", "loan:return", "post"),
    ("spaces:loan_action", "loan:cancel", "post"),
    ("spaces:organisation_feed", "organisation", "post"),
    ("spaces:organisation_ics", "feed", "get"),
]


@pytest.fixture
def other_objects(other_centre, other_room, other_booking, other_loan):
    from .conftest import make_organisation

    let = RoomLet.objects.create(
        centre=other_centre,
        room=other_room,
        organisation=make_organisation(other_centre, "Progress"),
        # Later the same day than `other_booking`: PostgreSQL's exclusion constraint refuses overlaps.
        booking=BookingFactory(
            room=other_room,
            kind="let",
            starts_at=other_booking.starts_at + timedelta(hours=4),
            ends_at=other_booking.starts_at + timedelta(hours=6),
        ),
        starts_on=warsaw_today(),
        ends_on=warsaw_today(),
    )
    feed = OrganisationCalendarFeed.objects.create(centre=other_centre, organisation=other_loan.organisation)
    return {
        "room": [other_room.pk],
        "booking": [other_booking.pk],
        "loan": [other_loan.pk],
        **{f"booking:{action}": [other_booking.pk, action] for action in BOOKING_OTHER_ACTIONS},
        **{
            f"loan:{action}": [other_loan.pk, action]
            for action in ("approve", "hand_over", "return", "cancel")
        },
        "equipment": [EquipmentFactory(centre=other_centre).pk],
        "let": [let.pk],
        "let:end": [let.pk, "end"],
        "organisation": [other_loan.organisation.pk],
        "feed": [other_loan.organisation.pk, feed.token],
    }


@pytest.mark.parametrize("role", ["anonymous", "member", "staff"])
@pytest.mark.parametrize(("name", "kind", "method"), OTHER_CENTRE_URLS)
def test_another_centres_object_is_404(
    client_for, centre, org_member, staff_user, other_objects, role, name, kind, method
):
    """404 for every role, never a 403 that would confirm the id exists; anonymous may go to login first."""
    user = {"anonymous": None, "member": org_member, "staff": staff_user}[role]
    response = getattr(client_for(centre, user), method)(reverse(name, args=other_objects[kind]))
    if role == "anonymous" and response.status_code == 302:
        assert "/konto/login" in response["Location"]
    else:
        assert response.status_code == 404


def test_member_is_refused_staff_pages_of_this_centres_objects(
    client_for, centre, org_member, room, projector
):
    client = client_for(centre, org_member)
    for url in (
        reverse("spaces:room_edit", args=[room.pk]),
        reverse("spaces:room_photos", args=[room.pk]),
        reverse("spaces:equipment_edit", args=[projector.pk]),
    ):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize(("name", "kind", "method"), [u for u in OBJECT_URLS if u[1] != "room"])
def test_stranger_is_refused(client_for, centre, plain_user, booking, loan, name, kind, method):
    """Someone else's booking or loan is a 404, as a missing id is: the id discloses nothing."""
    pk = booking.pk if kind == "booking" else loan.pk
    response = getattr(client_for(centre, plain_user), method)(reverse(name, args=[pk]))
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


@pytest.mark.parametrize("action", BOOKING_OTHER_ACTIONS)
def test_stranger_is_refused_booking_actions(client_for, centre, plain_user, booking, action):
    url = reverse("spaces:booking_action", args=[booking.pk, action])
    assert client_for(centre, plain_user).post(url).status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


@pytest.mark.parametrize(
    ("name", "kind", "method"), [u for u in OBJECT_URLS if u[1] != "room" or u[0] == "spaces:room_edit"]
)
def test_anonymous_is_sent_to_login_for_objects(anon, room, booking, loan, name, kind, method):
    pk = {"room": room.pk, "booking": booking.pk, "loan": loan.pk}[kind]
    response = getattr(anon, method)(reverse(name, args=[pk]))
    assert response.status_code == 302


def test_member_cannot_approve_own_booking(client_for, centre, org_member, booking):
    response = client_for(centre, org_member).post(reverse("spaces:booking_approve", args=[booking.pk]))
    assert response.status_code == 403
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_member_books_through_the_form_check_then_submit(client_for, centre, org_member, organisation, room):
    client = client_for(centre, org_member)
    day = next_open_day()
    data = {
        "organisation": organisation.pk,
        "room": room.pk,
        "day": day.isoformat(),
        "start_time": "17:00",
        "end_time": "19:00",
        "recurrence": "weekly",
        "count": "3",
        "title": "Warsztaty",
        "purpose": "Zajęcia statutowe",
        "attendees": "12",
        "contact_name": "Marek",
        "contact_email": "m@example.org",
    }
    BookingFactory(
        room=room,
        starts_at=slot(day + timedelta(weeks=1), 18, 20)[0],
        ends_at=slot(day + timedelta(weeks=1), 18, 20)[1],
    )
    response = client.post(reverse("spaces:booking_create"), {**data, "action": "check"})
    assert response.status_code == 200
    body = response.content.decode()
    assert (
        "Termin zajęty" in body
        and f'value="{(day + timedelta(weeks=1)).isoformat()}" id="skip-2" checked' in body
    )
    assert Booking.objects.filter(organisation=organisation).count() == 0
    response = client.post(
        reverse("spaces:booking_create"),
        {**data, "action": "submit", "skip_dates": [(day + timedelta(weeks=1)).isoformat()]},
    )
    assert response.status_code == 302
    assert Booking.objects.filter(organisation=organisation, status=BookingStatus.PENDING).count() == 2


def test_form_shows_bad_input_next_to_the_field(client_for, centre, org_member, organisation, room):
    response = client_for(centre, org_member).post(
        reverse("spaces:booking_create"),
        {
            "organisation": organisation.pk,
            "room": room.pk,
            "day": next_open_day().isoformat(),
            "start_time": "17:00",
            "end_time": "19:00",
            "recurrence": "once",
            "title": "Wiec",
            "purpose": "x",
            "attendees": "300",
            "action": "submit",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert (
        "mieści najwyżej 30" in body and 'id="id_attendees_error"' in body and 'aria-invalid="true"' in body
    )
    assert not Booking.objects.exists()


def test_another_centres_room_id_in_the_form_is_refused(
    client_for, centre, org_member, organisation, other_room
):
    response = client_for(centre, org_member).post(
        reverse("spaces:booking_create"),
        {
            "organisation": organisation.pk,
            "room": other_room.pk,
            "day": next_open_day().isoformat(),
            "start_time": "17:00",
            "end_time": "19:00",
            "recurrence": "once",
            "title": "Wiec",
            "purpose": "x",
            "attendees": "3",
            "action": "submit",
        },
    )
    assert response.status_code == 200
    assert "id_room_error" in response.content.decode()
    assert not Booking.objects.exists()


def test_staff_approve_from_queue(staff_client, booking):
    response = staff_client.post(
        reverse("spaces:booking_approve", args=[booking.pk]), {"next": "queue", "decision-scope": "one"}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED


def test_organisation_feed_needs_the_token(client_for, anon, centre, org_member, organisation, booking):
    client_for(centre, org_member).post(reverse("spaces:organisation_feed", args=[organisation.pk]))
    feed = OrganisationCalendarFeed.objects.get(organisation=organisation)
    good = anon.get(reverse("spaces:organisation_ics", args=[organisation.pk, feed.token]))
    assert good.status_code == 200 and booking.title.encode() in good.content
    assert (
        anon.get(reverse("spaces:organisation_ics", args=[organisation.pk, "zgadywanie"])).status_code == 404
    )


def test_stranger_cannot_make_an_organisation_feed(client_for, centre, plain_user, organisation):
    assert (
        client_for(centre, plain_user)
        .post(reverse("spaces:organisation_feed", args=[organisation.pk]))
        .status_code
        == 403
    )
    assert not OrganisationCalendarFeed.objects.exists()


@pytest.fixture
def waiting_entry(centre, organisation, room, org_member):
    start, end = slot(next_open_day(), 10, 12)
    return WaitingListEntry.objects.create(
        centre=centre,
        room=room,
        organisation=organisation,
        requested_by=org_member,
        starts_at=start,
        ends_at=end,
        title="x",
    )


def test_waiting_withdraw_by_stranger_is_refused(client_for, centre, plain_user, waiting_entry):
    entry = waiting_entry
    assert (
        client_for(centre, plain_user)
        .post(reverse("spaces:waiting_action", args=[entry.pk, "withdraw"]))
        .status_code
        == 404
    )


def test_pdf_agreement_served_to_member(client_for, centre, org_member, loan):
    response = client_for(centre, org_member).get(reverse("spaces:loan_agreement", args=[loan.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "inline; filename*=utf-8''umowa-U%C5%BB-2026-0001.pdf"


def test_loan_handover_and_return_through_pages(staff_client, loan):
    staff_client.post(
        reverse("spaces:loan_action", args=[loan.pk, "hand_over"]),
        {"handover-person": "Marek", "handover-condition": "good"},
    )
    staff_client.post(
        reverse("spaces:loan_action", args=[loan.pk, "return"]),
        {"return-person": "Marek", "return-condition": "good"},
    )
    loan.refresh_from_db()
    assert loan.status == LoanStatus.RETURNED and loan.received_by_name == "Marek"


# --- query counts ---------------------------------------------------------------------------------


def _many_bookings(centre, organisation, rooms=4, per_room=6):
    day = warsaw_today()
    for i in range(rooms):
        room = RoomFactory(centre=centre, name=f"Sala {i}")
        for h in range(per_room):
            start = timezone.now().replace(hour=6 + 2 * h, minute=0, second=0, microsecond=0) + timedelta(
                days=1
            )
            BookingFactory(
                room=room, organisation=organisation, starts_at=start, ends_at=start + timedelta(hours=1)
            )
    return day


def test_planner_query_count_does_not_grow(staff_client, centre, organisation, django_assert_max_num_queries):
    _many_bookings(centre, organisation)
    with django_assert_max_num_queries(12):
        assert staff_client.get(reverse("spaces:planner") + "?view=week").status_code == 200


def test_room_list_query_count(anon, centre, django_assert_max_num_queries):
    for i in range(8):
        RoomFactory(centre=centre, name=f"Sala {i}")
    with django_assert_max_num_queries(6):
        assert anon.get(reverse("spaces:room_list")).status_code == 200


def test_my_bookings_query_count(client_for, centre, org_member, organisation, django_assert_max_num_queries):
    _many_bookings(centre, organisation)
    client = client_for(centre, org_member)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("spaces:my_bookings")).status_code == 200


def test_room_detail_query_count(anon, room, organisation, django_assert_max_num_queries):
    for d in range(5):
        BookingFactory(
            room=room,
            organisation=organisation,
            starts_at=slot(next_open_day(weeks_ahead=0) + timedelta(days=d), 10, 11)[0],
            ends_at=slot(next_open_day(weeks_ahead=0) + timedelta(days=d), 10, 11)[1],
        )
    with django_assert_max_num_queries(8):
        assert anon.get(reverse("spaces:room_detail", args=[room.pk])).status_code == 200


def test_equipment_page_for_member_hides_fixed_equipment_from_loans(
    client_for, centre, org_member, projector
):
    EquipmentFactory(centre=centre, name="Faks", may_leave_building=False)
    body = client_for(centre, org_member).get(reverse("spaces:loan_create")).content.decode()
    assert "Rzutnik multimedialny" in body and "Faks" not in body


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("spaces:booking_approve", {"decision-scope": "everything"}),
        ("spaces:booking_approve", {"decision-scope": "one", "decision-reason": "x" * 2001}),
        ("spaces:booking_reject", {"decision-scope": "one", "decision-reason": "zły\x00powód"}),
        ("spaces:booking_cancel", {"cancel-scope": "one", "cancel-reason": "x" * 501}),
    ],
)
def test_tampered_decision_forms_change_nothing_and_say_why(staff_client, booking, name, payload):
    response = staff_client.post(reverse(name, args=[booking.pk]), payload, follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert messages and any(":" in m for m in messages)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_tampered_loan_cancel_changes_nothing(staff_client, loan):
    url = reverse("spaces:loan_action", args=[loan.pk, "cancel"])
    response = staff_client.post(url, {"reason": "x" * 2001}, follow=True)
    assert response.status_code == 200 and [str(m) for m in response.context["messages"]]
    loan.refresh_from_db()
    assert loan.status == LoanStatus.APPROVED


def test_room_photo_id_with_unicode_digits_is_refused(staff_client, room):
    url = reverse("spaces:room_photos", kwargs={"room_pk": room.pk})
    for value in ["²", "٣", "１"]:
        response = staff_client.post(url, {"action": "remove", "photo": value}, follow=True)
        assert response.status_code == 200 and "Nie ma takiego zdjęcia" in response.content.decode()


def test_public_week_does_not_offer_past_days_as_free(anon, room):
    from centrum.core.calendar import warsaw_today

    today = warsaw_today()
    last_monday = today - timedelta(days=today.weekday() + 7)
    url = reverse("spaces:room_detail", args=[room.pk])
    past_week = anon.get(url, {"tydzien": last_monday.isoformat()}).content.decode()
    next_week = anon.get(url, {"tydzien": (last_monday + timedelta(days=14)).isoformat()}).content.decode()
    assert ">wolne<" not in past_week
    assert ">wolne<" in next_week  # the same room is shown as free where it is


def test_planner_week_shows_closed_days_as_closed(staff_client, centre, room):
    from centrum.spaces.models import RoomOpeningHours

    RoomOpeningHours.objects.filter(room=room, weekday__gte=5).delete()
    html = staff_client.get(reverse("spaces:planner") + "?view=week").content.decode()
    row = html.split(room.name, 1)[1].split("</tr>", 1)[0]
    assert row.count(">nieczynna<") >= 2  # Saturday and Sunday at least


def test_offer_is_answered_from_the_shared_actions(client_for, centre, room, organisation, org_member):
    offered = BookingFactory(
        room=room,
        organisation=organisation,
        requested_by=org_member,
        status=BookingStatus.OFFERED,
        offer_expires_at=timezone.now() + timedelta(hours=4),
    )
    client = client_for(centre, org_member)
    page = client.get(reverse("spaces:booking_detail", args=[offered.pk])).content.decode()
    accept_url = reverse("spaces:booking_action", args=[offered.pk, "accept"])
    assert accept_url in page and reverse("spaces:booking_action", args=[offered.pk, "decline"]) in page
    response = client.post(accept_url, {"state": "offered"})
    assert response.status_code == 302
    offered.refresh_from_db()
    assert offered.status in (BookingStatus.PENDING, BookingStatus.APPROVED)
    # Answered: neither answer is offered again, and a second post is refused without a change.
    page = client.get(reverse("spaces:booking_detail", args=[offered.pk])).content.decode()
    assert accept_url not in page
    client.post(reverse("spaces:booking_action", args=[offered.pk, "decline"]), {"state": "offered"})
    offered.refresh_from_db()
    assert offered.status != BookingStatus.CANCELLED


def test_attendance_is_marked_from_the_shared_actions(client_for, centre, staff_user, room, org_member):
    start = timezone.now() - timedelta(hours=3)
    past = BookingFactory(
        room=room,
        requested_by=org_member,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        status=BookingStatus.APPROVED,
    )
    client = client_for(centre, staff_user)
    url = reverse("spaces:booking_action", args=[past.pk, "no_show"])
    assert url in client.get(reverse("spaces:booking_detail", args=[past.pk])).content.decode()
    response = client.post(url, {"state": "unknown"}, follow=True)
    assert response.redirect_chain[-1][1] == 302
    assert "Odnotowano nieobecność organizacji." in response.content.decode()
    past.refresh_from_db()
    assert past.attendance == "no_show" and past.attendance_marked_by == staff_user
    # The member sees no attendance buttons and may not post one.
    member = client_for(centre, org_member)
    assert url not in member.get(reverse("spaces:booking_detail", args=[past.pk])).content.decode()
    assert member.post(reverse("spaces:booking_action", args=[past.pk, "attended"])).status_code == 403
    # "unknown" is no button: the URL is not an action of the page.
    assert client.post(reverse("spaces:booking_action", args=[past.pk, "unknown"])).status_code == 404


def test_waiting_entry_is_withdrawn_from_the_shared_actions(client_for, centre, org_member, waiting_entry):
    entry = waiting_entry
    client = client_for(centre, org_member)
    url = reverse("spaces:waiting_action", args=[entry.pk, "withdraw"])
    assert url in client.get(reverse("spaces:my_bookings")).content.decode()
    assert client.post(url, {"state": "waiting"})["Location"] == reverse("spaces:my_bookings")
    entry.refresh_from_db()
    assert entry.status == "withdrawn"


def test_booking_history_reads_as_people_read_it(client_for, centre, staff_user, booking):
    from centrum.core.workflow import workflow_apply

    workflow_apply(obj=booking, action="approve", actor=staff_user)
    body = client_for(centre, staff_user).get(reverse("spaces:booking_detail", args=[booking.pk])).content
    body = body.decode()
    assert "<strong>Status</strong>: czeka na akceptację" in body
    assert "<strong>Status</strong>: zatwierdzona" in body
    assert "approved" not in body.replace('"approved"', "")


def test_room_edit_page_has_its_own_title(staff_client, room):
    public = staff_client.get(reverse("spaces:room_detail", args=[room.pk])).content.decode()
    edit = staff_client.get(reverse("spaces:room_edit", args=[room.pk])).content.decode()

    def title(html):
        return html.split("<title>", 1)[1].split("</title>", 1)[0]

    def heading(html):
        return html.split("<h1", 1)[1].split("</h1>", 1)[0]

    assert title(edit) != title(public) and heading(edit) != heading(public)
    assert room.name in title(edit) and "Edycja sali" in title(edit)
