"""The staff dashboard's card of rooms: requests to decide and loans overdue, counted per centre."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from centrum.core.calendar import warsaw_today
from centrum.core.models import CentreSetting
from centrum.spaces.choices import BookingStatus, LoanStatus
from centrum.spaces.models import Loan
from centrum.spaces.selectors import staff_dashboard_counts

from .conftest import make_organisation
from .factories import BookingFactory, next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def work(centre, room, organisation, other_room, other_centre):
    for week in range(3):
        start, end = slot(next_open_day(weeks_ahead=week + 1), 10, 12)
        BookingFactory(
            room=room, organisation=organisation, status=BookingStatus.PENDING, starts_at=start, ends_at=end
        )
    start, end = slot(next_open_day(), 14, 16)
    BookingFactory(
        room=room, organisation=organisation, status=BookingStatus.APPROVED, starts_at=start, ends_at=end
    )
    BookingFactory(room=other_room, status=BookingStatus.PENDING)
    today = warsaw_today()
    for number, due, status, owner, org in [
        ("UŻ/1", today - timedelta(days=2), LoanStatus.HANDED_OVER, centre, organisation),
        ("UŻ/2", today, LoanStatus.HANDED_OVER, centre, organisation),
        ("UŻ/3", today - timedelta(days=2), LoanStatus.RETURNED, centre, organisation),
        ("UŻ/4", today - timedelta(days=2), LoanStatus.HANDED_OVER, other_centre, None),
    ]:
        Loan.objects.create(
            centre=owner,
            number=number,
            organisation=org or make_organisation(other_centre, "Żorskie Plenery"),
            purpose="x",
            starts_on=due - timedelta(days=3),
            due_on=due,
            status=status,
        )


def test_counts_are_per_centre(centre, work):
    assert staff_dashboard_counts(centre=centre) == {"pending_bookings": 3, "overdue_loans": 1}


def test_card_on_the_dashboard_with_links(staff_client, work):
    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get("/panel/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Rezerwacje do zatwierdzenia" in body and "Czeka na decyzję: 3." in body
    assert "Sprzęt niezwrócony w terminie: 1." in body
    assert 'href="/sale/kolejka/"' in body and 'href="/sale/wypozyczenia/"' in body
    # centrum/core/tests/test_dashboard.py counts the hub and every card: 14 + 6 for the community apps' cards,
    # 3 for those of participation (consultations, councils, surveys).
    assert len(queries) <= 14 + 6 + 3


def test_no_card_where_the_centre_does_not_run_rooms(staff_client, centre, work):
    CentreSetting.objects.create(centre=centre, key="module_spaces", value=False)
    response = staff_client.get("/panel/")
    assert response.status_code == 200 and "Rezerwacje do zatwierdzenia" not in response.content.decode()
