"""Who is calling: an API token (scripts) or the browser session (with CSRF for writes).

Operations pass `auth=REQUIRED` (401 without credentials) or `auth=PUBLIC` plus
`openapi_extra=PUBLIC_OPENAPI` (anonymous allowed, credentials still honoured). Either way
`request.auth` is the acting user (an `AnonymousUser` on public endpoints) and every operation
is a 404 on a host without a centre.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from centrum.accounts.models import ApiToken

from .errors import ApiHttpError

LAST_USED_RESOLUTION = timedelta(minutes=1)
MAX_KEY_LENGTH = 200
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def require_centre(request: HttpRequest):
    """The API exists only on a centre's host; on a platform host every endpoint is a 404."""
    centre = getattr(request, "centre", None)
    if centre is None:
        raise Http404
    return centre


def api_token_authenticate(*, key: str, centre) -> ApiToken | None:
    """The live token of `centre` with this key, its user active; marks it used (at most once a minute)."""
    if not key or len(key) > MAX_KEY_LENGTH:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            key_hash=ApiToken.hash_key(key),
            centre=centre,
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or token.last_used_at <= now - LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


class BearerTokenAuth(HttpBearer):
    """`Authorization: Bearer <key>`: a token of this centre, not revoked, its user active.

    A Bearer header with a wrong, revoked or another centre's key is a 401 even on public
    endpoints: a script must learn that its key does not work rather than silently see less.
    """

    def __call__(self, request: HttpRequest) -> Any:
        require_centre(request)
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = api_token_authenticate(key=token.strip(), centre=request.centre)
        if api_token is None:
            raise AuthenticationError()
        request.user = api_token.user
        request.api_token = api_token
        request.auth_method = "token"
        return api_token.user


class SessionAuth(APIKeyCookie):
    """The browser's Django session; a write must carry the CSRF token (`X-CSRFToken` header)."""

    param_name: str = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        # The CSRF check is ours: only for a signed-in person, and with a translated message.
        super().__init__(csrf=False)

    def __call__(self, request: HttpRequest) -> Any:
        require_centre(request)
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise ApiHttpError(403, _("Brak lub niepoprawny token CSRF – odśwież stronę i spróbuj ponownie."))
        request.auth_method = "session"
        return user


def anonymous(request: HttpRequest) -> Any:
    require_centre(request)
    request.auth_method = None
    return AnonymousUser()


bearer_auth = BearerTokenAuth()
session_auth = SessionAuth()

REQUIRED = [bearer_auth, session_auth]
PUBLIC = [bearer_auth, session_auth, anonymous]
# Appended to the operation's bearer and session requirements: an empty one marks them optional.
PUBLIC_OPENAPI = {"security": [{}]}
