"""The rules of the law (DOMAIN §7) and of matching, as plain functions of data and the centre's settings.

- art. 44 ust. 4: an agreement longer than `written_form_after_days` must be in writing;
- art. 46: up to `insurance_up_to_days`, or open-ended, the host provides accident insurance (NNW);
- a minor (younger than `adult_age` on the first day) needs the guardian's consent before any agreement;
- art. 45: the volunteer may waive travel costs and per diems only in writing."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError


def duration_days(starts_on: date, ends_on: date | None) -> int | None:
    return None if ends_on is None else (ends_on - starts_on).days + 1


@dataclass(frozen=True)
class AgreementTerms:
    starts_on: date
    ends_on: date | None
    written_form: bool
    travel_costs_waived: bool


def check_agreement(terms: AgreementTerms, *, volunteer, settings) -> bool:
    """Raise ApplicationError for terms the law refuses; return whether NNW insurance is flagged for the host."""
    if terms.ends_on is not None and terms.ends_on < terms.starts_on:
        raise ApplicationError(_("Porozumienie nie może kończyć się przed początkiem."), field="ends_on")
    if (
        volunteer.age_on(terms.starts_on) < settings["volunteers.adult_age"]
        and not volunteer.has_guardian_consent
    ):
        raise ApplicationError(
            _(
                "Wolontariusz jest niepełnoletni: porozumienie można zawrzeć dopiero po zapisaniu zgody opiekuna "
                "prawnego (koordynator wolontariatu zapisuje ją w profilu)."
            )
        )
    days = duration_days(terms.starts_on, terms.ends_on)
    written_after = settings["volunteers.written_form_after_days"]
    if (days is None or days > written_after) and not terms.written_form:
        raise ApplicationError(
            _(
                "Porozumienie na dłużej niż %(days)s dni (lub bezterminowe) zawiera się na piśmie (art. 44 ust. 4)."
            )
            % {"days": written_after},
            field="written_form",
        )
    if terms.travel_costs_waived and not terms.written_form:
        raise ApplicationError(
            _("Zwolnienie z pokrycia kosztów podróży i diet jest ważne tylko na piśmie (art. 45)."),
            field="travel_costs_waived",
        )
    return days is None or days <= settings["volunteers.insurance_up_to_days"]


def check_hours(*, agreement, day: date, hours: Decimal, already: Decimal, today: date, max_per_day: Decimal):
    if not agreement.covers(day):
        raise ApplicationError(
            _("Ten dzień jest poza czasem porozumienia (%(start)s – %(end)s).")
            % {
                "start": f"{agreement.starts_on:%d.%m.%Y}",
                "end": f"{agreement.ends_on:%d.%m.%Y}" if agreement.ends_on else _("bezterminowo"),
            },
            field="day",
        )
    if day > today:
        raise ApplicationError(_("Godziny wpisuje się po ich przepracowaniu, nie na zapas."), field="day")
    if hours <= 0:
        raise ApplicationError(_("Podaj dodatnią liczbę godzin."), field="hours")
    if already + hours > max_per_day:
        raise ApplicationError(
            _("Jednego dnia można wpisać najwyżej %(max)s h (już wpisano %(already)s h).")
            % {"max": max_per_day, "already": already},
            field="hours",
        )


def contribution(hours: Decimal, hour_value: Decimal) -> Decimal:
    """Personal contribution (wkład osobowy): confirmed hours × the hour's value, to the grosz, half up."""
    return (hours * hour_value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fit_score(
    *,
    volunteer_areas: set,
    volunteer_district,
    volunteer_times: set[str],
    minor: bool,
    offer,
    offer_areas: set,
) -> int:
    """How well an offer fits a volunteer: shared fields weigh most, then the district, then the time; an
    offer not suitable for a minor does not fit a minor at all (-1)."""
    if minor and not offer.for_minors:
        return -1
    score = 3 * len(volunteer_areas & offer_areas)
    if volunteer_district is not None and offer.district_id == volunteer_district:
        score += 2
    score += len(volunteer_times & offer.availability())
    return score
