"""Reads of news, events and error reports. Every selector takes the centre: nothing runs unscoped."""

from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet

from centrum.core import portal
from centrum.core.centre_settings import centre_settings_cached
from centrum.core.models import Centre
from centrum.core.richtext import plain_text
from centrum.core.selectors import get_for_centre_or_404
from centrum.core.text import fold

from .choices import AUTHOR_EDITS, PUBLIC_STATUSES, ModerationStatus, ReportStatus
from .models import ErrorReport, Event, NewsAttachment, NewsImage, NewsItem
from .permissions import can_moderate, can_view


def organisations_for_submit(*, centre: Centre, user):
    """The organisations `user` may submit for: staff any active one, members their own."""
    from centrum.accounts.models import Membership
    from centrum.organisations.models import Organisation

    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    organisations = Organisation.objects.filter(centre=centre, status="active")
    if not can_moderate(user, centre):
        organisations = organisations.filter(
            pk__in=Membership.objects.filter(centre=centre, user=user).values("organisation_id")
        )
    return organisations.order_by("name", "id")


def filter_organisations(*, centre: Centre):
    """Organisations with anything published, for the lists' filters."""
    from centrum.organisations.models import Organisation

    return (
        Organisation.objects.filter(centre=centre)
        .filter(
            Q(
                pk__in=NewsItem.objects.filter(centre=centre, status__in=PUBLIC_STATUSES).values(
                    "organisation_id"
                )
            )
            | Q(
                pk__in=Event.objects.filter(centre=centre, status__in=PUBLIC_STATUSES).values(
                    "organisation_id"
                )
            )
        )
        .order_by("name", "id")
    )


def activity_areas():
    from centrum.organisations.models import ActivityArea

    return ActivityArea.objects.order_by("position", "code")


def _filtered(items: QuerySet, *, organisation: int | None, area: str | None) -> QuerySet:
    if organisation:
        items = items.filter(organisation_id=organisation)
    if area:
        items = items.filter(organisation__areas__code=area).distinct()
    return items


def _first_images():
    return Prefetch("images", queryset=NewsImage.objects.order_by("position", "id"))


# --- news ---------------------------------------------------------------------------------------------------


def news_list_public(*, centre: Centre, organisation: int | None = None, area: str | None = None) -> QuerySet:
    items = NewsItem.objects.filter(centre=centre, status__in=PUBLIC_STATUSES)
    return (
        _filtered(items, organisation=organisation, area=area)
        .select_related("organisation")
        .prefetch_related(_first_images())
        .order_by("-published_at", "-id")
    )


def news_get_for(*, centre: Centre, user, pk: int) -> NewsItem:
    """The loader: one 404 for "missing", "another centre's" and "not yours" alike."""
    return get_for_centre_or_404(
        NewsItem.objects.select_related("organisation", "author", "centre"),
        centre=centre,
        pk=pk,
        visible=lambda item: can_view(user, item),
    )


def news_image_get_for(*, centre: Centre, user, pk: int) -> NewsImage:
    return get_for_centre_or_404(
        NewsImage.objects.select_related("news__organisation", "news__centre"),
        centre=centre,
        pk=pk,
        visible=lambda image: can_view(user, image.news),
    )


def news_attachment_get_for(*, centre: Centre, user, pk: int) -> NewsAttachment:
    return get_for_centre_or_404(
        NewsAttachment.objects.select_related("news__organisation", "news__centre"),
        centre=centre,
        pk=pk,
        visible=lambda attachment: can_view(user, attachment.news),
    )


# --- events -------------------------------------------------------------------------------------------------


def event_list_public(
    *,
    centre: Centre,
    start: datetime | None = None,
    end: datetime | None = None,
    organisation: int | None = None,
    area: str | None = None,
    organiser_kind: str | None = None,
) -> QuerySet:
    events = Event.objects.filter(centre=centre, status__in=PUBLIC_STATUSES)
    if start is not None:
        events = events.filter(ends_at__gte=start)
    if end is not None:
        events = events.filter(starts_at__lt=end)
    if organiser_kind:
        events = events.filter(organiser_kind=organiser_kind)
    return (
        _filtered(events, organisation=organisation, area=area)
        .select_related("organisation", "centre")
        .order_by("starts_at", "id")
    )


def event_get_for(*, centre: Centre, user, pk: int) -> Event:
    return get_for_centre_or_404(
        Event.objects.select_related("organisation", "author", "centre"),
        centre=centre,
        pk=pk,
        visible=lambda event: can_view(user, event),
    )


def calendar_entries(*, centre: Centre, start: datetime, end: datetime) -> list[portal.CalendarEntry]:
    """Every registered calendar source's entries in [start, end), in time order (each source asked once)."""
    entries: list[portal.CalendarEntry] = []
    settings = centre_settings_cached(centre)  # which modules run: read once, not once per source
    for source in portal.sources_for(portal.CALENDAR_SOURCES, centre, settings=settings):
        entries.extend(source.entries(centre, start, end))
    return sorted(entries, key=lambda e: (e.starts_at, e.title, e.uid))


# --- moderation and the author's own ------------------------------------------------------------------------


def to_moderate(*, centre: Centre) -> dict:
    return {
        "news": list(
            NewsItem.objects.filter(centre=centre, status=ModerationStatus.SUBMITTED)
            .select_related("organisation", "author")
            .order_by("submitted_at", "id")
        ),
        "events": list(
            Event.objects.filter(centre=centre, status=ModerationStatus.SUBMITTED)
            .select_related("organisation", "author")
            .order_by("submitted_at", "id")
        ),
    }


def _mine(model, *, centre: Centre, user) -> QuerySet:
    from centrum.accounts.models import Membership

    if not getattr(user, "is_authenticated", False):
        return model.objects.none()
    organisations = Membership.objects.filter(centre=centre, user=user).values("organisation_id")
    return (
        model.objects.filter(centre=centre)
        .filter(Q(author=user) | Q(organisation_id__in=organisations))
        .select_related("organisation")
        .order_by("-created_at", "-id")
    )


def submissions_of(*, centre: Centre, user) -> dict:
    return {
        "news": list(_mine(NewsItem, centre=centre, user=user)[:50]),
        "events": list(_mine(Event, centre=centre, user=user)[:50]),
    }


def staff_card(*, centre: Centre) -> dict:
    """The staff card's three numbers in one query (scalar subqueries on the centre's row)."""
    from django.db.models import IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    def count(queryset):
        rows = queryset.order_by().values("centre").annotate(n=Count("pk")).values("n")[:1]
        return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

    waiting = {"centre": OuterRef("pk"), "status": ModerationStatus.SUBMITTED}
    row = (
        Centre.objects.filter(pk=centre.pk)
        .annotate(
            news=count(NewsItem.objects.filter(**waiting)),
            events=count(Event.objects.filter(**waiting)),
            reports=count(ErrorReport.objects.filter(centre=OuterRef("pk"), status=ReportStatus.NEW)),
        )
        .values("news", "events", "reports")
        .first()
    )
    return row or {"news": 0, "events": 0, "reports": 0}


def member_card(*, centre: Centre, user) -> dict:
    news = _mine(NewsItem, centre=centre, user=user).aggregate(
        total=Count("id"), open=Count("id", filter=Q(status__in=AUTHOR_EDITS))
    )
    events = _mine(Event, centre=centre, user=user).aggregate(
        total=Count("id"), open=Count("id", filter=Q(status__in=AUTHOR_EDITS))
    )
    return {"news": news, "events": events}


# --- error reports ------------------------------------------------------------------------------------------


def error_report_list(*, centre: Centre, status: str | None = None) -> QuerySet:
    reports = ErrorReport.objects.filter(centre=centre).select_related("handled_by", "centre")
    if status in ReportStatus.values:
        reports = reports.filter(status=status)
    return reports.order_by("-created_at", "-id")


def error_report_get_for(*, centre: Centre, user, pk: int) -> ErrorReport:
    return get_for_centre_or_404(
        ErrorReport.objects.all(), centre=centre, pk=pk, visible=lambda report: can_moderate(user, centre)
    )


# --- what news contributes to the public site (centrum.core.portal) -----------------------------------------


def _rank(words: list[str], title: str, text: str) -> int | None:
    title_words, text_words = set(fold(title).split()), set(fold(text).split())
    if all(w in title_words for w in words):
        return 2
    if all(w in title_words | text_words for w in words):
        return 1
    haystack = fold(f"{title} {text}")
    return 0 if all(w in haystack for w in words) else None


def _search(model, centre: Centre, words: list[str], limit: int, *, text_fields: tuple[str, ...]):
    if not words:
        return []
    query = Q()
    for word in words:
        part = Q(title__icontains=word)
        for name in text_fields:
            part |= Q(**{f"{name}__icontains": word})
        query &= part
    # icontains is not diacritics-insensitive: a wider candidate set is folded and ranked in Python.
    candidates = model.objects.filter(centre=centre, status__in=PUBLIC_STATUSES)
    rows = list(candidates.filter(query).order_by("-id")[: limit * 5]) or list(
        candidates.order_by("-id")[:500]
    )
    return rows


def search_news(centre: Centre, words: list[str], limit: int) -> list[portal.SearchHit]:
    hits = []
    for item in _search(NewsItem, centre, words, limit, text_fields=("lead", "body")):
        text = f"{item.lead} {plain_text(item.body)}"
        rank = _rank(words, item.title, text)
        if rank is not None:
            when = item.published_at.date() if item.published_at else None
            hits.append(
                portal.SearchHit(item.title, item.get_absolute_url(), "news", item.lead[:200], rank, when)
            )
    return sorted(hits, key=lambda h: (-h.rank, h.title))[:limit]


def search_events(centre: Centre, words: list[str], limit: int) -> list[portal.SearchHit]:
    hits = []
    for event in _search(Event, centre, words, limit, text_fields=("description", "place")):
        text = f"{event.place} {plain_text(event.description)}"
        rank = _rank(words, event.title, text)
        if rank is not None:
            snippet = plain_text(event.description)[:200]
            hits.append(
                portal.SearchHit(
                    event.title, event.get_absolute_url(), "events", snippet, rank, event.starts_at.date()
                )
            )
    return sorted(hits, key=lambda h: (-h.rank, h.title))[:limit]


def event_entry(event: Event) -> portal.CalendarEntry:
    from .choices import Accessibility

    labels = dict(Accessibility.choices)
    accessibility = ", ".join(str(labels[c]) for c in event.accessibility if c in labels)
    if event.accessibility_notes:
        accessibility = (
            f"{accessibility}. {event.accessibility_notes}" if accessibility else event.accessibility_notes
        )
    return portal.CalendarEntry(
        uid=f"news-event-{event.pk}",
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        url=event.get_absolute_url(),
        place=event.place,
        organiser=event.organiser_label(),
        audience=event.audience,
        accessibility=accessibility,
        description=plain_text(event.description),
        kind="events",
    )


def calendar_events(centre: Centre, start: datetime, end: datetime) -> list[portal.CalendarEntry]:
    return [event_entry(e) for e in event_list_public(centre=centre, start=start, end=end)]


def _area_codes(organisation) -> tuple[str, ...]:
    if organisation is None:
        return ()
    return tuple(sorted(a.code for a in organisation.areas.all()))


def topic_news(centre: Centre, since: datetime, until: datetime) -> list[portal.TopicItem]:
    items = (
        NewsItem.objects.filter(
            centre=centre, status__in=PUBLIC_STATUSES, published_at__gte=since, published_at__lt=until
        )
        .select_related("organisation")
        .prefetch_related("organisation__areas")
        .order_by("published_at", "id")
    )
    return [
        portal.TopicItem(i.title, i.get_absolute_url(), i.published_at, i.lead, _area_codes(i.organisation))
        for i in items
    ]


def topic_events(centre: Centre, since: datetime, until: datetime) -> list[portal.TopicItem]:
    events = (
        Event.objects.filter(
            centre=centre, status__in=PUBLIC_STATUSES, published_at__gte=since, published_at__lt=until
        )
        .select_related("organisation")
        .prefetch_related("organisation__areas")
        .order_by("published_at", "id")
    )
    return [
        portal.TopicItem(
            e.title, e.get_absolute_url(), e.published_at, f"{e.place}", _area_codes(e.organisation)
        )
        for e in events
    ]


def organisation_section(centre: Centre, organisation) -> dict | None:
    from django.utils import timezone

    news = list(
        NewsItem.objects.filter(
            centre=centre, organisation=organisation, status__in=PUBLIC_STATUSES
        ).order_by("-published_at", "-id")[:5]
    )
    events = list(
        Event.objects.filter(
            centre=centre, organisation=organisation, status__in=PUBLIC_STATUSES, ends_at__gte=timezone.now()
        ).order_by("starts_at", "id")[:5]
    )
    if not news and not events:
        return None
    return {"news": news, "events": events, "organisation": organisation}
