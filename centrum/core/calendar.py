"""Working days in Europe/Warsaw: weekends and Polish public holidays are not working days."""

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

WARSAW = ZoneInfo("Europe/Warsaw")


@lru_cache(maxsize=64)
def _polish_holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("PL", years=year, language="pl"))


def public_holiday_name(day: date) -> str | None:
    return _polish_holidays(day.year).get(day)


def is_public_holiday(day: date) -> bool:
    return day in _polish_holidays(day.year)


def is_working_day(day: date, *, extra_closed: set[date] | frozenset[date] = frozenset()) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day) and day not in extra_closed


def add_working_days(
    start: date, days: int, *, extra_closed: set[date] | frozenset[date] = frozenset()
) -> date:
    """The date `days` working days after `start` (start itself not counted); negative counts back."""
    step = 1 if days >= 0 else -1
    remaining = abs(days)
    current = start
    while remaining:
        current += timedelta(days=step)
        if is_working_day(current, extra_closed=extra_closed):
            remaining -= 1
    return current


def working_days_between(
    start: date, end: date, *, extra_closed: set[date] | frozenset[date] = frozenset()
) -> int:
    """Working days in (start, end]; 0 when `end` is not after `start`."""
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, extra_closed=extra_closed):
            count += 1
    return count


def warsaw_today(now: datetime | None = None) -> date:
    from django.utils import timezone

    return (now or timezone.now()).astimezone(WARSAW).date()
