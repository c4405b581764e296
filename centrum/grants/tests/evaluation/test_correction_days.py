"""The correction window: calendar days by default (a deadline on a day off moves to the next working day,
KPA art. 57 § 4) or the centre's working days (setting `grants.correction_days_kind`)."""

from datetime import date
from unittest import mock

import pytest

from centrum.core.calendar import WARSAW
from centrum.core.models import CentreSetting

from ...workflows.evaluation import correction_deadline

pytestmark = pytest.mark.django_db


def _due(offer, today: date) -> date:
    offer.competition.correction_days = 7
    with mock.patch("centrum.grants.workflows.evaluation.warsaw_today", return_value=today):
        return correction_deadline(offer).astimezone(WARSAW).date()


def test_calendar_days_by_default(offers):
    assert _due(offers[0], date(2026, 12, 1)) == date(2026, 12, 8)


def test_a_calendar_deadline_on_a_holiday_moves_to_the_next_working_day(offers):
    # 4 November + 7 = 11 November (Independence Day) → 12 November
    assert _due(offers[0], date(2026, 11, 4)) == date(2026, 11, 12)
    # 3 October + 7 = Saturday 10 October → Monday 12 October
    assert _due(offers[0], date(2026, 10, 3)) == date(2026, 10, 12)


def test_working_days_when_the_centre_counts_them(centre, offers):
    CentreSetting.objects.create(centre=centre, key="grants.correction_days_kind", value="working")
    # 5, 6, 9, 10, 12 (11th is a holiday), 13, 16 November
    assert _due(offers[0], date(2026, 11, 4)) == date(2026, 11, 16)
