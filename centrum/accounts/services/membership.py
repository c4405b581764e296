"""Membership in an organisation: adding, changing the role, removing (never the last administrator)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError
from centrum.organisations.permissions import can_manage_members

from ..models import (
    Membership,
    MembershipRole,
)
from ..permissions import can_remove_membership
from ._common import check_role


@transaction.atomic
def membership_add(
    *, organisation, user, role: str = MembershipRole.MEMBER, actor, reason: str = ""
) -> Membership:
    """Make `user` act for `organisation`; an existing membership gets the new role."""
    existing = Membership.objects.select_for_update().filter(organisation=organisation, user=user).first()
    if existing:
        if existing.role != role:
            _role_set(existing, role=role, actor=actor, reason=reason)
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


def _role_set(membership: Membership, *, role: str, actor, reason: str) -> None:
    """Save a locked membership's new role, audited old → new."""
    old = membership.role
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    audit_log(
        actor=actor,
        obj=membership,
        action="membership.role_changed",
        old={"role": old},
        new={"role": role},
        reason=reason,
    )


def _lock_admins(organisation) -> list[int]:
    """Lock the organisation's administrator rows, so two removals at once cannot both pass the check."""
    return list(
        Membership.objects.select_for_update()
        .filter(organisation=organisation, role=MembershipRole.ADMIN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, actor, reason: str = "") -> Membership:
    check_role(role, MembershipRole)
    if not can_manage_members(actor, membership.organisation):
        raise ApplicationError(_("Nie możesz zmieniać ról w tej organizacji."))
    admins = _lock_admins(membership.organisation)
    current = Membership.objects.select_for_update().filter(pk=membership.pk).first()
    if current is None:
        raise ApplicationError(_("Ta osoba nie działa już w imieniu organizacji."))
    if current.role == role:
        return current
    if current.role == MembershipRole.ADMIN and admins == [current.pk]:
        raise ApplicationError(
            _("To jedyny administrator organizacji. Najpierw nadaj tę rolę komuś innemu."), field="role"
        )
    _role_set(current, role=role, actor=actor, reason=reason)
    return current


@transaction.atomic
def membership_remove(*, membership: Membership, actor, reason: str = "") -> None:
    """End a person's membership; a manager removes anyone, a person may leave. Never the last admin."""
    if not can_remove_membership(actor, membership):
        raise ApplicationError(_("Nie możesz usunąć tej osoby z organizacji."))
    admins = _lock_admins(membership.organisation)
    current = Membership.objects.select_for_update().filter(pk=membership.pk).first()
    if current is None:
        return
    if current.role == MembershipRole.ADMIN and admins == [current.pk]:
        raise ApplicationError(_("To jedyny administrator organizacji. Najpierw nadaj tę rolę komuś innemu."))
    audit_log(
        actor=actor,
        obj=current,
        action="membership.removed",
        old={"user": current.user.email, "organisation": current.organisation_id, "role": current.role},
        new=None,
        reason=reason,
    )
    current.delete()
