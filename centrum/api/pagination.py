"""The API's one way to cut a list: `limit` + `offset` (or `page`), counted as the HTML page counts.

Like the directory page (`core.pagination.CappedPaginator`), at most `cap` rows are counted; a client asking
for rows past the last one (or past the cap) gets a 404 in the API's error format that says how many there
are, where the page would show its last page: a client paging on never loops on empty pages.
"""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from centrum.core.pagination import CappedPaginator

from .errors import ApiHttpError


def api_page(
    items: QuerySet, *, limit: int, offset: int = 0, page: int | None = None, cap: int
) -> dict[str, Any]:
    """{"count", "count_capped", "limit", "offset", "results": [rows]} or a 404 past the last row."""
    offset = (page - 1) * limit if page else offset
    paginator = CappedPaginator(items, limit, cap=cap)
    count = paginator.count
    if offset and offset >= count:
        message = _(
            "Nie ma takiej strony: wyników jest %(count)s, a zapytanie zaczyna od pozycji %(offset)s."
        ) % {
            "count": count,
            "offset": offset,
        }
        if paginator.is_capped:
            message += " " + _(
                "Pokazujemy najwyżej %(cap)s wyników; zawęź wyszukiwanie, aby zobaczyć pozostałe."
            ) % {"cap": cap}
        raise ApiHttpError(404, message)
    return {
        "count": count,
        "count_capped": paginator.is_capped,
        "limit": limit,
        "offset": offset,
        "results": list(items[offset : min(offset + limit, count)]),
    }
