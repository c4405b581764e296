"""Glue between django-axes (login lockout) and django-allauth's login form."""

from django.conf import settings


def login_username(request, credentials: dict | None = None) -> str:
    """The address a login attempt was made for, so failures for one account are counted together.

    allauth calls `authenticate(email=…)`; the form posts the field as `login`. Both are accepted,
    trimmed and lower-cased, so `Anna@Example.org` and `anna@example.org` share one counter.
    """
    value = None
    if credentials:
        value = credentials.get("email") or credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    if value is None and request is not None:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        value = data.get(settings.AXES_USERNAME_FORM_FIELD)
    return (value or "").strip().lower()
