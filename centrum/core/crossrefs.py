"""Links between records of different apps, without the apps knowing each other: a consultation of a draft
(the cooperation programme's, say), a council's opinion about a consultation, the consultations of a
programme shown on its page.

Two registries, filled from the apps' `features.py`:

- SUBJECT_SOURCES: the things an app offers to be linked to. A `Subject` has a stable `ref`
  ("<source key>:<pk>"), a title and an address; `units(centre, ref)` may give its text split into numbered
  units (a draft's chapters and paragraphs), for an app that works on a draft's text.
- LINK_SOURCES: the records an app keeps that point at a ref. `linked_records(centre, ref)` asks every source
  the centre runs and returns plain `LinkedRecord`s, so a page shows "what refers to me" without importing
  the app that holds them.

An app stores a ref as a string (never a foreign key into another app) and shows its subject through
`resolve_subjects`; a ref whose source the centre no longer runs, or whose row is gone, resolves to nothing.
Every callable takes the centre first and reads only that centre's rows.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise

from .models import Centre
from .portal import sources_for


@dataclass(frozen=True)
class DraftUnit:
    """One numbered unit of a draft's text: `number` as people cite it ("§ 3", "rozdz. II", "pkt 4"), `level`
    0 for a chapter, 1 for a paragraph, 2 for a point."""

    number: str
    text: str
    heading: str = ""
    level: int = 1


@dataclass(frozen=True)
class Subject:
    ref: str
    title: str
    url: str = ""
    kind: str = ""  # the source's label, for people ("Program współpracy")
    when: date | None = None


@dataclass(frozen=True)
class SubjectSource:
    """`subjects(centre)` → the subjects one may link to now (say, programme drafts not yet adopted);
    `resolve(centre, refs)` → {ref: Subject} for the refs of this source that still exist (any status);
    `units(centre, ref)` → the subject's text as `DraftUnit`s, or [] (optional)."""

    key: str
    label: str | Promise
    subjects: Callable[[Centre], Iterable[Subject]]
    resolve: Callable[[Centre, list[str]], dict[str, Subject]]
    units: Callable[[Centre, str], list[DraftUnit]] | None = None
    module: str = ""
    order: int = 100


@dataclass(frozen=True)
class LinkedRecord:
    """A record of some app that refers to a subject: shown on the subject's page."""

    title: str
    url: str
    kind: str  # the link source's label
    status: str = ""
    when: date | None = None


@dataclass(frozen=True)
class LinkSource:
    """`linked(centre, ref)` → the source's records that refer to `ref`, as `LinkedRecord`s."""

    key: str
    label: str | Promise
    linked: Callable[[Centre, str], Iterable[LinkedRecord]]
    module: str = ""
    order: int = 100


SUBJECT_SOURCES: dict[str, SubjectSource] = {}
LINK_SOURCES: dict[str, LinkSource] = {}


def register_subject_source(source: SubjectSource) -> SubjectSource:
    SUBJECT_SOURCES[source.key] = source
    return source


def register_link_source(source: LinkSource) -> LinkSource:
    LINK_SOURCES[source.key] = source
    return source


def make_ref(source_key: str, pk) -> str:
    return f"{source_key}:{pk}"


def ref_source(ref: str) -> str:
    """The source key of a ref ("programmes:12" → "programmes"); "" for a malformed one."""
    key, sep, pk = (ref or "").partition(":")
    return key if sep and key and pk else ""


def subject_sources_for(centre: Centre | None, *, settings=None) -> list[SubjectSource]:
    return sources_for(SUBJECT_SOURCES, centre, settings=settings)


def link_sources_for(centre: Centre | None, *, settings=None) -> list[LinkSource]:
    return sources_for(LINK_SOURCES, centre, settings=settings)


def subjects_for(centre: Centre | None, *, settings=None) -> list[Subject]:
    """Every subject one may link to now, source by source (one call per source)."""
    return [
        subject
        for source in subject_sources_for(centre, settings=settings)
        for subject in source.subjects(centre)
    ]


def resolve_subjects(centre: Centre | None, refs: Iterable[str], *, settings=None) -> dict[str, Subject]:
    """{ref: Subject} for the refs that resolve, asking each source once for all of its refs."""
    by_source: dict[str, list[str]] = {}
    for ref in refs:
        if ref:
            by_source.setdefault(ref_source(ref), []).append(ref)
    found: dict[str, Subject] = {}
    for source in subject_sources_for(centre, settings=settings):
        if source.key in by_source:
            found.update(source.resolve(centre, by_source[source.key]))
    return found


def subject_units(centre: Centre | None, ref: str, *, settings=None) -> list[DraftUnit]:
    for source in subject_sources_for(centre, settings=settings):
        if source.key == ref_source(ref) and source.units is not None:
            return list(source.units(centre, ref))
    return []


def linked_records(centre: Centre | None, ref: str, *, settings=None) -> list[LinkedRecord]:
    """What the apps the centre runs keep about `ref` (one call per source)."""
    return [
        record
        for source in link_sources_for(centre, settings=settings)
        for record in source.linked(centre, ref)
    ]
