"""What the apps contribute to a centre's public site beyond their own pages: the one search box, the
events calendar, the list of funding calls, newsletter topics and the sections of an organisation's
public page ("wspólna wizytówka").

Core imports no feature app, and neither do the apps that draw these pages: each contributing app
registers a source from its own `features.py` (as it registers navigation with `centrum.core.registry`):

    # centrum/trainings/features.py
    from centrum.core import portal

    portal.register_calendar_source(portal.CalendarSource(key="trainings", module="trainings",
                                                          entries=selectors.calendar_entries))

A source tied to a `module` is asked only in centres that run that module (`sources_for`). Every callable
takes the centre first and returns plain dataclasses below, so a page asks each source once (no N+1)
and never sees another app's models. A source reads only `centre`'s rows (its own centre-scoped query).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.utils.functional import Promise

from .models import Centre
from .registry import module_is_active

# --- the one search box -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    """One result. `rank`: 2 = the whole words of the query in the title, 1 = in the text, 0 = a prefix or
    part of a word; the search page orders by rank, then by `when` (newest first), then by title."""

    title: str
    url: str
    kind: str  # the source's key
    snippet: str = ""
    rank: int = 0
    when: date | None = None


@dataclass(frozen=True)
class SearchSource:
    """`search(centre, words, limit)` → up to `limit` `SearchHit`s for the folded query words
    (`centrum.core.text.search_words`: lower case, without diacritics), public items only."""

    key: str
    label: str | Promise
    search: Callable[[Centre, list[str], int], Iterable[SearchHit]]
    module: str = ""
    order: int = 100


@dataclass(frozen=True)
class SearchPage:
    """The page of the one search box (registered by the app that builds it): the header's search field
    sends the query there as `q`, where the centre runs `module`."""

    url_name: str
    module: str = ""


SEARCH_PAGES: list[SearchPage] = []


def register_search_page(page: SearchPage) -> SearchPage:
    SEARCH_PAGES[:] = [page]
    return page


def search_page_url(centre: Centre | None, *, settings=None) -> str:
    """The address of the centre's search page for the header's search field; "" when there is none."""
    from django.urls import reverse

    if centre is None:
        return ""
    for page in SEARCH_PAGES:
        if module_is_active(centre, page.module, settings=settings):
            return reverse(page.url_name)
    return ""


# --- the public events calendar ---------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEntry:
    """An event shown in the centre's public calendar and ICS feed. `uid` is stable across edits."""

    uid: str
    title: str
    starts_at: datetime
    ends_at: datetime
    url: str = ""
    place: str = ""
    organiser: str = ""
    audience: str = ""
    accessibility: str = ""
    description: str = ""
    kind: str = ""  # the source's key
    all_day: bool = False


@dataclass(frozen=True)
class CalendarSource:
    """`entries(centre, start, end)` → public `CalendarEntry`s overlapping [start, end) (aware datetimes)."""

    key: str
    label: str | Promise
    entries: Callable[[Centre, datetime, datetime], Iterable[CalendarEntry]]
    module: str = ""
    order: int = 100


# --- funding calls ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FundingCallEntry:
    """An open call for funding: the municipality's own competitions and calls other apps know of."""

    title: str
    url: str
    funder: str
    deadline: datetime | date | None = None
    amount: Decimal | None = None
    fields: tuple[str, ...] = ()  # codes of fields of activity (organisations' `ActivityField` codes)
    kind: str = ""  # the source's key
    published_on: date | None = None


@dataclass(frozen=True)
class FundingCallSource:
    """`calls(centre, today)` → the calls open on `today` (deadline not passed) as `FundingCallEntry`s."""

    key: str
    label: str | Promise
    calls: Callable[[Centre, date], Iterable[FundingCallEntry]]
    module: str = ""
    order: int = 100


# --- newsletter topics ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TopicItem:
    """One new thing of a topic, for a subscriber's mail or digest."""

    title: str
    url: str
    published_at: datetime
    summary: str = ""
    fields: tuple[str, ...] = ()  # fields of activity it concerns (empty: all)


@dataclass(frozen=True)
class NewsletterTopic:
    """A topic people subscribe to ("nowe konkursy w moich dziedzinach", "wydarzenia", "aktualności").
    `items(centre, since, until)` → what was published in [since, until) as `TopicItem`s; a subscriber who
    chose fields of activity gets the items of those fields (and those of no field)."""

    key: str
    label: str | Promise
    items: Callable[[Centre, datetime, datetime], Iterable[TopicItem]]
    module: str = ""
    order: int = 100
    by_fields: bool = False  # the subscriber may narrow it to fields of activity


# --- sections of an organisation's public page ------------------------------------------------------


@dataclass(frozen=True)
class OrganisationSection:
    """A section of an organisation's public page: `template` rendered with `section` =
    `context(centre, organisation)`; a context of `None` hides the section (nothing to show)."""

    key: str
    template: str
    context: Callable[[Centre, Any], dict[str, Any] | None]
    module: str = ""
    order: int = 100


SEARCH_SOURCES: dict[str, SearchSource] = {}
CALENDAR_SOURCES: dict[str, CalendarSource] = {}
FUNDING_CALL_SOURCES: dict[str, FundingCallSource] = {}
NEWSLETTER_TOPICS: dict[str, NewsletterTopic] = {}
ORGANISATION_SECTIONS: dict[str, OrganisationSection] = {}

S = TypeVar("S")


def _register(registry: dict[str, S], item: S) -> S:
    registry[item.key] = item
    return item


def register_search_source(source: SearchSource) -> SearchSource:
    return _register(SEARCH_SOURCES, source)


def register_calendar_source(source: CalendarSource) -> CalendarSource:
    return _register(CALENDAR_SOURCES, source)


def register_funding_call_source(source: FundingCallSource) -> FundingCallSource:
    return _register(FUNDING_CALL_SOURCES, source)


def register_newsletter_topic(topic: NewsletterTopic) -> NewsletterTopic:
    return _register(NEWSLETTER_TOPICS, topic)


def register_organisation_section(section: OrganisationSection) -> OrganisationSection:
    return _register(ORGANISATION_SECTIONS, section)


def sources_for(registry: dict[str, S], centre: Centre | None, *, settings=None) -> list[S]:
    """The registry's sources that `centre` runs, by `order` then key (`settings`: the request's
    `centre_settings`, when there is one)."""
    ordered = sorted(registry.values(), key=lambda s: (s.order, s.key))
    return [s for s in ordered if module_is_active(centre, s.module, settings=settings)]
