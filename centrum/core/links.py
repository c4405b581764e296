"""Absolute links to a centre's pages, for e-mails and other places without a request."""

from django.conf import settings

from .models import Centre


def centre_url(centre: Centre, path: str = "/") -> str:
    """`https://<primary host>[:port]<path>`; scheme and port come from CENTRUM_URL_SCHEME / CENTRUM_URL_PORT."""
    port = f":{settings.CENTRE_URL_PORT}" if settings.CENTRE_URL_PORT else ""
    return f"{settings.CENTRE_URL_SCHEME}://{centre.primary_host}{port}{path}"
