"""Small things from the field test: the loan form's active organisation, no attendance figure for staff
entries, room hours outside the centre's, and the member's per-month table when over the limit."""

from datetime import time, timedelta

import pytest
from django.urls import reverse

from centrum.accounts.models import MembershipRole
from centrum.accounts.selectors import ACTIVE_ORGANISATION_SESSION_KEY
from centrum.accounts.tests.factories import MembershipFactory
from centrum.core.models import CentreSetting
from centrum.spaces.choices import BookingKind
from centrum.spaces.selectors import room_public_week, week_start
from centrum.spaces.selectors.rooms import outside_hours
from centrum.spaces.services import booking_request

from .factories import BookingFactory, RoomFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_loan_form_preselects_the_active_organisation(
    client_for, centre, org_admin, organisation, second_organisation, projector
):
    MembershipFactory(user=org_admin, organisation=second_organisation, role=MembershipRole.ADMIN)
    client = client_for(centre, org_admin)
    session = client.session
    session[ACTIVE_ORGANISATION_SESSION_KEY] = second_organisation.pk
    session.save()
    page = client.get(reverse("spaces:loan_create")).content.decode()
    assert f'<option value="{second_organisation.pk}" selected>' in page
    assert f'<option value="{organisation.pk}" selected>' not in page


@pytest.mark.parametrize("kind", [BookingKind.CENTRE, BookingKind.BLOCK])
def test_a_staff_event_or_block_needs_no_attendance_figure(centre, staff_user, room, kind):
    start, end = slot(next_open_day(), 10, 12)
    (booking,) = booking_request(
        room=room,
        actor=staff_user,
        organisation=None,
        starts_at=start,
        ends_at=end,
        title="Dyżur księgowej",
        attendees=None,
        kind=kind,
    )
    assert booking.attendees is None


def test_a_staff_event_through_the_form_needs_no_attendance_figure(staff_client, room):
    day = next_open_day()
    response = staff_client.post(
        reverse("spaces:booking_create"),
        {
            "kind": "centre",
            "room": room.pk,
            "day": day.isoformat(),
            "start_time": "10:00",
            "end_time": "12:00",
            "recurrence": "once",
            "title": "Spotkanie zespołu centrum",
            "action": "submit",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_centre_event_still_may_not_exceed_the_capacity(centre, staff_user, room):
    from centrum.core.exceptions import ApplicationError

    start, end = slot(next_open_day(), 10, 12)
    with pytest.raises(ApplicationError) as exc:
        booking_request(
            room=room,
            actor=staff_user,
            organisation=None,
            starts_at=start,
            ends_at=end,
            title="Konferencja",
            attendees=room.capacity + 1,
            kind=BookingKind.CENTRE,
        )
    assert exc.value.field == "attendees"


def test_outside_hours_are_the_room_hours_the_centre_does_not_cover():
    room_hours = (time(8), time(21))
    assert outside_hours(room_hours, [(time(9), time(17))]) == [(time(8), time(9)), (time(17), time(21))]
    assert outside_hours(room_hours, []) == [room_hours]
    assert outside_hours(room_hours, [(time(7), time(22))]) == []
    assert outside_hours(room_hours, [(time(8), time(12)), (time(13), time(21))]) == [(time(12), time(13))]
    assert outside_hours(None, [(time(9), time(17))]) == []


def test_room_page_marks_hours_outside_the_centres_opening_hours(anon, centre):
    centre.opening_hours = [{"weekday": d, "opens": "09:00", "closes": "17:00"} for d in range(5)]
    centre.save()
    room = RoomFactory(centre=centre, name="Sala duża")  # open Monday–Saturday 08:00–21:00
    monday = week_start(next_open_day(weekday=0))
    week = room_public_week(room=room, first=monday)
    assert week[0].outside_centre_hours == [(time(8), time(9)), (time(17), time(21))]
    assert week[5].outside_centre_hours == [(time(8), time(21))]  # Saturday: the centre is closed
    page = anon.get(reverse("spaces:room_detail", args=[room.pk]), {"tydzien": monday.isoformat()})
    body = page.content.decode()
    assert "poza godzinami otwarcia centrum: 08:00–09:00, 17:00–21:00" in body
    assert "poza godzinami otwarcia centrum: 08:00–21:00" in body


def test_a_centre_without_opening_hours_marks_nothing(centre, room):
    centre.opening_hours = []
    centre.save()
    assert all(not day.outside_centre_hours for day in room_public_week(room=room, first=next_open_day()))


def test_a_member_over_the_monthly_limit_sees_the_per_month_table(
    client_for, centre, org_admin, room, organisation
):
    CentreSetting.objects.create(centre=centre, key="spaces.quota_hours_per_month", value=5)
    first = next_open_day(weeks_ahead=2)
    while (first + timedelta(weeks=1)).month == first.month:
        first += timedelta(weeks=1)
    BookingFactory(
        room=room, organisation=organisation, starts_at=slot(first, 9, 13)[0], ends_at=slot(first, 9, 13)[1]
    )
    following = first + timedelta(weeks=1)
    response = _series_post(
        client_for(centre, org_admin), room, organisation, first, action="check", title="Warsztaty"
    )
    body = response.content.decode()
    assert "Limit centrum to 5 godzin" in body
    assert (
        f"{first.month:02d}/{first.year}: wykorzystane 4 h + ta rezerwacja 2 h = 6 h z limitu 5 h"
        ' – <strong class="badge-error">ponad limit</strong></li>'
    ) in body
    assert (
        f"{following.month:02d}/{following.year}: wykorzystane 0 h + ta rezerwacja 4 h = 4 h z limitu 5 h"
        in body
    )
    assert 'value="submit"' not in body


def _series_post(client, room, organisation, first, **extra):
    data = {
        "organisation": organisation.pk,
        "room": room.pk,
        "day": first.isoformat(),
        "start_time": "17:00",
        "end_time": "19:00",
        "recurrence": "weekly",
        "count": "3",
        "title": "Próba chóru",
        "purpose": "Zajęcia artystyczne",
        "attendees": "12",
    }
    data.update(extra)
    return client.post(reverse("spaces:booking_create"), data)


def test_a_series_with_a_taken_date_waits_as_a_series(
    client_for, centre, org_admin, staff_user, room, organisation, second_organisation
):
    from centrum.spaces.choices import BookingStatus, WaitingStatus
    from centrum.spaces.models import Booking, WaitingListEntry
    from centrum.spaces.services import booking_cancel

    first = next_open_day(weeks=3)
    taken = first + timedelta(weeks=1)
    blocker = BookingFactory(
        room=room,
        organisation=second_organisation,
        starts_at=slot(taken, 17, 19)[0],
        ends_at=slot(taken, 17, 19)[1],
    )
    client = client_for(centre, org_admin)
    checked = _series_post(client, room, organisation, first, action="check").content.decode()
    assert 'value="wait"' in checked
    response = _series_post(client, room, organisation, first, action="wait")
    assert response.status_code == 302
    booked = list(Booking.objects.filter(organisation=organisation).order_by("starts_at"))
    assert [b.starts_at.date() for b in booked] == [first, first + timedelta(weeks=2)]
    entry = WaitingListEntry.objects.get()
    assert entry.series_id == booked[0].series_id is not None
    assert entry.starts_at == slot(taken, 17, 19)[0]
    # The taken date frees: it is offered on its own, and the offered booking belongs to the series.
    booking_cancel(booking=blocker, actor=staff_user, scope="one", reason="Odwołane")
    entry.refresh_from_db()
    assert entry.status == WaitingStatus.OFFERED
    assert entry.offered_booking.series_id == entry.series_id
    assert entry.offered_booking.status == BookingStatus.OFFERED


def test_a_series_whose_dates_are_all_taken_waits_whole(
    client_for, centre, org_admin, room, organisation, second_organisation
):
    from centrum.spaces.models import Booking, WaitingListEntry

    first = next_open_day(weeks=2)
    for week in range(2):
        day = first + timedelta(weeks=week)
        BookingFactory(
            room=room,
            organisation=second_organisation,
            starts_at=slot(day, 17, 19)[0],
            ends_at=slot(day, 17, 19)[1],
        )
    response = _series_post(
        client_for(centre, org_admin), room, organisation, first, action="wait", count="2"
    )
    assert response.status_code == 302
    assert not Booking.objects.filter(organisation=organisation).exists()
    entries = list(WaitingListEntry.objects.all())
    assert len(entries) == 2 and entries[0].series_id == entries[1].series_id is not None


def test_a_series_with_a_rule_problem_does_not_wait(client_for, centre, org_admin, room, organisation):
    from centrum.spaces.models import WaitingListEntry

    first = next_open_day(weeks=2)
    response = _series_post(
        client_for(centre, org_admin),
        room,
        organisation,
        first,
        action="wait",
        start_time="22:00",
        end_time="23:00",
    )
    assert response.status_code == 200
    assert not WaitingListEntry.objects.exists()
