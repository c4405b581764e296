from datetime import date

from centrum.core.calendar import (
    add_working_days,
    is_public_holiday,
    is_working_day,
    public_holiday_name,
    working_days_between,
)
from centrum.core.models import CentreClosedDay
from centrum.core.selectors import centre_add_working_days, centre_closed_days, is_centre_open_day


def test_polish_public_holidays_2026():
    assert public_holiday_name(date(2026, 11, 11)) == "Narodowe Święto Niepodległości"
    assert is_public_holiday(date(2026, 4, 6))  # Easter Monday
    assert is_public_holiday(date(2026, 6, 4))  # Corpus Christi
    assert is_public_holiday(date(2026, 12, 24))  # Christmas Eve, a holiday since 2025
    assert is_public_holiday(date(2026, 12, 25)) and is_public_holiday(date(2026, 12, 26))
    assert not is_public_holiday(date(2026, 4, 7))
    assert not is_working_day(date(2026, 4, 6))
    assert not is_working_day(date(2026, 11, 11))  # a Wednesday


def test_weekends_are_not_working_days():
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 3, 8))  # Sunday
    assert is_working_day(date(2026, 3, 9))


def test_add_working_days_across_easter():
    # Thursday 2 April 2026 + 2 working days: Fri 3, (Sat, Sun, Easter Monday skipped) Tue 7.
    assert add_working_days(date(2026, 4, 2), 2) == date(2026, 4, 7)
    assert add_working_days(date(2026, 4, 7), -2) == date(2026, 4, 2)
    assert add_working_days(date(2026, 4, 2), 0) == date(2026, 4, 2)


def test_add_working_days_across_christmas_and_new_year():
    # Wed 23 Dec 2026 + 3: (24, 25, 26, 27 off) Mon 28, Tue 29, Wed 30.
    assert add_working_days(date(2026, 12, 23), 3) == date(2026, 12, 30)
    # Thu 31 Dec + 1: New Year's Day Fri, weekend → Mon 4 Jan 2027.
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_add_working_days_across_independence_day():
    # Tue 10 Nov 2026 + 1 skips Wed 11 Nov.
    assert add_working_days(date(2026, 11, 10), 1) == date(2026, 11, 12)


def test_working_days_between():
    assert working_days_between(date(2026, 11, 9), date(2026, 11, 13)) == 3  # 10, 12, 13
    assert working_days_between(date(2026, 11, 13), date(2026, 11, 9)) == 0
    assert working_days_between(date(2026, 11, 9), date(2026, 11, 13), extra_closed={date(2026, 11, 12)}) == 2


def test_centre_closed_days_and_open_days(centre, other_centre):
    CentreClosedDay.objects.create(centre=centre, date=date(2026, 11, 12), reason="Inwentaryzacja")
    CentreClosedDay.objects.create(centre=other_centre, date=date(2026, 11, 13))
    assert centre_closed_days(centre, date(2026, 11, 1), date(2026, 11, 30)) == {date(2026, 11, 12)}
    assert centre_closed_days(centre, date(2026, 11, 13), date(2026, 11, 30)) == set()
    assert not is_centre_open_day(centre, date(2026, 11, 12))  # own closed day
    assert not is_centre_open_day(centre, date(2026, 11, 11))  # public holiday
    assert is_centre_open_day(centre, date(2026, 11, 13))  # the other centre's closed day
    assert not is_centre_open_day(centre, date(2026, 11, 14))  # Saturday, no hours
    # Tue 10 Nov + 2: skips 11 (holiday) and 12 (closed) → Fri 13, Mon 16.
    assert centre_add_working_days(centre, date(2026, 11, 10), 2) == date(2026, 11, 16)
    assert centre_add_working_days(centre, date(2026, 11, 16), -2) == date(2026, 11, 10)


def test_centre_open_on_saturday_when_its_hours_say_so(centre):
    centre.opening_hours = [{"weekday": 5, "opens": "10:00", "closes": "14:00"}]
    assert is_centre_open_day(centre, date(2026, 3, 7))
    assert not is_centre_open_day(centre, date(2026, 3, 9))  # Monday, no hours
    centre.opening_hours = []
    assert is_centre_open_day(centre, date(2026, 3, 9))
