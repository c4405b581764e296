"""The Content-Security-Policy header sent with every response (settings.CONTENT_SECURITY_POLICY).

Pages load scripts and styles only from our own static files: no inline <script>, no style="…"
attribute, no inline event handler. A view whose page needs a different policy (the API
documentation) decorates itself with `content_security_policy(...)`; nothing gets 'unsafe-inline'.
"""

from collections.abc import Callable, Mapping
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"


def policy_header(policy: Mapping[str, list[str] | tuple[str, ...]]) -> str:
    """`{"default-src": ["'self'"], …}` → "default-src 'self'; …" (a directive with no source stands alone)."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


def content_security_policy(**overrides: list[str]) -> Callable:
    """A view whose page needs other sources: `@content_security_policy(img_src=["'self'", "data:"])`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            response = view(request, *args, **kwargs)
            policy = dict(settings.CONTENT_SECURITY_POLICY)
            policy.update({name.replace("_", "-"): sources for name, sources in overrides.items()})
            response[HEADER] = policy_header(policy)
            return response

        return wrapped

    return decorator


class ContentSecurityPolicyMiddleware:
    """Adds the site's policy to every response that has not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = policy_header(settings.CONTENT_SECURITY_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = self.header
        return response
