"""The organisation's no-shows are shown where bookings are made and decided, in one aggregate query."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from centrum.core.models import CentreSetting
from centrum.spaces.choices import Attendance, BookingStatus

from .factories import BookingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _no_shows(room, organisation, n):
    for weeks in range(1, n + 1):
        start = timezone.now() - timedelta(weeks=weeks, hours=2)
        BookingFactory(
            room=room,
            organisation=organisation,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            status=BookingStatus.APPROVED,
            attendance=Attendance.NO_SHOW,
        )


def _aggregates(ctx) -> int:
    return sum(1 for q in ctx.captured_queries if 'COUNT("spaces_booking"."id") AS "total"' in q["sql"])


@pytest.mark.parametrize("url_name", ["spaces:my_bookings", "spaces:booking_create"])
def test_member_pages_show_the_count_and_the_threshold(
    client_for, centre, org_member, organisation, room, url_name
):
    CentreSetting.objects.create(centre=centre, key="spaces.no_show_block_threshold", value=3)
    _no_shows(room, organisation, 2)
    with CaptureQueriesContext(connection) as ctx:
        html = client_for(centre, org_member).get(reverse(url_name)).content.decode()
    assert f"{organisation.name}: nieobecności na rezerwacjach w ostatnich 180 dniach – 2." in html
    assert "Próg blokady nowych rezerwacji: 3." in html
    assert _aggregates(ctx) == 1


def test_member_page_says_when_bookings_are_on_hold(client_for, centre, org_member, organisation, room):
    CentreSetting.objects.create(centre=centre, key="spaces.no_show_block_threshold", value=2)
    _no_shows(room, organisation, 2)
    html = client_for(centre, org_member).get(reverse("spaces:my_bookings")).content.decode()
    assert "Próg blokady (2) osiągnięty – nowe rezerwacje organizacji są wstrzymane." in html


def test_without_a_threshold_only_the_count_is_shown(client_for, centre, org_member, organisation, room):
    CentreSetting.objects.create(centre=centre, key="spaces.no_show_block_threshold", value=0)
    html = client_for(centre, org_member).get(reverse("spaces:my_bookings")).content.decode()
    assert "w ostatnich 180 dniach – 0." in html
    assert "Próg blokady" not in html


def test_staff_queue_and_detail_show_each_organisations_count(
    staff_client, centre, room, organisation, second_organisation
):
    _no_shows(room, organisation, 3)
    first = BookingFactory.build(room=room).starts_at
    pending = [  # one after another: PostgreSQL's exclusion constraint refuses overlapping requests
        BookingFactory(
            room=room,
            organisation=org,
            status=BookingStatus.PENDING,
            starts_at=first + timedelta(hours=2 * i),
            ends_at=first + timedelta(hours=2 * i + 2),
        )
        for i, org in enumerate((organisation, second_organisation, organisation))
    ]
    with CaptureQueriesContext(connection) as ctx:
        html = staff_client.get(reverse("spaces:queue")).content.decode()
    assert _aggregates(ctx) == 1  # one query for all rows
    assert "Nieobecności liczone z ostatnich 180 dni. Próg blokady nowych rezerwacji: 3." in html
    assert html.count('<td>3 <span class="badge badge-error">blokada</span></td>') == 2
    assert "<td>0</td>" in html
    detail = staff_client.get(reverse("spaces:booking_detail", args=[pending[0].pk])).content.decode()
    assert f"{organisation.name}: nieobecności na rezerwacjach w ostatnich 180 dniach – 3." in detail
    assert "Próg blokady (3) osiągnięty" in detail


def test_members_do_not_see_the_staff_note_on_the_detail(client_for, centre, org_member, organisation, room):
    booking = BookingFactory(room=room, organisation=organisation, requested_by=org_member)
    html = (
        client_for(centre, org_member)
        .get(reverse("spaces:booking_detail", args=[booking.pk]))
        .content.decode()
    )
    assert "nieobecności na rezerwacjach" not in html


def test_old_no_shows_and_other_organisations_do_not_count(
    client_for, centre, org_member, organisation, room
):
    CentreSetting.objects.create(centre=centre, key="spaces.no_show_window_days", value=10)
    _no_shows(room, organisation, 3)  # 1, 2 and 3 weeks ago: one within 10 days
    html = client_for(centre, org_member).get(reverse("spaces:my_bookings")).content.decode()
    assert "w ostatnich 10 dniach – 1." in html
