"""API tokens for scripts: created (the key shown once, only its hash kept) and revoked."""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre

from ..models import (
    ApiToken,
)
from ..permissions import can_revoke_api_token

API_TOKEN_LIMIT = 20


@transaction.atomic
def api_token_create(*, user, centre: Centre, name: str) -> tuple[ApiToken, str]:
    """A new token for scripts. Returns (token, key): the key is shown once and only its hash is kept."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise ApplicationError(_("Zaloguj się, aby utworzyć token."))
    name = " ".join((name or "").split())
    if not name:
        raise ApplicationError(_("Podaj nazwę tokenu, np. „Skrypt eksportu”."), field="name")
    active = ApiToken.objects.select_for_update().filter(user=user, centre=centre, revoked_at__isnull=True)
    if active.count() >= API_TOKEN_LIMIT:
        raise ApplicationError(
            ngettext(
                "Masz już %(limit)s aktywny token. Unieważnij go, aby utworzyć nowy.",
                "Masz już %(limit)s aktywnych tokenów. Unieważnij nieużywane, aby utworzyć nowy.",
                API_TOKEN_LIMIT,
            )
            % {"limit": API_TOKEN_LIMIT}
        )
    # A recognisable prefix lets secret scanners spot a leaked key.
    key = "ctr_" + secrets.token_urlsafe(32)
    token = ApiToken(user=user, centre=centre, name=name, prefix=key[:8], key_hash=ApiToken.hash_key(key))
    full_clean_or_raise(token, validate_unique=False, validate_constraints=False)
    token.save()
    audit_log(
        actor=user,
        obj=token,
        centre=centre,
        action="api_token.created",
        old=None,
        new={"name": name, "prefix": token.prefix},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor) -> ApiToken:
    if not can_revoke_api_token(actor, token):
        raise ApplicationError(_("Nie możesz unieważnić tego tokenu."))
    current = ApiToken.objects.select_for_update().get(pk=token.pk)
    if current.revoked_at is not None:
        raise ApplicationError(_("Ten token jest już unieważniony."))
    current.revoked_at = timezone.now()
    current.save(update_fields=["revoked_at", "updated_at"])
    audit_log(
        actor=actor,
        obj=current,
        centre=current.centre,
        action="api_token.revoked",
        old={"revoked": False},
        new={"revoked": True},
        reason=""
        if current.user_id == getattr(actor, "pk", None)
        else _("Unieważniony przez administratora."),
    )
    return current
