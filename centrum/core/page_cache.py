"""Whole public pages kept in memory for visitors who are not signed in, on the centre's data version.

A page a visitor without a session sees is the same for every such visitor: it depends on the centre's
data (its row and the rows of versioned models, `centrum.core.versions`), the language, the path and query,
the display cookies (font size, contrast) and the host, and on nothing about the person, except the CSRF
token of the forms (the language switch), which is put back per request. Apps name the pages that qualify
in their `features.py`, only pages whose content comes from versioned models:

    page_cache.register_cached_page("organisations:directory")

`PublicPageCacheMiddleware` (last in MIDDLEWARE, so every other middleware still runs on a page served from
memory: security headers, the CSRF cookie, Content-Language, Vary) answers a GET of such a page from the
per-process `pages` cache when the request carries no session cookie, no message cookie and no
credentials, and stores every 200 answer it rendered for one. A signed-in person, a visitor with a message
waiting, and every POST always get the page rendered for them. The key holds the centre's data version and
the time its row was last saved, so any change shows at once in every process. Off in tests (the
`pages` cache is a dummy there; see core/tests/test_page_cache.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import get_language

from .calendar import warsaw_today

# A masked CSRF token as Django writes it into a form: 64 letters and digits.
_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
_TOKEN_SLOT = b"\x00csrf-token\x00"
_NOT_STORED_HEADERS = {"content-length", "content-type"}
PAGE_CACHE = "pages"  # settings.CACHES: per process, like the fragments
# Shorter than a fragment's hour: a page may hold signed links to uploaded files (logos and photos in an
# object store expire after an hour), which must stay valid well after the page is served.
PAGE_TIMEOUT = 10 * 60


@dataclass(frozen=True)
class CachedPage:
    view_name: str  # "organisations:directory", as `request.resolver_match.view_name` names it
    # Whether this request's page may come from the cache (e.g. only while every section of it is versioned).
    when: Callable[[HttpRequest], bool] | None = None
    # More of the key, for a page that also shows rows that are not versioned: a cheap marker of their state
    # (`parts(request, view_kwargs)`, e.g. the count and latest change of one room's bookings).
    parts: Callable[[HttpRequest, dict], tuple] | None = None
    # A page of the platform's own hosts (no centre): its key is `parts` alone, which must then mark the
    # state of everything the page shows (e.g. the centres' count and latest change).
    platform: bool = False


CACHED_PAGES: dict[str, CachedPage] = {}


def register_cached_page(
    view_name: str,
    *,
    when: Callable[[HttpRequest], bool] | None = None,
    parts: Callable[[HttpRequest, dict], tuple] | None = None,
    platform: bool = False,
) -> CachedPage:
    """Serve `view_name` from memory to visitors who are not signed in. Only for a page whose content comes
    from the centre's row and versioned models (no other table unless `parts` marks its state, no clock
    beyond the day)."""
    if platform and parts is None:
        raise ValueError("A platform page needs `parts` marking what it shows.")
    page = CACHED_PAGES[view_name] = CachedPage(view_name, when, parts, platform)
    return page


def _anonymous_visitor(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def page_cache_key(request: HttpRequest, page: CachedPage, view_kwargs: dict | None = None) -> str:
    centre = request.centre
    parts = (
        page.parts(request, view_kwargs or {}) if page.parts else (),
        request.get_host(),
        request.is_secure(),
        request.get_full_path(),
        request.COOKIES.get("fontsize", ""),
        request.COOKIES.get("contrast", ""),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
        warsaw_today().isoformat(),  # "today", "this year" in a page change at midnight
        centre.updated_at.isoformat() if centre is not None and centre.updated_at else "",
    )
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    where = f"{centre.pk}:{centre.data_version}" if centre is not None else "platform"
    return f"page:{page.view_name}:{where}:{get_language()}:{digest}"


def _without_csrf_tokens(request: HttpRequest, content: bytes) -> tuple[bytes, bool]:
    """The page with each CSRF token of this request replaced by a slot, and whether there was one."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content, False
    found = False

    def slot(match: re.Match) -> bytes:
        nonlocal found
        if _unmask_cipher_token(match.group().decode()) == secret:
            found = True
            return _TOKEN_SLOT
        return match.group()

    return _TOKEN.sub(slot, content), found


class PublicPageCacheMiddleware(MiddlewareMixin):
    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if request.method != "GET":
            return None
        page = CACHED_PAGES.get(getattr(request.resolver_match, "view_name", ""))
        if page is None or page.platform != (getattr(request, "centre", None) is None):
            return None
        if not _anonymous_visitor(request) or (page.when and not page.when(request)):
            return None
        key = page_cache_key(request, page, view_kwargs)
        stored = caches[PAGE_CACHE].get(key)
        if stored is None:
            request._page_cache_key = key  # rendered now: process_response keeps it
            return None
        content, content_type, headers, has_token = stored
        if has_token:  # a fresh masked token, and the CSRF cookie set as the rendered page would have it
            content = content.replace(_TOKEN_SLOT, get_token(request).encode())
        response = HttpResponse(content, content_type=content_type)
        for name, value in headers:
            response.headers[name] = value
        patch_vary_headers(
            response, ("Cookie",)
        )  # a signed-in person's page differs, as the rendered one says
        return response

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        key = getattr(request, "_page_cache_key", None)
        if key is None or response.status_code != 200 or response.streaming or response.cookies:
            return response
        content, has_token = _without_csrf_tokens(request, response.content)
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in _NOT_STORED_HEADERS]
        caches[PAGE_CACHE].set(key, (content, response["Content-Type"], headers, has_token), PAGE_TIMEOUT)
        return response
