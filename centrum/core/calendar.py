"""Working days in Europe/Warsaw: weekends and Polish public holidays are not working days."""

import importlib.util
import sys
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays

WARSAW = ZoneInfo("Europe/Warsaw")


@cache
def _poland() -> type:
    """The `holidays` class of Poland, and only Poland's module. `holidays.country_holidays("PL")` (and any
    `from holidays.countries import …`) runs the package `holidays.countries`, whose `__init__` imports all
    ~250 countries: 2 s and ~25 MB in each process, on the first page that asks about a day."""
    loaded = sys.modules.get("holidays.countries.poland")
    if loaded is not None:
        return loaded.Poland
    name = "centrum_holidays_poland"  # not "holidays.countries.poland": its parent package stays unloaded
    spec = importlib.util.spec_from_file_location(
        name, Path(holidays.__file__).parent / "countries" / "poland.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Poland


@lru_cache(maxsize=64)
def _polish_holidays(year: int) -> dict[date, str]:
    return dict(_poland()(years=year, language="pl"))


def warm_up() -> None:
    """Load the holiday data the first page of a worker would (called by the server's start-up)."""
    today = date.today()
    for year in (today.year - 1, today.year, today.year + 1):
        _polish_holidays(year)


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
