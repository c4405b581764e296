"""The Content-Security-Policy header sent with every response (settings.CONTENT_SECURITY_POLICY), and its
sibling, the Permissions-Policy header (settings.PERMISSIONS_POLICY: which browser features pages may use).

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


def permissions_policy_header(policy: Mapping[str, list[str] | tuple[str, ...]] | str) -> str:
    """`{"camera": [], "fullscreen": ["self"]}` → "camera=(), fullscreen=(self)"; a string is the header as it is.

    `self` and `*` stand bare, an origin is quoted (`"https://maps.example.org"`)."""
    if isinstance(policy, str):
        return policy.strip()

    def allow(source: str) -> str:
        return source if source in {"self", "*", "src"} else f'"{source}"'

    return ", ".join(
        f"{feature}=({' '.join(allow(s) for s in sources)})" for feature, sources in policy.items()
    )


class _HeaderMiddleware:
    """Adds one header to every response that has not set its own; an empty value sends none."""

    header_name: str

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = self.value()

    def value(self) -> str:
        raise NotImplementedError

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header and self.header_name not in response:
            response[self.header_name] = self.header
        return response


class ContentSecurityPolicyMiddleware(_HeaderMiddleware):
    """Adds the site's policy to every response that has not set its own."""

    header_name = HEADER

    def value(self) -> str:
        return policy_header(settings.CONTENT_SECURITY_POLICY)


class PermissionsPolicyMiddleware(_HeaderMiddleware):
    """Permissions-Policy: the browser features (camera, microphone, location…) pages may use; none by default."""

    header_name = "Permissions-Policy"

    def value(self) -> str:
        return permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))
