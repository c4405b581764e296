"""Sections other apps add to an organisation's page for the centre's staff: its support history.

The registry knows no app that uses it: rooms and equipment register their bookings, loans and walk-in
uses from their `features.py`, as they register navigation with `centrum.core.registry`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from centrum.core import portal
from centrum.core.registry import Rendered, module_is_active

from .models import Organisation


@dataclass(frozen=True)
class SupportSection:
    """A section of the staff view of an organisation: `template` rendered with `section` = `context(...)`."""

    key: str
    template: str
    context: Callable[[HttpRequest, Organisation], dict[str, Any]]
    order: int = 100
    module: str = ""


SUPPORT_SECTIONS: dict[str, SupportSection] = {}


def register_support_section(section: SupportSection) -> SupportSection:
    SUPPORT_SECTIONS[section.key] = section
    return section


def support_sections_for(request: HttpRequest, organisation: Organisation) -> list[Rendered]:
    settings = getattr(request, "centre_settings", None)
    sections = sorted(SUPPORT_SECTIONS.values(), key=lambda s: (s.order, s.key))
    return [
        Rendered(s.template, s.context(request, organisation))
        for s in sections
        if module_is_active(request.centre, s.module, settings=settings)
    ]


def public_sections_for(request: HttpRequest, organisation: Organisation) -> list[Rendered]:
    """The sections apps add to the organisation's public page ("wspólna wizytówka": its own page content,
    OPP status, news, events, volunteer offers, good practices), registered in `centrum.core.portal`; each
    source is asked once, and a section whose context is None (nothing to show) is left out."""
    centre = request.centre
    sources = portal.sources_for(
        portal.ORGANISATION_SECTIONS, centre, settings=getattr(request, "centre_settings", None)
    )
    rendered = []
    for source in sources:
        context = source.context(centre, organisation)
        if context is not None:
            rendered.append(Rendered(source.template, context))
    return rendered


@dataclass(frozen=True)
class SupportSource:
    """One kind of support a centre gives (advice, trainings, bookings, loans, address agreements…).

    `reach(centre, start, end)` returns the people and organisations it reached in the period as an
    iterable of `(person_key, organisation_id)` pairs: `person_key` identifies a person across sources
    (`"user:<id>"` for an account, `"email:<lower-cased address>"` otherwise, or "" when unknown);
    `organisation_id` is a registry organisation's id or None. The statistics count unique people and
    unique organisations over every active source (`support_reach`).

    `deadlines(centre, organisation_ids, start, end)` (optional) lists coming deadlines of those
    organisations (loan returns, agreement ends, report due dates…) as `SupportDeadline`s, for the caretaker.
    """

    key: str
    label: str
    reach: Callable[..., Any]
    deadlines: Callable[..., Any] | None = None
    module: str = ""


@dataclass(frozen=True)
class SupportDeadline:
    organisation_id: int
    due_on: Any  # date
    label: str
    url: str = ""


SUPPORT_SOURCES: dict[str, SupportSource] = {}


def register_support_source(source: SupportSource) -> SupportSource:
    SUPPORT_SOURCES[source.key] = source
    return source


def active_support_sources(centre) -> list[SupportSource]:
    return [
        s for s in sorted(SUPPORT_SOURCES.values(), key=lambda s: s.key) if module_is_active(centre, s.module)
    ]


def person_key_for(*, user_id: int | None = None, email: str = "") -> str:
    if user_id:
        return f"user:{user_id}"
    return f"email:{email.strip().lower()}" if email and email.strip() else ""


def support_reach(*, centre, start, end) -> dict[str, Any]:
    """Unique people and organisations reached in [start, end], in total and per source."""
    people: set[str] = set()
    organisations: set[int] = set()
    per_source = []
    for source in active_support_sources(centre):
        source_people: set[str] = set()
        source_organisations: set[int] = set()
        for person_key, organisation_id in source.reach(centre, start, end):
            if person_key:
                source_people.add(person_key)
            if organisation_id:
                source_organisations.add(organisation_id)
        people |= source_people
        organisations |= source_organisations
        per_source.append(
            {
                "key": source.key,
                "label": source.label,
                "people": len(source_people),
                "organisations": len(source_organisations),
            }
        )
    return {"people": len(people), "organisations": len(organisations), "sources": per_source}


def support_deadlines(*, centre, organisation_ids, start, end) -> list[SupportDeadline]:
    """Coming deadlines of the given organisations from every active source, soonest first."""
    found: list[SupportDeadline] = []
    for source in active_support_sources(centre):
        if source.deadlines is not None:
            found.extend(source.deadlines(centre, organisation_ids, start, end))
    return sorted(found, key=lambda d: (d.due_on, d.label))
