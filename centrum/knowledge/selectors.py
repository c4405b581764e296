"""Reads. Every selector takes the centre: nothing runs unscoped. The portal's sources (search, funding
calls, newsletter topic, the organisation page's section) read through here and answer plain dataclasses."""

from collections import Counter
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from centrum.core import portal
from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.models import Centre
from centrum.core.permissions import is_centre_staff
from centrum.core.selectors import get_for_centre_or_404

from .choices import ArticleStatus, PracticeStatus, Voivodeship
from .models import Article, ArticleCategory, Document, FundingCall, GoodPractice, Leader
from .permissions import can_view_article, can_view_leader, can_view_practice
from .search import matching

# --- good practices -------------------------------------------------------------------------------------


def practice_list_public(
    *, centre: Centre, words: list[str] = (), voivodeship: str = "", government_kind: str = ""
) -> QuerySet[GoodPractice]:
    practices = GoodPractice.objects.filter(centre=centre, status=PracticeStatus.PUBLISHED)
    if voivodeship:
        practices = practices.filter(voivodeship=voivodeship)
    if government_kind:
        practices = practices.filter(government_kind=government_kind)
    if words:
        return matching(practices, list(words)).order_by("-search_rank", "-added_on", "-id")
    return practices.order_by("-added_on", "-id")


def practice_get_for(*, centre: Centre, user, pk: int) -> GoodPractice:
    return get_for_centre_or_404(
        GoodPractice.objects.select_related("organisation", "submitted_by"),
        centre=centre,
        pk=pk,
        visible=lambda practice: can_view_practice(user, practice),
    )


def practice_attachment_get(*, practice: GoodPractice, pk: int):
    return get_for_centre_or_404(practice.attachments.all(), centre=practice.centre, pk=pk)


def practice_moderation_queue(*, centre: Centre) -> QuerySet[GoodPractice]:
    return (
        GoodPractice.objects.filter(centre=centre, status=PracticeStatus.SUBMITTED)
        .select_related("organisation", "submitted_by")
        .order_by("created_at", "id")
    )


def practice_list_submitted_by(*, centre: Centre, user) -> QuerySet[GoodPractice]:
    if not getattr(user, "is_authenticated", False):
        return GoodPractice.objects.none()
    return GoodPractice.objects.filter(centre=centre, submitted_by=user).order_by("-created_at", "-id")


def practice_map(*, centre: Centre) -> list[dict]:
    """Every voivodeship with its number of published practices (zero included), in the catalogue's order."""
    counts = dict(
        GoodPractice.objects.filter(centre=centre, status=PracticeStatus.PUBLISHED)
        .values_list("voivodeship")
        .annotate(n=Count("id"))
        .values_list("voivodeship", "n")
    )
    return [{"code": v.value, "label": v.label, "count": counts.get(v.value, 0)} for v in Voivodeship]


def moderation_card(*, centre: Centre) -> dict:
    return {
        "practices_waiting": GoodPractice.objects.filter(
            centre=centre, status=PracticeStatus.SUBMITTED
        ).count()
    }


# --- leaders --------------------------------------------------------------------------------------------


def leader_list_public(*, centre: Centre) -> QuerySet[Leader]:
    return Leader.objects.filter(centre=centre, consent_at__isnull=False, withdrawn_at__isnull=True).order_by(
        "display_name", "id"
    )


def leader_get_for(*, centre: Centre, user, pk: int) -> Leader:
    return get_for_centre_or_404(
        Leader.objects.all(), centre=centre, pk=pk, visible=lambda leader: can_view_leader(user, leader)
    )


def leader_of(*, centre: Centre, user) -> Leader | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Leader.objects.filter(centre=centre, user=user).first()


# --- knowledge base -------------------------------------------------------------------------------------


def category_list(*, centre: Centre, user=None) -> QuerySet[ArticleCategory]:
    published = Q(articles__status=ArticleStatus.PUBLISHED)
    return ArticleCategory.objects.filter(centre=centre).annotate(
        published=Count("articles", filter=published)
    )


def category_choices(*, centre: Centre) -> QuerySet[ArticleCategory]:
    return ArticleCategory.objects.filter(centre=centre)


def category_get(*, centre: Centre, slug: str) -> ArticleCategory:
    category = ArticleCategory.objects.filter(centre=centre, slug=slug).first()
    if category is None:
        raise Http404
    return category


def article_list_for(*, centre: Centre, user, category: ArticleCategory | None = None) -> QuerySet[Article]:
    articles = Article.objects.filter(centre=centre).select_related("category")
    if category is not None:
        articles = articles.filter(category=category)
    if not is_centre_staff(user, centre):
        articles = articles.filter(status=ArticleStatus.PUBLISHED)
    return articles.order_by("-published_at", "-id")


def article_get_for(*, centre: Centre, user, pk: int) -> Article:
    return get_for_centre_or_404(
        Article.objects.select_related("category"),
        centre=centre,
        pk=pk,
        visible=lambda article: can_view_article(user, article),
    )


def document_list(*, centre: Centre, kind: str = "") -> QuerySet[Document]:
    documents = Document.objects.filter(centre=centre)
    if kind:
        documents = documents.filter(kind=kind)
    return documents.order_by("-published_on", "-id")


def document_get(*, centre: Centre, pk: int) -> Document:
    return get_for_centre_or_404(Document.objects.all(), centre=centre, pk=pk)


# --- funding calls --------------------------------------------------------------------------------------


def funding_call_list_open(*, centre: Centre, today: date) -> QuerySet[FundingCall]:
    return FundingCall.objects.filter(centre=centre, deadline__gte=today).prefetch_related("fields")


def funding_call_list_for_staff(*, centre: Centre) -> QuerySet[FundingCall]:
    return FundingCall.objects.filter(centre=centre).order_by("-deadline", "-id")


def funding_call_get(*, centre: Centre, pk: int) -> FundingCall:
    return get_for_centre_or_404(FundingCall.objects.prefetch_related("fields"), centre=centre, pk=pk)


def _call_entry(call: FundingCall) -> portal.FundingCallEntry:
    return portal.FundingCallEntry(
        title=call.title,
        url=call.get_absolute_url(),
        funder=call.funder,
        deadline=call.deadline,
        amount=call.amount,
        fields=tuple(area.code for area in call.fields.all()),
        kind="knowledge",
        published_on=call.created_at.date(),
    )


def funding_call_entries(centre: Centre, today: date) -> list[portal.FundingCallEntry]:
    """The portal's funding-call source: staff-entered calls whose deadline has not passed."""
    return [_call_entry(call) for call in funding_call_list_open(centre=centre, today=today)]


def all_funding_calls(
    *, centre: Centre, today: date, field: str = "", settings=None
) -> list[portal.FundingCallEntry]:
    """Every registered source's open calls (each asked once), nearest deadline first, narrowed to a field."""
    entries = []
    for source in portal.sources_for(portal.FUNDING_CALL_SOURCES, centre, settings=settings):
        entries.extend(source.calls(centre, today))
    entries = [e for e in entries if _deadline_day(e.deadline) is None or _deadline_day(e.deadline) >= today]
    if field:
        entries = [e for e in entries if field in e.fields]
    return sorted(entries, key=lambda e: (_deadline_day(e.deadline) or date.max, e.title))


def _deadline_day(deadline) -> date | None:
    if isinstance(deadline, datetime):
        return deadline.astimezone(WARSAW).date()
    return deadline


def funding_call_topic_items(centre: Centre, since: datetime, until: datetime) -> list[portal.TopicItem]:
    """The newsletter topic "nabory i konkursy": calls staff added in [since, until), with their fields."""
    calls = FundingCall.objects.filter(
        centre=centre, created_at__gte=since, created_at__lt=until
    ).prefetch_related("fields")
    return [
        portal.TopicItem(
            title=call.title,
            url=call.get_absolute_url(),
            published_at=call.created_at,
            summary=_("%(funder)s, termin: %(deadline)s")
            % {"funder": call.funder, "deadline": call.deadline},
            fields=tuple(area.code for area in call.fields.all()),
        )
        for call in calls.order_by("created_at", "id")
    ]


# --- the one search box: this app's sources -------------------------------------------------------------


def _hits(rows, kind: str, snippet, when) -> list[portal.SearchHit]:
    return [
        portal.SearchHit(
            title=row.title,
            url=row.get_absolute_url(),
            kind=kind,
            snippet=snippet(row),
            rank=row.search_rank,
            when=when(row),
        )
        for row in rows
    ]


def search_practices(centre: Centre, words: list[str], limit: int) -> list[portal.SearchHit]:
    rows = matching(GoodPractice.objects.filter(centre=centre, status=PracticeStatus.PUBLISHED), words)
    rows = rows.only("id", "title", "summary", "added_on").order_by("-search_rank", "-added_on", "-id")[
        :limit
    ]
    return _hits(rows, "practices", lambda p: p.summary, lambda p: p.added_on)


def search_articles(centre: Centre, words: list[str], limit: int) -> list[portal.SearchHit]:
    rows = matching(Article.objects.filter(centre=centre, status=ArticleStatus.PUBLISHED), words)
    rows = rows.only("id", "title", "lead", "published_at").order_by("-search_rank", "-published_at", "-id")[
        :limit
    ]
    return _hits(
        rows, "articles", lambda a: a.lead, lambda a: a.published_at.date() if a.published_at else None
    )


def search_funding_calls(centre: Centre, words: list[str], limit: int) -> list[portal.SearchHit]:
    rows = matching(FundingCall.objects.filter(centre=centre, deadline__gte=warsaw_today()), words)
    rows = rows.only("id", "title", "funder", "deadline").order_by("-search_rank", "deadline", "id")[:limit]
    return _hits(rows, "funding_calls", lambda c: c.funder, lambda c: c.deadline)


def search_everything(*, centre: Centre, words: list[str], limit: int, settings=None) -> list[tuple]:
    """(source, hits) of every registered search source the centre runs, each asked once."""
    if not words:
        return []
    found = []
    for source in portal.sources_for(portal.SEARCH_SOURCES, centre, settings=settings):
        hits = list(source.search(centre, words, limit))
        if hits:
            found.append((source, hits))
    return found


def ranked(found: list[tuple]) -> list[tuple]:
    """(source, hit) of all hits in one list: whole words in the title first, then in the text, then the
    newest, then by title."""
    pairs = [(source, hit) for source, hits in found for hit in hits]
    return sorted(pairs, key=lambda p: (-p[1].rank, -(p[1].when or date.min).toordinal(), p[1].title.lower()))


def kind_counts(found: list[tuple]) -> Counter:
    return Counter({source.key: len(hits) for source, hits in found})


# --- the organisation's public page ---------------------------------------------------------------------


def organisation_section(centre: Centre, organisation) -> dict | None:
    practices = list(
        GoodPractice.objects.filter(centre=centre, organisation=organisation, status=PracticeStatus.PUBLISHED)
        .only("id", "title", "locality", "added_on")
        .order_by("-added_on", "-id")[:10]
    )
    return {"practices": practices} if practices else None
