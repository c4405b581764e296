"""The hard indicators other apps register for the index count their own records of the year: room hours of
organisations' approved bookings, finished trainings and the people present, advice logged, grants
contracted as a share of the year's planned NGO grants."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from centrum.core.calendar import warsaw_today
from centrum.core.indicators import INDICATOR_SOURCES

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def value(key, centre, year):
    return INDICATOR_SOURCES[key].value(centre, year)


def test_room_hours_given_to_organisations(centre, other_centre, organisation):
    from centrum.spaces.tests.factories import BookingFactory, RoomFactory

    room = RoomFactory(centre=centre)
    start = timezone.now() + timedelta(days=1)
    year = timezone.localtime(start).year
    BookingFactory(room=room, organisation=organisation, starts_at=start, ends_at=start + timedelta(hours=2))
    BookingFactory(
        room=room,
        organisation=organisation,
        starts_at=start + timedelta(hours=3),
        ends_at=start + timedelta(hours=4, minutes=30),
        status="pending",
    )
    BookingFactory(
        room=room,
        organisation=None,
        kind="centre",
        starts_at=start + timedelta(hours=5),
        ends_at=start + timedelta(hours=8),
    )
    assert value("spaces.organisation_hours", centre, year) == Decimal("2.0")
    assert value("spaces.organisation_hours", other_centre, year) == Decimal("0.0")


def test_trainings_held_and_their_participants(centre):
    from centrum.trainings.models import Attendance
    from centrum.trainings.tests.factories import RegistrationFactory, SessionFactory, TrainingFactory

    done = TrainingFactory(centre=centre, status="finished")
    session = SessionFactory(training=done, starts_at=timezone.now() - timedelta(days=3))
    TrainingFactory(centre=centre, status="published")
    for present in (True, True, False):
        registration = RegistrationFactory(training=done)
        Attendance.objects.create(centre=centre, registration=registration, session=session, present=present)
    year = timezone.localtime(session.starts_at).year
    assert value("trainings.held", centre, year) == 1
    assert value("trainings.participants", centre, year) == 2
    assert value("trainings.held", centre, year - 1) == 0


def test_advice_given(centre, organisation):
    from centrum.advice.models import AdviceEntry
    from centrum.advice.tests.factories import AdviserFactory, DomainFactory

    adviser = AdviserFactory(centre=centre)
    domain = DomainFactory(centre=centre)
    today = warsaw_today()
    for day in (today, today, today.replace(year=today.year - 1, month=6, day=1)):
        AdviceEntry.objects.create(
            centre=centre,
            adviser=adviser,
            organisation=organisation,
            held_on=day,
            domain=domain,
            duration_minutes=60,
            topic="Statut",
        )
    assert value("advice.given", centre, today.year) == 2


def test_grants_as_a_share_of_the_planned_ngo_grants(centre):
    from centrum.grants.tests.factories import ContractFactory, planned_grants

    year = warsaw_today().year
    assert value("grants.budget_share", centre, year) is None
    planned_grants(centre=centre, amount=Decimal("40000.00"), year=year, valid_from=date(year, 1, 1))
    ContractFactory(
        centre=centre, status="signed", concluded_on=date(year, 3, 1), grant_amount=Decimal("10000")
    )
    ContractFactory(
        centre=centre, status="draft", concluded_on=date(year, 3, 1), grant_amount=Decimal("5000")
    )
    assert value("grants.budget_share", centre, year) == Decimal("25.0")
