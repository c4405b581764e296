"""Dates of a recurring booking: weekly, every two weeks, monthly by weekday or by date."""

import calendar
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centrum.core.exceptions import ApplicationError

from .choices import Recurrence

# However far `until` reaches, counting stops here: enough to tell the person how many they asked for.
_COUNT_LIMIT = 1000


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth (1–4) weekday of the month, or the last one when nth is 5."""
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    if nth >= 5:
        return date(year, month, days[-1])
    return date(year, month, days[nth - 1]) if len(days) >= nth else None


def _candidates(recurrence: str, first: date):
    if recurrence == Recurrence.ONCE:
        yield first
        return
    step = 0
    while True:
        try:
            yield from _candidate(recurrence, first, step)
        except (OverflowError, ValueError):
            # Past year 9999 (or before year 1): the forms and the API refuse such dates, this is the backstop.
            raise ApplicationError(
                _("Cykl sięga poza obsługiwany zakres dat – skróć go."), field="until"
            ) from None
        step += 1


def _candidate(recurrence: str, first: date, step: int):
    """The occurrence of `step` (none when the month lacks the day or the weekday)."""
    if recurrence == Recurrence.WEEKLY:
        yield first + timedelta(weeks=step)
    elif recurrence == Recurrence.BIWEEKLY:
        yield first + timedelta(weeks=2 * step)
    elif recurrence == Recurrence.MONTHLY_DATE:
        year, month = _add_months(first, step)
        if first.day <= calendar.monthrange(year, month)[1]:
            yield date(year, month, first.day)
    elif recurrence == Recurrence.MONTHLY_WEEKDAY:
        year, month = _add_months(first, step)
        nth = (first.day - 1) // 7 + 1
        found = _nth_weekday(year, month, first.weekday(), nth)
        if found is not None:
            yield found
    else:
        raise ApplicationError(_("Nieznany sposób powtarzania."), field="recurrence")


def occurrence_dates(
    *, recurrence: str, first: date, until: date | None = None, count: int | None = None, cap: int
) -> list[date]:
    """Every date of the series; more than `cap` occurrences is refused with the number asked for."""
    if recurrence != Recurrence.ONCE:
        if until is None and not count:
            raise ApplicationError(_("Podaj datę końca cyklu albo liczbę terminów."), field="until")
        if until is not None and until < first:
            raise ApplicationError(_("Koniec cyklu jest przed pierwszym terminem."), field="until")
    if count is not None and count < 1:
        raise ApplicationError(_("Liczba terminów musi być dodatnia."), field="count")
    dates: list[date] = []
    for day in _candidates(recurrence, first):
        if until is not None and day > until:
            break
        dates.append(day)
        if (count and len(dates) >= count) or len(dates) >= _COUNT_LIMIT:
            break
    wanted = count if count and (until is None or len(dates) >= count) else len(dates)
    if wanted > cap:
        raise ApplicationError(
            ngettext(
                "Cykl miałby %(count)s termin, a centrum pozwala na najwyżej %(cap)s w jednym cyklu. "
                "Skróć cykl albo podziel go na kilka.",
                "Cykl miałby %(count)s terminów, a centrum pozwala na najwyżej %(cap)s w jednym cyklu. "
                "Skróć cykl albo podziel go na kilka.",
                wanted,
            )
            % {"count": wanted, "cap": cap},
            field="count" if count else "until",
        )
    return dates
