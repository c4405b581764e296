"""The resolution's rules a form, a service and the API all apply: the criteria's weights, the intake, the
contribution lines' values and the social-work share. Plain functions of data; no database writes."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError

from .choices import ContributionKind

CENT = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def check_weights(criteria: list[tuple[str, int, bool]]) -> None:
    """`criteria` as (name, weight, is social work): exactly one criterion is the social-work contribution and
    no other criterion outweighs it (art. 19c ust. 2: the resolution considers above all the social work)."""
    social = [weight for _name, weight, is_social in criteria if is_social]
    if len(social) > 1:
        raise ApplicationError(
            _("Wkład pracy społecznej może być tylko jednym kryterium."), field="social_work"
        )
    if not social:
        if criteria:
            raise ApplicationError(
                _(
                    "Najpierw dodaj kryterium wkładu pracy społecznej – ustawa każe brać je pod uwagę przede wszystkim."
                ),
                field="social_work",
            )
        return
    heavier = [name for name, weight, is_social in criteria if not is_social and weight > social[0]]
    if heavier:
        raise ApplicationError(
            _(
                "Kryterium „%(name)s” ważyłoby więcej niż wkład pracy społecznej (waga %(weight)s). "
                "Wkład pracy społecznej musi ważyć najwięcej (art. 19c ust. 2)."
            )
            % {"name": heavier[0], "weight": social[0]},
            field="weight",
        )


def contribution_value(*, kind: str, hours, hour_value: Decimal, value, max_hours: int) -> tuple:
    """(hours, hour value, value) of a contribution line: social work is hours × the hourly value in force;
    money and things are valued by the applicant. Negative or absurd numbers are refused."""
    if kind not in ContributionKind.values:
        raise ApplicationError(_("Wybierz rodzaj wkładu."), field="kind")
    if kind == ContributionKind.WORK:
        if hours is None or hours <= 0:
            raise ApplicationError(_("Podaj liczbę godzin pracy społecznej większą od zera."), field="hours")
        if hours > max_hours:
            raise ApplicationError(
                _("Jedna pozycja może mieć najwyżej %(max)s godzin pracy – podziel ją lub sprawdź liczbę.")
                % {"max": max_hours},
                field="hours",
            )
        return hours, hour_value, money(hours * hour_value)
    if value is None or value <= 0:
        raise ApplicationError(_("Podaj wartość wkładu większą od zera."), field="value")
    return None, None, money(value)


def totals(lines) -> dict[str, Decimal]:
    """The applicant's contribution by kind, the hours of social work and the total, in Decimal."""
    result = {kind: Decimal("0.00") for kind in ContributionKind.values}
    hours = Decimal("0")
    for line in lines:
        result[line.kind] += line.value
        if line.kind == ContributionKind.WORK and line.hours:
            hours += line.hours
    result["hours"] = hours
    result["total"] = sum((result[k] for k in ContributionKind.values), Decimal("0.00"))
    return result


def work_share(lines) -> Decimal | None:
    """The social work's share of the applicant's contribution in per cent (None when there is none)."""
    sums = totals(lines)
    if not sums["total"]:
        return None
    return money(sums[ContributionKind.WORK] * 100 / sums["total"])


def weighted_score(scores, criteria) -> Decimal | None:
    """Σ weight × points / max points, as a percentage of the best possible (None until every criterion has a
    score)."""
    by_criterion = {s.criterion_id: s.points for s in scores}
    if not criteria or any(c.pk not in by_criterion for c in criteria):
        return None
    best = sum(c.weight for c in criteria)
    got = sum(Decimal(c.weight) * by_criterion[c.pk] / c.max_points for c in criteria)
    return money(got * 100 / best)
