"""The Local Cooperation Quality Index: per area, the self-assessment (answers of the year's survey, 0–100)
combined with the hard indicators Centrum computes from its own records (each scored against the centre's
target, capped at 100; the reverse when lower is better) by the centre's weight; overall, the mean of the
areas. Plain computation over selectors: no writes."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from centrum.core.centre_settings import centre_setting
from centrum.core.indicators import AREAS, indicator_sources_for
from centrum.core.models import Centre

from .models import IndicatorTarget, Survey
from .results import area_means

HUNDRED = Decimal(100)


def _round(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def indicator_score(value, target, *, higher_is_better: bool) -> Decimal | None:
    if value is None or not target:
        return None
    value, target = Decimal(value), Decimal(target)
    if higher_is_better:
        score = value * HUNDRED / target
    else:
        score = HUNDRED if value <= 0 else target * HUNDRED / value
    return min(score, HUNDRED).max(Decimal(0))


@dataclass
class IndicatorFigure:
    key: str
    label: str
    unit: str
    value: Decimal | int | None
    target: Decimal | None
    score: Decimal | None
    higher_is_better: bool


@dataclass
class AreaFigure:
    key: str
    label: str
    self_score: Decimal | None = None
    answers: int = 0
    hard_score: Decimal | None = None
    index: Decimal | None = None
    indicators: list[IndicatorFigure] = field(default_factory=list)


@dataclass
class YearIndex:
    year: int
    survey: Survey | None
    areas: list[AreaFigure]
    overall: Decimal | None
    weight: int


def _mean(values) -> Decimal | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def year_index(
    centre: Centre, year: int, *, survey: Survey | None = None, targets=None, sources=None
) -> YearIndex:
    weight = centre_setting(centre, "surveys.hard_weight")
    if targets is None:
        targets = dict(IndicatorTarget.objects.filter(centre=centre).values_list("indicator", "target"))
    if sources is None:
        sources = indicator_sources_for(centre)
    means = area_means(survey) if survey is not None else {}
    areas = []
    for key, label in AREAS.items():
        area = AreaFigure(key=key, label=str(label))
        marks = means.get(key, [])
        area.answers = len(marks)
        area.self_score = _mean(marks)
        for source in (s for s in sources if s.area == key):
            value = source.value(centre, year)
            target = targets.get(source.key)
            area.indicators.append(
                IndicatorFigure(
                    key=source.key,
                    label=str(source.label),
                    unit=str(source.unit),
                    value=value,
                    target=target,
                    score=_round(indicator_score(value, target, higher_is_better=source.higher_is_better)),
                    higher_is_better=source.higher_is_better,
                )
            )
        area.hard_score = _mean(i.score for i in area.indicators)
        if area.self_score is not None and area.hard_score is not None:
            area.index = (area.hard_score * weight + area.self_score * (100 - weight)) / HUNDRED
        else:
            area.index = area.self_score if area.self_score is not None else area.hard_score
        area.self_score, area.hard_score, area.index = map(
            _round, (area.self_score, area.hard_score, area.index)
        )
        areas.append(area)
    return YearIndex(
        year=year, survey=survey, areas=areas, overall=_round(_mean(a.index for a in areas)), weight=weight
    )


def index_over_years(centre: Centre, surveys: list[Survey]) -> list[YearIndex]:
    targets = dict(IndicatorTarget.objects.filter(centre=centre).values_list("indicator", "target"))
    sources = indicator_sources_for(centre)
    return [year_index(centre, s.year, survey=s, targets=targets, sources=sources) for s in surveys if s.year]
