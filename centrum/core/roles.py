"""Roles people hold in a centre, as core sees them: codes, labels, and the app that keeps them.

Core needs two roles for its own pages (the centre's staff and the municipality's officials) and
knows them by code only. The app that stores roles (accounts) registers, in its `features.py`, the
role kinds it offers and one `RoleBackend` that answers "which roles does this person hold here",
"who holds this role" and appoints a person; core never imports it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

# The roles core's own predicates rely on; the role backend's kinds must include them.
STAFF = "staff"
OFFICIAL = "official"
CORE_ROLES = (STAFF, OFFICIAL)


@dataclass(frozen=True)
class RoleKind:
    code: str
    label: str | Promise
    order: int = 100


@dataclass(frozen=True)
class RoleBackend:
    """`roles_of(user, centre)` -> role codes; `holders(centre, code)` -> role rows with `.user`;
    `appoint(centre=, email=, role=, full_name=, actor=)` -> (role row with `.user`, account created)."""

    roles_of: Callable[[object, object], Iterable[str]]
    holders: Callable[[object, str], Iterable]
    appoint: Callable[..., tuple[object, bool]]


ROLE_KINDS: dict[str, RoleKind] = {}
_backend: list[RoleBackend] = []


def register_role_kind(kind: RoleKind) -> RoleKind:
    ROLE_KINDS[kind.code] = kind
    return kind


def register_role_backend(backend: RoleBackend) -> RoleBackend:
    _backend[:] = [backend]
    return backend


def role_backend() -> RoleBackend:
    if not _backend:
        raise ImproperlyConfigured(
            "No app registered a role backend (centrum.core.roles.register_role_backend)."
        )
    return _backend[0]


def role_kinds() -> list[RoleKind]:
    return sorted(ROLE_KINDS.values(), key=lambda kind: (kind.order, kind.code))


def role_label(code: str) -> str:
    kind = ROLE_KINDS.get(code)
    return str(kind.label) if kind else code
