from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError

from .models import Membership, MembershipRole


@transaction.atomic
def membership_add(
    *, organisation, user, role: str = MembershipRole.MEMBER, actor, reason: str = ""
) -> Membership:
    """Make `user` act for `organisation`; an existing membership gets the new role."""
    existing = Membership.objects.select_for_update().filter(organisation=organisation, user=user).first()
    if existing:
        if existing.role != role:
            old = existing.role
            existing.role = role
            existing.save(update_fields=["role", "updated_at"])
            audit_log(
                actor=actor,
                obj=existing,
                action="membership.role_changed",
                old={"role": old},
                new={"role": role},
                reason=reason,
            )
        return existing
    membership = Membership(centre=organisation.centre, organisation=organisation, user=user, role=role)
    membership.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        raise ApplicationError(_("Ta osoba już działa w imieniu tej organizacji."))
    audit_log(
        actor=actor,
        obj=membership,
        action="membership.added",
        old=None,
        new={"user": user.email, "organisation": organisation.pk, "role": role},
        reason=reason,
    )
    return membership
