"""Reads. Every selector takes the centre: nothing runs unscoped."""

from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404

from centrum.core.calendar import warsaw_today
from centrum.core.models import Centre
from centrum.core.portal import SearchHit
from centrum.core.richtext import plain_text
from centrum.core.selectors import get_for_centre_or_404
from centrum.core.text import search_words
from centrum.organisations.choices import PUBLIC_STATUSES as ORGANISATION_PUBLIC_STATUSES
from centrum.organisations.models import Organisation
from centrum.organisations.selectors import organisation_directory, organisation_list_for_user

from .choices import PUBLIC_COMPANY_STATUSES, CompanyStatus, PageVisibility
from .models import ActivationOffer, Company, OrganisationPage
from .permissions import can_view_company

# ---------------------------------------------------------------- organisation's page


def organisation_page_get(*, centre: Centre, organisation: Organisation) -> OrganisationPage | None:
    return OrganisationPage.objects.filter(centre=centre, organisation=organisation).first()


def organisations_with_editable_page(*, centre: Centre, user) -> QuerySet[Organisation]:
    """The organisations whose page `user` edits as a member (`can_edit_organisation_page`), in one query."""
    return organisation_list_for_user(centre=centre, user=user).filter(
        status__in=ORGANISATION_PUBLIC_STATUSES
    )


def organisation_page_section(centre: Centre, organisation: Organisation) -> dict | None:
    """The "Wizytówka" section of `organisations:detail`: what the organisation wrote (logo, about, links);
    None when it wrote nothing or staff hid it."""
    page = organisation_page_get(centre=centre, organisation=organisation)
    if page is None or page.visibility != PageVisibility.VISIBLE:
        return None
    links = page.links()
    if not (page.logo or page.about or links):
        return None
    return {"page": page, "links": links}


def opp_section(centre: Centre, organisation: Organisation) -> dict | None:
    """The OPP / 1.5 % section: the KRS number a taxpayer writes in the PIT return (no query: the
    registry's own fields)."""
    if not organisation.is_opp or not organisation.krs:
        return None
    return {"organisation": organisation}


# ---------------------------------------------------------------- the 1.5 % page


def opp_organisation_list(*, centre: Centre, **filters) -> QuerySet[Organisation]:
    """The centre's public OPP organisations with a KRS number, searched and filtered as the directory."""
    filters.pop("opp", None)
    filters.pop("legal_form", None)
    return (
        organisation_directory(centre=centre, opp=True, **filters).exclude(krs="").prefetch_related("areas")
    )


# ---------------------------------------------------------------- companies (CSR)

OFFER_FIELDS = {"volunteering": "offers_volunteering", "in_kind": "offers_in_kind", "money": "offers_money"}


def _words_filter(qs: QuerySet, q: str) -> QuerySet:
    for word in search_words(q)[:10]:
        qs = qs.filter(search_text__contains=word)
    return qs


def company_list_public(*, centre: Centre, q: str = "", offer: str = "") -> QuerySet[Company]:
    qs = Company.objects.filter(centre=centre, status__in=PUBLIC_COMPANY_STATUSES)
    if offer in OFFER_FIELDS:
        qs = qs.filter(**{OFFER_FIELDS[offer]: True})
    return _words_filter(qs, q).order_by("name", "id")


def company_moderation_queue(*, centre: Centre) -> QuerySet[Company]:
    return (
        Company.objects.filter(centre=centre)
        .exclude(status=CompanyStatus.PUBLISHED)
        .select_related("centre")
        .order_by("status", "-created_at", "id")
    )


def company_pending_count(*, centre: Centre) -> int:
    return Company.objects.filter(centre=centre, status=CompanyStatus.PROPOSED).count()


def company_get_visible(*, centre: Centre, pk: int, user) -> Company:
    """The loader: one 404 for "missing", "another centre's" and "not public" alike."""
    return get_for_centre_or_404(
        Company.objects.all(), centre=centre, pk=pk, visible=lambda company: can_view_company(user, company)
    )


def company_get(*, centre: Centre, pk: int) -> Company:
    return get_for_centre_or_404(Company.objects.all(), centre=centre, pk=pk)


# ---------------------------------------------------------------- activation offers


def activation_offer_list(
    *, centre: Centre, q: str = "", audience: str = "", include_past: bool = False, today: date | None = None
) -> QuerySet[ActivationOffer]:
    qs = ActivationOffer.objects.filter(centre=centre)
    if not include_past:
        qs = qs.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today or warsaw_today()))
    if audience:
        qs = qs.filter(audience=audience)
    return _words_filter(qs, q).order_by("ends_on", "title", "id")


def activation_offer_get(*, centre: Centre, pk: int) -> ActivationOffer:
    found = ActivationOffer.objects.filter(centre=centre, pk=pk).first()
    if found is None:
        raise Http404
    return found


def activation_offer_count(*, centre: Centre) -> int:
    return activation_offer_list(centre=centre).count()


# ---------------------------------------------------------------- the one search box


def _rank(title: str, text: str, words: list[str]) -> int:
    title_words, text_words = set(search_words(title)), set(text.split())
    if all(w in title_words for w in words):
        return 2
    if all(w in text_words for w in words):
        return 1
    return 0


def company_search(centre: Centre, words: list[str], limit: int) -> list[SearchHit]:
    qs = Company.objects.filter(centre=centre, status__in=PUBLIC_COMPANY_STATUSES)
    for word in words:
        qs = qs.filter(search_text__contains=word)
    return [
        SearchHit(
            title=c.name,
            url=c.get_absolute_url(),
            kind="promotion.companies",
            snippet=plain_text(c.description)[:200],
            rank=_rank(c.name, c.search_text, words),
            when=c.created_at.date(),
        )
        for c in qs.order_by("name", "id")[:limit]
    ]


def activation_search(centre: Centre, words: list[str], limit: int) -> list[SearchHit]:
    qs = activation_offer_list(centre=centre)
    for word in words:
        qs = qs.filter(search_text__contains=word)
    return [
        SearchHit(
            title=o.title,
            url=o.get_absolute_url(),
            kind="promotion.activation",
            snippet=f"{o.body}: {plain_text(o.description)}"[:200],
            rank=_rank(o.title, o.search_text, words),
            when=o.starts_on,
        )
        for o in qs[:limit]
    ]


# ---------------------------------------------------------------- the staff dashboard card


def staff_card(*, centre: Centre) -> dict:
    return {"pending_companies": company_pending_count(centre=centre)}
