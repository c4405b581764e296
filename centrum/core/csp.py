"""The Content-Security-Policy header sent with every response (settings.CONTENT_SECURITY_POLICY).

Pages load scripts and styles only from our own static files: no inline <script>, no style="…"
attribute, no inline event handler. The API documentation is a plain page under the same policy. A response that sets its own header keeps it.
"""

from collections.abc import Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"


def policy_header(policy: Mapping[str, list[str] | tuple[str, ...]]) -> str:
    """`{"default-src": ["'self'"], …}` → "default-src 'self'; …" (a directive with no source stands alone)."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


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
