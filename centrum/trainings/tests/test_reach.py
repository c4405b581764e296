"""Support reach: attendees and their organisations; a registered person who did not come is not reached."""

from datetime import timedelta

import pytest
from django.utils import timezone

from centrum.core.calendar import warsaw_today
from centrum.organisations.sections import support_reach
from centrum.organisations.tests.factories import OrganisationFactory

from ..models import Attendance
from ..selectors import training_reach
from .factories import RegistrationFactory, SessionFactory, TrainingFactory

pytestmark = pytest.mark.django_db


def test_only_attendees_are_reached(centre):
    organisation = OrganisationFactory(centre=centre)
    training = TrainingFactory(centre=centre)
    start = timezone.now() - timedelta(days=2)
    session = SessionFactory(training=training, starts_at=start, ends_at=start + timedelta(hours=2))
    came = RegistrationFactory(training=training, email="Came@Example.org", organisation=organisation)
    absent = RegistrationFactory(training=training, email="absent@example.org")
    Attendance.objects.create(centre=centre, registration=came, session=session, present=True)
    Attendance.objects.create(centre=centre, registration=absent, session=session, present=False)
    today = warsaw_today()
    assert training_reach(centre, today - timedelta(days=30), today) == [
        ("email:came@example.org", organisation.pk)
    ]
    totals = support_reach(centre=centre, start=today - timedelta(days=30), end=today)
    assert any(s["key"] == "trainings.attendance" and s["people"] == 1 for s in totals["sources"])
