"""Rules the forms and the services share: a period of statistics or of a target, dates a person can mean."""

from datetime import date

from django.utils.translation import gettext as _

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError

EARLIEST_YEAR = 2000
YEARS_AHEAD = 10


def date_validate(value: date | None, *, field: str) -> None:
    """A date of this service's records: from 2000 up to ten years ahead (no 9999-12-31)."""
    if value is None:
        return
    if value.year < EARLIEST_YEAR or value.year > warsaw_today().year + YEARS_AHEAD:
        raise ApplicationError(
            _("Podaj datę z lat %(first)s–%(last)s.")
            % {"first": EARLIEST_YEAR, "last": warsaw_today().year + YEARS_AHEAD},
            field=field,
        )


def period_validate(start: date, end: date, *, start_field: str = "start", end_field: str = "end") -> None:
    date_validate(start, field=start_field)
    date_validate(end, field=end_field)
    if end < start:
        raise ApplicationError(_("Koniec okresu musi być po jego początku."), field=end_field)
