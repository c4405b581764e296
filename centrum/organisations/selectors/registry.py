"""Reads of the organisation registry. Every selector takes the centre: nothing runs unscoped."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404
from centrum.core.text import polish_sort_key, search_words

from ..choices import PUBLIC_STATUSES, OrganisationStatus
from ..models import ActivityArea, District, Organisation
from ..permissions import can_view_organisation
from ..search import DirectoryQuery, WordPrefixMatch, parse_query, word_rank

DIRECTORY_FIELDS = [
    "id",
    "centre_id",
    "name",
    "short_name",
    "legal_form",
    "city",
    "is_opp",
    "status",
    "krs",
    "district_id",
    "logo",
]

# Beyond this many matches the directory (page and API) says "more than N" instead of counting every row: a
# COUNT over a whole large centre costs more than the page itself, and nobody pages past a few thousand.
DIRECTORY_COUNT_CAP = 5000


def organisation_directory(
    *,
    centre: Centre,
    q: str = "",
    area: str | None = None,
    legal_form: str | None = None,
    opp: bool | None = None,
    district: int | None = None,
) -> QuerySet[Organisation]:
    """The public directory: active and suspended organisations in Polish order, searched and filtered.

    The directory page, its staff view and the API list all read through here. See `search.py` for how `q`
    is read and matched.
    """
    qs = organisation_search(
        Organisation.objects.filter(centre=centre, status__in=PUBLIC_STATUSES), parse_query(q)
    )
    if area:
        qs = qs.filter(areas__code=area)
    if legal_form:
        qs = qs.filter(legal_form=legal_form)
    if opp is not None:
        qs = qs.filter(is_opp=opp)
    if district:
        qs = qs.filter(district_id=district)
    return qs.only(*DIRECTORY_FIELDS).select_related("district")


def organisation_search(qs: QuerySet[Organisation], query: DirectoryQuery) -> QuerySet[Organisation]:
    """`qs` narrowed to what `query` finds, best matches first, then in Polish order.

    An identifier is looked up in KRS, NIP and REGON (the centre's unique indexes). Words must each start
    a word of name, short name, street, city or identifiers; organisations whose name holds the words come
    first (whole words before beginnings), then address and number matches (the same way).
    """
    order = ("name_sort", "name", "id")
    if query.identifiers:
        found = Q()
        for value in query.identifiers:
            found |= Q(krs=value) | Q(nip=value) | Q(regon=value)
        return qs.filter(found).order_by(*order)
    if query.words:
        return (
            qs.filter(WordPrefixMatch("search_text", query.words))
            .alias(search_rank=word_rank(query.words))
            .order_by("search_rank", *order)
        )
    return qs.order_by(*order)


def organisation_get_visible(*, centre: Centre, pk: int, user) -> Organisation:
    """One organisation of `centre` that `user` may see, or 404 (also for another centre's id)."""
    org = organisation_get(
        centre=centre,
        pk=pk,
        queryset=Organisation.objects.select_related(
            "district", "submitted_by", "verified_by"
        ).prefetch_related("areas"),
    )
    if not can_view_organisation(user, org):
        raise Http404
    return org


def organisation_get(*, centre: Centre, pk: int, queryset=None) -> Organisation:
    """An organisation of `centre` (any status), or 404."""
    org = get_for_centre_or_404(Organisation.objects if queryset is None else queryset, centre=centre, pk=pk)
    org.centre = centre  # the same row: the permission checks need it and need not load it again
    return org


def organisation_list_for_user(*, centre: Centre, user) -> QuerySet[Organisation]:
    """Organisations of `centre` the user acts for."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(centre=centre, memberships__user=user).order_by("name_sort", "name")


def organisation_verification_queue(*, centre: Centre) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.PENDING)
        .select_related("submitted_by", "centre")
        .order_by("created_at", "id")
    )


def organisation_directory_stats(*, centre: Centre) -> dict[str, int]:
    return Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).aggregate(
        active=Count("id"), opp=Count("id", filter=Q(is_opp=True))
    )


def organisation_pending_count(*, centre: Centre) -> int:
    return Organisation.objects.filter(centre=centre, status=OrganisationStatus.PENDING).count()


def activity_area_list() -> QuerySet[ActivityArea]:
    return ActivityArea.objects.order_by("position")


def district_list(*, centre: Centre) -> QuerySet[District]:
    return District.objects.filter(centre=centre).order_by("name")


def district_list_sorted(*, centre: Centre) -> list[District]:
    """The centre's districts in Polish alphabetical order (the database sorts by bytes or by its locale)."""
    return sorted(district_list(centre=centre), key=lambda d: polish_sort_key(d.name))


@dataclass(frozen=True)
class Duplicates:
    """Possible duplicates of one organisation: the first few as (field, organisation) and how many in all."""

    pairs: list[tuple[str, Organisation]]
    total: int


def organisation_duplicates_for(
    *, centre: Centre, organisations: list[Organisation], shown: int | None = None
) -> dict[int, Duplicates]:
    """Possible duplicates of each of `organisations`, in one query: {organisation id: Duplicates}.

    `field` is "krs", "nip" or "regon" (same number) or "name" (same name once case, diacritics, quotes and
    punctuation are ignored). The unique constraints keep equal numbers apart within a centre, so the usual
    catch is the same organisation registered again without its numbers, or under a differently written name.
    Pairs come in the directory's order (then numbers before the name); `shown` keeps the first so many and
    `total` counts them all. A common name ("Koło Gospodyń Wiejskich w …") matches hundreds in a large
    centre: the candidates are read as plain rows, and only the pairs kept become model instances.
    """
    fields = ("krs", "nip", "regon")
    condition = Q()
    for field in fields:
        wanted = {getattr(org, field) for org in organisations} - {""}
        if wanted:
            condition |= Q(**{f"{field}__in": wanted})
    folded_names = {org.pk: " ".join(search_words(org.name)) for org in organisations}
    for folded in set(folded_names.values()) - {""}:
        # The stored name words start with the folded name (the short name's words may follow).
        condition |= Q(search_name=folded) | Q(search_name__startswith=f"{folded} ")
    result = {org.pk: Duplicates(pairs=[], total=0) for org in organisations}
    if not condition:
        return result
    columns = ("id", "name", "krs", "nip", "regon", "status")
    rows = list(
        Organisation.objects.filter(condition, centre=centre)
        .order_by("name_sort", "name", "id")
        .values_list(*columns)
    )
    # Index the candidates once (fold each name once): a page of a large queue against hundreds of
    # candidates is then a few dictionary look-ups per organisation, not candidates × organisations folds.
    kinds = (*fields, "name")
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, row in enumerate(rows):
        for n, field in enumerate(fields, start=2):
            if row[n]:
                index[(field, row[n])].append(position)
        index[("name", " ".join(search_words(row[1])))].append(position)
    instances: dict[int, Organisation] = {}

    def instance(position: int) -> Organisation:
        if position not in instances:
            values = dict(zip(columns, rows[position], strict=True))
            instances[position] = Organisation(centre_id=centre.pk, **values)
        return instances[position]

    for org in organisations:
        wanted = [(field, getattr(org, field)) for field in fields] + [("name", folded_names[org.pk])]
        found = sorted(
            (position, kinds.index(kind), kind)
            for kind, value in wanted
            if value
            for position in index[(kind, value)]
            if rows[position][0] != org.pk
        )
        kept = found if shown is None else found[:shown]
        result[org.pk] = Duplicates(
            pairs=[(kind, instance(position)) for position, _n, kind in kept], total=len(found)
        )
    return result
    candidates = list(
        Organisation.objects.filter(condition, centre=centre)
        .only("id", "name", "krs", "nip", "regon", "status", "centre_id")
        .order_by("name_sort", "name", "id")
    )
    # Index the candidates once (fold each name once): a page of a large queue against hundreds of
    # candidates is then a few dictionary look-ups per organisation, not candidates × organisations folds.
    position = {other.pk: n for n, other in enumerate(candidates)}
    kinds = (*fields, "name")
    index: dict[tuple[str, str], list[Organisation]] = defaultdict(list)
    for other in candidates:
        for field in fields:
            if getattr(other, field):
                index[(field, getattr(other, field))].append(other)
        index[("name", " ".join(search_words(other.name)))].append(other)
    for org in organisations:
        wanted = [(field, getattr(org, field)) for field in fields] + [("name", folded_names[org.pk])]
        found = [
            (kind, other)
            for kind, value in wanted
            if value
            for other in index[(kind, value)]
            if other.pk != org.pk
        ]
        result[org.pk] = sorted(found, key=lambda pair: (position[pair[1].pk], kinds.index(pair[0])))
    return result


def organisation_search_hits(centre: Centre, words: list[str], limit: int) -> list:
    """The portal's search source (`core.portal.SEARCH_SOURCES`): public organisations whose name, address
    or identifiers hold every word; a whole word of the name ranks 2, of the address 1, a beginning 0."""
    from django.urls import reverse

    from centrum.core.portal import SearchHit

    if not words:
        return []
    query = DirectoryQuery(words=tuple(words[:8]))
    organisations = organisation_search(
        Organisation.objects.filter(centre=centre, status__in=PUBLIC_STATUSES), query
    ).only("id", "centre_id", "name", "city", "search_name", "search_text")[:limit]
    hits = []
    for organisation in organisations:
        name_words = set(organisation.search_name.split())
        text_words = set(organisation.search_text.split())
        rank = 2 if all(w in name_words for w in words) else 1 if all(w in text_words for w in words) else 0
        hits.append(
            SearchHit(
                title=organisation.name,
                url=reverse("organisations:detail", args=[organisation.pk]),
                kind="organisations",
                snippet=organisation.city,
                rank=rank,
            )
        )
    return hits


def organisation_mailing_selection(
    *,
    centre: Centre,
    areas: list[str] | tuple[str, ...] = (),
    districts: list[int] | tuple[int, ...] = (),
    legal_forms: list[str] | tuple[str, ...] = (),
    opp: bool | None = None,
) -> QuerySet[Organisation]:
    """Active organisations of `centre` a mailing to the given selection reaches (each once): any of `areas`
    (codes), any of `districts` (ids), any of `legal_forms`; an empty filter does not narrow. Used by the
    newsletter's announcements, which read `id`, `name` and `email` of these rows."""
    qs = Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE)
    if areas:
        qs = qs.filter(
            id__in=Organisation.areas.through.objects.filter(activityarea__code__in=areas).values(
                "organisation_id"
            )
        )
    if districts:
        qs = qs.filter(district_id__in=districts)
    if legal_forms:
        qs = qs.filter(legal_form__in=legal_forms)
    if opp is not None:
        qs = qs.filter(is_opp=opp)
    return qs
