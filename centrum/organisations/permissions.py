"""Pure predicates about organisations; views, services, the API and commands all use these."""

from centrum.accounts.models import MembershipRole
from centrum.core.permissions import is_centre_staff

from .choices import PUBLIC_STATUSES


def membership_role(user, organisation) -> str | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    cache = user.__dict__.setdefault("_membership_cache", {})
    if organisation.pk not in cache:
        cache[organisation.pk] = (
            organisation.memberships.filter(user=user).values_list("role", flat=True).first()
        )
    return cache[organisation.pk]


def is_organisation_admin(user, organisation) -> bool:
    return membership_role(user, organisation) == MembershipRole.ADMIN


def is_organisation_member(user, organisation) -> bool:
    return membership_role(user, organisation) is not None


def can_view_organisation(user, organisation) -> bool:
    if organisation.status in PUBLIC_STATUSES:
        return True
    if is_centre_staff(user, organisation.centre):
        return True
    return bool(getattr(user, "is_authenticated", False) and organisation.submitted_by_id == user.pk)


def can_edit_organisation(user, organisation) -> bool:
    return is_centre_staff(user, organisation.centre) or (
        organisation.status in PUBLIC_STATUSES and is_organisation_admin(user, organisation)
    )


def can_manage_members(user, organisation) -> bool:
    return can_edit_organisation(user, organisation)


def can_verify_organisations(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_change_organisation_status(user, organisation) -> bool:
    return is_centre_staff(user, organisation.centre)


def can_import_organisations(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_register_organisation(user, centre) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)
