"""API tokens: issued for one person in one centre, shown once, stored only as a SHA-256 hash."""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.accounts.models import ApiToken
from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre

KEY_PREFIX = "ctr_"


@transaction.atomic
def api_token_create(*, user, centre: Centre, name: str, actor) -> tuple[ApiToken, str]:
    """A new token of `user` for `centre`; returns the token and its key (the only time it is known)."""
    if not user.is_active:
        raise ApplicationError(_("Konto jest nieaktywne – nie można wydać dla niego tokenu."), field="user")
    name = (name or "").strip()
    if not name:
        raise ApplicationError(_("Podaj nazwę tokenu, np. nazwę skryptu."), field="name")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, centre=centre, name=name[:100], prefix=key[:8], key_hash=ApiToken.hash_key(key)
    )
    token.full_clean()
    token.save()
    audit_log(
        actor=actor,
        obj=token,
        centre=centre,
        action="api_token.created",
        new={"user": user.email, "name": token.name, "prefix": token.prefix},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor, reason: str = "") -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at", "updated_at"])
    audit_log(
        actor=actor,
        obj=token,
        centre=token.centre,
        action="api_token.revoked",
        old={"revoked_at": None},
        new={"revoked_at": token.revoked_at},
        reason=reason,
    )
    return token
