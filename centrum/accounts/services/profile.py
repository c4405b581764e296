"""A person's own profile data."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.permissions import is_platform_admin

PROFILE_FIELDS = ["full_name", "phone", "language"]


@transaction.atomic
def user_update_profile(*, user, actor, data: dict) -> object:
    if actor.pk != user.pk and not is_platform_admin(actor):
        raise ApplicationError(_("Możesz zmieniać tylko własne dane."))
    current = get_user_model().objects.select_for_update().get(pk=user.pk)
    old = {name: getattr(current, name) for name in PROFILE_FIELDS}
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(current, name, (data[name] or "").strip())
    full_clean_or_raise(current, exclude=["password"], validate_unique=False, validate_constraints=False)
    new = {name: getattr(current, name) for name in PROFILE_FIELDS}
    changed = [name for name in PROFILE_FIELDS if old[name] != new[name]]
    if changed:
        current.save(update_fields=changed)
        audit_log(
            actor=actor,
            obj=current,
            centre=None,
            action="user.profile_updated",
            old={k: old[k] for k in changed},
            new={k: new[k] for k in changed},
        )
    return current
