"""Booking rules: every bad input is refused with a clear message and nothing is stored."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import CentreSettings
from centrum.core.exceptions import ApplicationError
from centrum.core.models import CentreClosedDay, CentreSetting, OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.spaces.choices import Attendance, BookingKind, BookingStatus, Recurrence
from centrum.spaces.models import Booking, BookingSeries
from centrum.spaces.recurrence import occurrence_dates
from centrum.spaces.services import (
    booking_approve,
    booking_cancel,
    booking_mark_attendance,
    booking_preview,
    booking_request,
    booking_reschedule,
)

from .factories import BookingFactory, EquipmentFactory, RoomFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _request(room, user, organisation, start, end, **kwargs):
    params = {
        "room": room,
        "actor": user,
        "organisation": organisation,
        "starts_at": start,
        "ends_at": end,
        "title": "Warsztaty rękodzieła",
        "purpose": "Zajęcia statutowe dla seniorów",
        "attendees": 12,
    }
    params.update(kwargs)
    return booking_request(**params)


def _refused(match, call):
    bookings_before, series_before, mails_before = (
        Booking.objects.count(),
        BookingSeries.objects.count(),
        OutboxMessage.objects.count(),
    )
    with pytest.raises(ApplicationError) as info:
        call()
    assert match in info.value.message
    assert Booking.objects.count() == bookings_before
    assert BookingSeries.objects.count() == series_before
    assert OutboxMessage.objects.count() == mails_before
    return info.value


def test_member_requests_a_slot_it_waits_for_staff_and_mails_go_out(room, org_member, organisation):
    start, end = slot(next_open_day(), 17, 19)
    (booking,) = _request(room, org_member, organisation, start, end)
    assert booking.status == BookingStatus.PENDING
    events = set(OutboxMessage.objects.values_list("event", flat=True))
    assert {"request_received_to_organisation", "request_received_to_staff"} <= events


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ends": lambda s, e: s - timedelta(hours=1)}, "Koniec musi być później"),
        ({"attendees": 31}, "mieści najwyżej 30"),
        ({"start_hour": 6}, "udostępniana tego dnia od 08:00"),
        ({"past": True}, "już minął"),
    ],
)
def test_bad_slots_are_refused(room, org_member, organisation, change, message):
    day = next_open_day()
    start, end = slot(day, change.get("start_hour", 17), 19)
    if change.get("past"):
        start, end = start - timedelta(weeks=3), end - timedelta(weeks=3)
    if "ends" in change:
        end = change["ends"](start, end)
    kwargs = {"attendees": change["attendees"]} if "attendees" in change else {}
    _refused(message, lambda: _request(room, org_member, organisation, start, end, **kwargs))


def test_public_holiday_and_centre_closed_day_are_refused(room, org_member, organisation, centre):
    holiday = date(timezone.now().year + 1, 11, 11)  # Narodowe Święto Niepodległości
    start, end = slot(holiday, 10, 12)
    _refused("nieczynne", lambda: _request(room, org_member, organisation, start, end))
    day = next_open_day(weekday=2)
    CentreClosedDay.objects.create(centre=centre, date=day, reason="inwentaryzacja")
    start, end = slot(day, 10, 12)
    _refused("inwentaryzacja", lambda: _request(room, org_member, organisation, start, end))


def test_series_of_500_is_refused_with_the_cap(room, org_member, organisation):
    start, end = slot(next_open_day(), 17, 19)
    error = _refused(
        "500",
        lambda: _request(room, org_member, organisation, start, end, recurrence=Recurrence.WEEKLY, count=500),
    )
    assert "100" in error.message


def test_quantity_above_stock_is_refused(room, org_member, organisation, projector):
    start, end = slot(next_open_day(), 17, 19)
    _refused(
        "ma 1 szt.",
        lambda: _request(room, org_member, organisation, start, end, equipment={projector: 2}),
    )


def test_another_centres_room_is_refused(other_room, org_member, organisation):
    start, end = slot(next_open_day(), 17, 19)
    _refused("nie należy do tego centrum", lambda: _request(other_room, org_member, organisation, start, end))


def test_taken_slot_is_refused_and_a_cancelled_one_is_free(room, org_member, organisation):
    start, end = slot(next_open_day(), 17, 19)
    taken = BookingFactory(room=room, starts_at=start, ends_at=end)
    _refused("termin zajęty", lambda: _request(room, org_member, organisation, start, end))
    taken.status = BookingStatus.CANCELLED
    taken.save()
    assert _request(room, org_member, organisation, start, end)


def test_person_outside_the_organisation_cannot_book(room, plain_user, organisation):
    start, end = slot(next_open_day(), 17, 19)
    _refused("Nie możesz rezerwować", lambda: _request(room, plain_user, organisation, start, end))


def test_weekly_series_shows_conflicts_and_dropping_them_books_the_rest(room, org_member, organisation):
    day = next_open_day(weeks=6)
    start, end = slot(day, 17, 19)
    BookingFactory(room=room, starts_at=start + timedelta(weeks=2), ends_at=end + timedelta(weeks=2))
    plan = booking_preview(
        room=room,
        actor=org_member,
        organisation=organisation,
        starts_at=start,
        ends_at=end,
        title="Warsztaty",
        attendees=10,
        recurrence=Recurrence.WEEKLY,
        count=6,
    )
    conflicting = [c.date for c in plan.conflicts]
    assert conflicting == [day + timedelta(weeks=2)]
    bookings = _request(
        room,
        org_member,
        organisation,
        start,
        end,
        recurrence=Recurrence.WEEKLY,
        count=6,
        skip_dates=conflicting,
    )
    assert len(bookings) == 5
    assert bookings[0].series.skipped_dates == [conflicting[0].isoformat()]


def test_monthly_and_biweekly_recurrences():
    first = date(2030, 1, 8)  # the second Tuesday of January 2030
    assert occurrence_dates(recurrence=Recurrence.MONTHLY_WEEKDAY, first=first, count=3, cap=100) == [
        date(2030, 1, 8),
        date(2030, 2, 12),
        date(2030, 3, 12),
    ]
    assert occurrence_dates(
        recurrence=Recurrence.MONTHLY_DATE, first=date(2030, 1, 31), count=3, cap=100
    ) == [
        date(2030, 1, 31),
        date(2030, 3, 31),
        date(2030, 5, 31),
    ]
    assert occurrence_dates(recurrence=Recurrence.BIWEEKLY, first=first, until=date(2030, 2, 5), cap=100) == [
        date(2030, 1, 8),
        date(2030, 1, 22),
        date(2030, 2, 5),
    ]


def test_quota_per_month_is_enforced(room, org_member, organisation, centre):
    CentreSetting.objects.create(centre=centre, key="spaces.quota_hours_per_month", value=3)
    day = next_open_day()
    _request(room, org_member, organisation, *slot(day, 10, 12))
    _refused(
        "Limit centrum to 3 godzin", lambda: _request(room, org_member, organisation, *slot(day, 14, 16))
    )


def test_no_shows_block_further_bookings(room, org_member, organisation, centre, staff_user):
    CentreSetting.objects.create(centre=centre, key="spaces.no_show_block_threshold", value=2)
    for weeks in (1, 2, 3):
        past = BookingFactory(
            room=room,
            organisation=organisation,
            starts_at=timezone.now() - timedelta(weeks=weeks, hours=2),
            ends_at=timezone.now() - timedelta(weeks=weeks),
        )
        booking_mark_attendance(booking=past, actor=staff_user, attendance=Attendance.NO_SHOW)
    # The message gives the organisation's real count (3), not the threshold (2).
    _refused(
        "Organizacja ma 3 nieobecności",
        lambda: _request(room, org_member, organisation, *slot(next_open_day(), 17, 19)),
    )


def test_room_rules_notice_horizon_and_length(centre, org_member, organisation):
    room = RoomFactory(centre=centre, min_notice_hours=24 * 30, horizon_days=400, max_length_minutes=60)
    _refused(
        "wyprzedzeniem", lambda: _request(room, org_member, organisation, *slot(next_open_day(), 10, 11))
    )
    room.min_notice_hours = 0
    room.save()
    _refused("najwyżej 1 h", lambda: _request(room, org_member, organisation, *slot(next_open_day(), 10, 12)))
    far = next_open_day(weeks_ahead=60)
    _refused("naprzód", lambda: _request(room, org_member, organisation, *slot(far, 10, 11)))


def test_automatic_approval_room(centre, org_member, organisation):
    room = RoomFactory(centre=centre, approval_mode="automatic")
    (booking,) = _request(room, org_member, organisation, *slot(next_open_day(), 10, 12))
    assert booking.status == BookingStatus.APPROVED
    assert OutboxMessage.objects.filter(event="approved_to_organisation").exists()


def test_staff_book_for_the_centre_and_block_a_room(room, staff_user):
    (event,) = _request(
        room,
        staff_user,
        None,
        *slot(next_open_day(), 10, 12),
        kind=BookingKind.CENTRE,
        title="Posiedzenie Rady Działalności Pożytku Publicznego",
    )
    assert event.status == BookingStatus.APPROVED and event.organisation is None
    (block,) = _request(
        room,
        staff_user,
        None,
        *slot(next_open_day(), 13, 15),
        kind=BookingKind.BLOCK,
        title="Malowanie",
        attendees=None,
    )
    assert block.kind == BookingKind.BLOCK


def test_member_cannot_block_a_room(room, org_member, organisation):
    _refused(
        "tylko pracownicy",
        lambda: _request(
            room, org_member, organisation, *slot(next_open_day(), 10, 12), kind=BookingKind.BLOCK
        ),
    )


def _series(room, user, organisation, count=4):
    start, end = slot(next_open_day(weeks=count), 17, 19)
    return _request(room, user, organisation, start, end, recurrence=Recurrence.WEEKLY, count=count)


def test_cancel_this_and_following(room, org_member, organisation):
    bookings = _series(room, org_member, organisation)
    booking_cancel(booking=bookings[1], actor=org_member, scope="following")
    statuses = list(
        Booking.objects.filter(series=bookings[0].series)
        .order_by("starts_at")
        .values_list("status", flat=True)
    )
    assert statuses == [BookingStatus.PENDING] + [BookingStatus.CANCELLED] * 3


def test_approve_whole_series_and_reschedule_following(room, org_member, organisation, staff_user):
    bookings = _series(room, org_member, organisation)
    assert len(booking_approve(booking=bookings[0], actor=staff_user, scope="series")) == 4
    booking_reschedule(
        booking=bookings[2], actor=org_member, start_time=time(18), end_time=time(20), scope="following"
    )
    rows = list(Booking.objects.filter(series=bookings[0].series).order_by("starts_at"))
    assert [r.status for r in rows] == [BookingStatus.APPROVED] * 2 + [BookingStatus.PENDING] * 2
    from centrum.spaces.availability import local

    assert local(rows[3].starts_at).time() == time(18)
    assert local(rows[0].starts_at).time() == time(17)


def test_reschedule_one_onto_a_taken_slot_is_refused(room, org_member, organisation):
    day = next_open_day()
    BookingFactory(room=room, starts_at=slot(day, 10, 12)[0], ends_at=slot(day, 10, 12)[1])
    (booking,) = _request(room, org_member, organisation, *slot(day, 14, 16))
    with pytest.raises(ApplicationError, match="termin zajęty"):
        booking_reschedule(booking=booking, actor=org_member, start_time=time(11), end_time=time(13))
    booking.refresh_from_db()
    assert local_hour(booking.starts_at) == 14


def local_hour(moment):
    from centrum.spaces.availability import local

    return local(moment).hour


def test_equipment_is_shared_between_rooms_by_time(
    centre, org_member, organisation, second_member, second_organisation
):
    projector = EquipmentFactory(centre=centre, name="Projektor", quantity=1)
    room_a, room_b = RoomFactory(centre=centre), RoomFactory(centre=centre)
    day = next_open_day()
    _request(room_a, org_member, organisation, *slot(day, 10, 12), equipment={projector: 1})
    _refused(
        "wolnych 0 szt.",
        lambda: _request(
            room_b, second_member, second_organisation, *slot(day, 11, 13), equipment={projector: 1}
        ),
    )
    assert _request(room_b, second_member, second_organisation, *slot(day, 12, 14), equipment={projector: 1})


def test_settings_defaults_are_declared(centre):
    settings = CentreSettings(centre)
    assert settings["spaces.max_series_occurrences"] == 100
    assert settings["spaces.waiting_offer_hours"] == 24


def test_other_centre_organisation_cannot_be_used(room, org_member):
    other = CentreFactory(slug="czestochowa", host="czestochowa.localhost")
    from .conftest import make_organisation

    foreign = make_organisation(other, "Obca Fundacja")
    _refused(
        "nie należy do tego centrum",
        lambda: _request(room, org_member, foreign, *slot(next_open_day(), 10, 12)),
    )


def test_free_slots_skip_bookings_closed_days_and_short_gaps(room, centre, django_assert_max_num_queries):
    from centrum.spaces.selectors import free_slots

    day = next_open_day()
    BookingFactory(room=room, starts_at=slot(day, 10, 12)[0], ends_at=slot(day, 10, 12)[1])
    BookingFactory(
        room=room, starts_at=slot(day, 12, 13)[0] + timedelta(minutes=30), ends_at=slot(day, 15, 16)[0]
    )
    with django_assert_max_num_queries(4):
        slots = free_slots(centre=centre, first=day, last=day)
    from centrum.spaces.availability import local

    assert [(local(s.starts_at).strftime("%H:%M"), local(s.ends_at).strftime("%H:%M")) for s in slots] == [
        ("08:00", "10:00"),
        ("15:00", "21:00"),
    ]
    sunday = day + timedelta(days=(6 - day.weekday()))
    assert free_slots(centre=centre, first=sunday, last=sunday) == []


def test_staff_cannot_cancel_a_booking_that_is_over(room, organisation, staff_user):
    start, end = slot(warsaw_today() - timedelta(days=7), 10, 12)
    past = BookingFactory(room=room, organisation=organisation, starts_at=start, ends_at=end)
    mails = OutboxMessage.objects.count()
    with pytest.raises(ApplicationError, match="już się zaczęła"):
        booking_cancel(booking=past, actor=staff_user)
    past.refresh_from_db()
    assert past.status == BookingStatus.APPROVED
    assert OutboxMessage.objects.count() == mails


def test_cancelling_the_following_leaves_past_occurrences_and_mails_only_the_future(
    room, org_member, organisation, staff_user
):
    bookings = _series(room, org_member, organisation, count=3)
    past_start = timezone.now() - timedelta(days=7)
    Booking.objects.filter(pk=bookings[0].pk).update(
        starts_at=past_start, ends_at=past_start + timedelta(hours=2)
    )
    bookings[0].refresh_from_db()
    OutboxMessage.objects.all().delete()
    done = booking_cancel(booking=bookings[0], actor=staff_user, scope="following")
    assert [b.pk for b in done] == [b.pk for b in bookings[1:]]
    bookings[0].refresh_from_db()
    assert bookings[0].status == BookingStatus.PENDING
    mails = list(OutboxMessage.objects.all())
    assert len(mails) == 1 and mails[0].event == "cancelled_to_organisation"


def test_refusal_lists_problems_without_doubled_full_stops(room, org_member, organisation):
    day = next_open_day()
    error = _refused(
        "Nie można zarezerwować",
        lambda: _request(room, org_member, organisation, *slot(day, 19, 22)),
    )
    assert ".." not in error.message
    assert ".;" not in error.message
    assert error.message.count("Sala jest udostępniana tego dnia od ") == 1
