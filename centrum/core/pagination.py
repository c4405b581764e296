"""The one way a list page is cut into pages (template: core/_pagination.html)."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.functional import cached_property


def paginate(
    request: HttpRequest, items, *, per_page: int, param: str = "page", paginator_class=Paginator, **kwargs
) -> Page:
    """The page `?page=` asks for; a missing, bad or too large number gives the first or last page, never an error.

    A page with two paged lists names the second one's parameter (`param="attendance_page"`) and passes the
    same name to core/_pagination.html (`page_param=…`), so each list keeps its own place."""
    return paginator_class(items, per_page, **kwargs).get_page(request.GET.get(param))


def page_links(page: Page) -> list:
    """Page numbers to link (…, 4, 5, [6], 7, 8, …, 20): both ends and two on each side of the current page."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


class CappedPaginator(Paginator):
    """A paginator that counts at most `cap` rows (one bounded `COUNT` over a `LIMIT cap + 1` subquery)."""

    def __init__(self, object_list, per_page, *, cap: int, **kwargs):
        self.cap = cap
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def _bounded_count(self) -> int:
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._bounded_count, self.cap)

    @property
    def is_capped(self) -> bool:
        return self._bounded_count > self.cap
