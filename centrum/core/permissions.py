"""Who may do what in a centre. Pure predicates, used by views, services, the API and commands alike."""

from .roles import OFFICIAL, STAFF, role_backend


def centre_roles(user, centre) -> frozenset[str]:
    """The user's roles in `centre`, cached on the user object for the request."""
    if centre is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault("_centre_roles_cache", {})
    if centre.pk not in cache:
        cache[centre.pk] = frozenset(role_backend().roles_of(user, centre))
    return cache[centre.pk]


def has_centre_role(user, centre, *roles: str) -> bool:
    if getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser:
        return True
    return bool(centre_roles(user, centre) & set(roles))


def is_centre_staff(user, centre) -> bool:
    return has_centre_role(user, centre, STAFF)


def can_manage_centre_settings(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_view_audit_log(user, centre) -> bool:
    return has_centre_role(user, centre, STAFF, OFFICIAL)


def is_platform_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)
