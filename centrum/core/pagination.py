"""The one way a list page is cut into pages (template: core/_pagination.html)."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items, *, per_page: int, paginator_class=Paginator, **kwargs) -> Page:
    """The page `?page=` asks for; a missing, bad or too large number gives the first or last page, never an error."""
    return paginator_class(items, per_page, **kwargs).get_page(request.GET.get("page"))


def page_links(page: Page) -> list:
    """Page numbers to link (…, 4, 5, [6], 7, 8, …, 20): both ends and two on each side of the current page."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
