"""The dates the rooms app accepts: from a year back to five years ahead of today.

One check for every form field, query parameter and API field that takes a date, so that a date like
9999-12-31 or 0001-01-01 is refused with a clear message instead of overflowing in date arithmetic
(a series, a week, a day's bounds) and ending in a 500.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from centrum.core.audit_display import display_date
from centrum.core.calendar import warsaw_today

YEARS_BACK = 1
YEARS_AHEAD = 5


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def allowed_range(today: date | None = None) -> tuple[date, date]:
    today = today or warsaw_today()
    return _shift_years(today, -YEARS_BACK), _shift_years(today, YEARS_AHEAD)


def out_of_range_message(today: date | None = None) -> str:
    first, last = allowed_range(today)
    return _("Podaj datę od %(first)s do %(last)s.") % {
        "first": display_date(first),
        "last": display_date(last),
    }


def in_allowed_range(value: date | datetime) -> bool:
    day = value.date() if isinstance(value, datetime) else value
    first, last = allowed_range()
    return first <= day <= last


def validate_allowed_date(value: date | datetime | None) -> None:
    """A form field validator: an out-of-range date is a field error."""
    if value is not None and not in_allowed_range(value):
        raise ValidationError(out_of_range_message(), code="date_out_of_range")


SEARCH_MAX_DAYS = 31
SEARCH_DURATIONS = [30, 60, 90, 120, 180, 240, 360, 480]  # minutes, the search page's choices
SEARCH_MAX_AHEAD_DAYS = 730


def search_window_problems(
    first: date | None, last: date | None, today: date | None = None
) -> dict[str, str]:
    """What is wrong with the period of a free-time search, per field: the page and the API say the same."""
    today = today or warsaw_today()
    problems: dict[str, str] = {}
    if first and first < today:
        problems["first"] = _("Ten dzień już minął – wybierz dzisiejszy albo późniejszy.")
    elif first and (first - today).days > SEARCH_MAX_AHEAD_DAYS:
        problems["first"] = _("Szukaj najwyżej dwa lata naprzód.")
    if first and last:
        if last < first:
            problems["last"] = _("Ostatni dzień jest przed pierwszym.")
        elif (last - first).days + 1 > SEARCH_MAX_DAYS:
            problems["last"] = _("Szukaj najwyżej %(days)s dni naraz – skróć okres.") % {
                "days": SEARCH_MAX_DAYS
            }
    return problems
