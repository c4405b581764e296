"""The suite's frozen clock (tests/pytest_plugin.py) and the date helpers tests build on."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from centrum.core.calendar import WARSAW, is_public_holiday, warsaw_today
from centrum.spaces.tests.factories import next_open_day
from tests.pytest_plugin import parse_today

pytestmark = pytest.mark.dates


def test_every_test_starts_at_the_frozen_instant(frozen_now):
    if frozen_now is None:
        pytest.skip("the clock is real (--today=real)")
    assert warsaw_today() == frozen_now.date()
    assert timedelta(0) <= timezone.now() - frozen_now < timedelta(minutes=5)  # it ticks from there


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-24", datetime(2026, 12, 24, 10, tzinfo=WARSAW)),
        ("2027-01-01T00:30", datetime(2027, 1, 1, 0, 30, tzinfo=WARSAW)),
        (" real ", None),
    ],
)
def test_today_option(value, expected):
    assert parse_today(value) == expected


def test_a_bad_today_is_a_usage_error():
    with pytest.raises(pytest.UsageError, match="YYYY-MM-DD"):
        parse_today("24.12.2026")


def test_a_weekly_series_starts_where_none_of_its_weeks_is_a_holiday():
    # Seen from 2026-12-06, the Wednesday series of four that the Kalisz walk books would reach
    # 6 January (Trzech Króli) from every start before 13 January.
    first = next_open_day(weekday=2, weeks=4, start=date(2026, 12, 6))
    assert first == date(2027, 1, 13)
    assert not any(is_public_holiday(first + timedelta(weeks=n)) for n in range(4))
    assert next_open_day(weekday=2, start=date(2026, 12, 6)) == date(2026, 12, 16)  # one day: no holiday
