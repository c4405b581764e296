"""The rooms' and equipment's support sources: unique people and organisations, and loan returns."""

from datetime import timedelta

from centrum.accounts.tests.factories import UserFactory
from centrum.core.calendar import warsaw_today
from centrum.organisations.sections import support_deadlines, support_reach
from centrum.spaces.choices import BookingKind, BookingStatus, LoanStatus
from centrum.spaces.models import Loan

from .conftest import make_organisation
from .factories import BookingFactory


def test_reach_counts_each_person_and_organisation_once(centre, room, organisation, second_organisation):
    member = UserFactory(email="a@example.org")
    other = UserFactory(email="b@example.org")
    BookingFactory(room=room, organisation=organisation, requested_by=member)
    BookingFactory(
        room=room,
        organisation=organisation,
        requested_by=member,
        starts_at=BookingFactory.starts_at.function() + timedelta(days=1),
    )
    BookingFactory(
        room=room,
        organisation=second_organisation,
        requested_by=other,
        starts_at=BookingFactory.starts_at.function() + timedelta(days=2),
    )
    BookingFactory(
        room=room,
        organisation=second_organisation,
        requested_by=other,
        status=BookingStatus.CANCELLED,
        starts_at=BookingFactory.starts_at.function() + timedelta(days=3),
    )
    BookingFactory(
        room=room,
        kind=BookingKind.CENTRE,
        requested_by=UserFactory(),
        starts_at=BookingFactory.starts_at.function() + timedelta(days=4),
    )
    Loan.objects.create(
        centre=centre,
        number="UŻ/1",
        organisation=organisation,
        requested_by=member,
        purpose="Festyn",
        starts_on=warsaw_today(),
        due_on=warsaw_today(),
        status=LoanStatus.HANDED_OVER,
    )
    today = warsaw_today()
    reach = support_reach(centre=centre, start=today, end=today + timedelta(days=60))
    assert (reach["people"], reach["organisations"]) == (2, 2)
    per_source = {row["key"]: (row["people"], row["organisations"]) for row in reach["sources"]}
    assert per_source["spaces.bookings"] == (2, 2)
    assert per_source["spaces.loans"] == (1, 1)


def test_reach_ends_at_the_period(centre, room, organisation):
    BookingFactory(room=room, organisation=organisation, requested_by=UserFactory())
    today = warsaw_today()
    assert (
        support_reach(centre=centre, start=today - timedelta(days=30), end=today - timedelta(days=1))[
            "people"
        ]
        == 0
    )


def test_reach_and_deadlines_stay_in_the_centre(centre, other_centre, organisation):
    foreign = make_organisation(other_centre, "Obca")
    Loan.objects.create(
        centre=other_centre,
        number="UŻ/9",
        organisation=foreign,
        purpose="x",
        starts_on=warsaw_today(),
        due_on=warsaw_today() + timedelta(days=3),
        status=LoanStatus.HANDED_OVER,
    )
    mine = Loan.objects.create(
        centre=centre,
        number="UŻ/1",
        organisation=organisation,
        purpose="x",
        starts_on=warsaw_today(),
        due_on=warsaw_today() + timedelta(days=5),
        status=LoanStatus.HANDED_OVER,
    )
    today = warsaw_today()
    deadlines = support_deadlines(
        centre=centre,
        organisation_ids=[organisation.pk, foreign.pk],
        start=today,
        end=today + timedelta(days=30),
    )
    assert [(d.organisation_id, d.due_on) for d in deadlines] == [(organisation.pk, mine.due_on)]
    assert "UŻ/1" in deadlines[0].label
    assert support_reach(centre=centre, start=today, end=today)["organisations"] == 1
