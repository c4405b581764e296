"""Figures the apps compute from their own records for other apps to draw: the hard indicators of the
cooperation-quality index (consultations held, councils active, room hours given to organisations,
trainings and advice given, the share of the budget spent through organisations), the demand people
state in surveys (training needs) for the apps that plan supply, and an organisation's recorded work
(volunteers' confirmed hours) that grant offers and reports may count as personal contribution.

Producers register from their `features.py`; the consumer asks `indicator_sources_for(centre)` and calls
each source once per year it shows. Core knows no feature: areas are the three areas of the index as data.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Centre
from .portal import sources_for

# The areas of the Local Cooperation Quality Index.
AREA_POLICIES = "policies"
AREA_TASKS = "tasks"
AREA_INFRASTRUCTURE = "infrastructure"
AREAS = {
    AREA_POLICIES: _("Polityki publiczne"),
    AREA_TASKS: _("Zadania publiczne"),
    AREA_INFRASTRUCTURE: _("Infrastruktura współpracy"),
}


@dataclass(frozen=True)
class IndicatorSource:
    """`value(centre, year)` → the figure for the calendar `year` (None: not known, e.g. no records that
    year). `unit` is for people ("godz.", "%", ""); `higher_is_better` tells the index which way scores."""

    key: str
    label: str | Promise
    area: str
    value: Callable[[Centre, int], Decimal | int | None]
    unit: str | Promise = ""
    higher_is_better: bool = True
    module: str = ""
    order: int = 100


@dataclass(frozen=True)
class NeedItem:
    """A need people stated (a training topic, say): how many chose it out of how many answered."""

    topic: str
    count: int
    respondents: int
    source_title: str = ""
    url: str = ""


@dataclass(frozen=True)
class NeedsSource:
    """`needs(centre, kind)` → stated needs of a `kind` ("trainings") from the latest results, most chosen
    first."""

    key: str
    label: str | Promise
    needs: Callable[[Centre, str], Iterable[NeedItem]]
    module: str = ""
    order: int = 100


@dataclass(frozen=True)
class ContributionFigure:
    """Work an organisation's people gave that another app recorded (volunteers' confirmed hours, say),
    valued in złoty: what the grants forms suggest as the personal contribution (wkład osobowy)."""

    label: str | Promise
    hours: Decimal
    value: Decimal
    url: str = ""  # where the organisation sees the detail (names, per offer)


@dataclass(frozen=True)
class ContributionSource:
    """`figure(centre, organisation, start, end)` → the organisation's `ContributionFigure` for the days
    [start, end], or None when it has none there."""

    key: str
    label: str | Promise
    figure: Callable[[Centre, Any, date, date], ContributionFigure | None]
    module: str = ""
    order: int = 100


INDICATOR_SOURCES: dict[str, IndicatorSource] = {}
CONTRIBUTION_SOURCES: dict[str, ContributionSource] = {}
NEEDS_SOURCES: dict[str, NeedsSource] = {}


def register_indicator_source(source: IndicatorSource) -> IndicatorSource:
    if source.area not in AREAS:
        raise ValueError(f"unknown area {source.area!r} of indicator {source.key!r}")
    INDICATOR_SOURCES[source.key] = source
    return source


def register_contribution_source(source: ContributionSource) -> ContributionSource:
    CONTRIBUTION_SOURCES[source.key] = source
    return source


def contributions_for(centre: Centre | None, organisation, start: date, end: date, *, settings=None):
    """The organisation's recorded contributions in [start, end] from every source the centre runs."""
    if organisation is None or start is None or end is None or end < start:
        return []
    figures = (
        source.figure(centre, organisation, start, end)
        for source in sources_for(CONTRIBUTION_SOURCES, centre, settings=settings)
    )
    return [figure for figure in figures if figure is not None and figure.hours > 0]


def register_needs_source(source: NeedsSource) -> NeedsSource:
    NEEDS_SOURCES[source.key] = source
    return source


def indicator_sources_for(centre: Centre | None, *, settings=None) -> list[IndicatorSource]:
    return sources_for(INDICATOR_SOURCES, centre, settings=settings)


def needs_for(centre: Centre | None, kind: str, *, settings=None) -> list[NeedItem]:
    """Every stated need of `kind` from the sources the centre runs, most chosen first."""
    items = [
        item
        for source in sources_for(NEEDS_SOURCES, centre, settings=settings)
        for item in source.needs(centre, kind)
    ]
    return sorted(items, key=lambda item: (-item.count, item.topic))
