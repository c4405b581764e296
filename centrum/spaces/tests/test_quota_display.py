"""The booking form shows, for each month the request touches, used + requested / limit hours."""

from datetime import timedelta

import pytest
from django.urls import reverse

from centrum.core.models import CentreSetting
from centrum.spaces.services.booking_checks import BookingPlan

from .factories import BookingFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_quota_months_sum_used_and_requested_and_flag_the_month_over(room):
    plan = BookingPlan(
        room=room,
        checks=[],
        quota_hours=10,
        quota_used={(2026, 1): 8.5, (2026, 2): 0.0},
        quota_requested={(2026, 2): 4.0, (2026, 1): 2.0},
    )
    assert plan.quota_months == [
        {"year": 2026, "month": "01", "used": "8,5", "requested": "2", "total": "10,5", "over": True},
        {"year": 2026, "month": "02", "used": "0", "requested": "4", "total": "4", "over": False},
    ]
    assert (
        BookingPlan(room=room, checks=[], quota_requested={(2026, 1): 50.0}).quota_months[0]["over"] is False
    )


def test_staff_see_each_month_of_a_series_and_the_one_over_the_limit(
    staff_client, centre, room, organisation
):
    CentreSetting.objects.create(centre=centre, key="spaces.quota_hours_per_month", value=5)
    # A weekly series of three 2-hour meetings whose first falls in the last week of a month.
    first = next_open_day(weeks_ahead=2)
    while (first + timedelta(weeks=1)).month == first.month:
        first += timedelta(weeks=1)
    following = first + timedelta(weeks=1)
    BookingFactory(
        room=room, organisation=organisation, starts_at=slot(first, 9, 13)[0], ends_at=slot(first, 9, 13)[1]
    )
    response = staff_client.post(
        reverse("spaces:booking_create"),
        {
            "kind": "organisation",
            "organisation": organisation.pk,
            "room": room.pk,
            "day": first.isoformat(),
            "start_time": "17:00",
            "end_time": "19:00",
            "recurrence": "weekly",
            "count": "3",
            "title": "Warsztaty",
            "purpose": "Zajęcia statutowe",
            "attendees": "12",
            "action": "check",
        },
    )
    body = response.content.decode()
    assert (
        f"{first.month:02d}/{first.year}: wykorzystane 4 h + ta rezerwacja 2 h = 6 h z limitu 5 h"
        ' – <strong class="badge-error">ponad limit</strong></li>'
    ) in body
    assert (
        f"{following.month:02d}/{following.year}: wykorzystane 0 h + ta rezerwacja 4 h = 4 h z limitu 5 h</li>"
    ) in body
