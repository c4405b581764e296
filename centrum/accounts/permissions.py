"""Who may manage accounts, the centre team, organisation members and API tokens. Pure predicates."""

from centrum.core.permissions import is_centre_staff, is_platform_admin
from centrum.organisations.permissions import can_manage_members

from .models import ApiToken, Membership


def can_manage_centre_team(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_remove_membership(user, membership: Membership) -> bool:
    """Managers of the organisation remove anyone; every person may leave an organisation."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return membership.user_id == user.pk or can_manage_members(user, membership.organisation)


def can_use_api_tokens(user, centre) -> bool:
    return bool(centre is not None and getattr(user, "is_authenticated", False) and user.is_active)


def can_revoke_api_token(user, token: ApiToken) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return token.user_id == user.pk or is_platform_admin(user)


def can_manage_invitation(user, invitation) -> bool:
    """An organisation's managers revoke its invitations; staff those to the centre's team."""
    organisation = getattr(invitation, "organisation", None)
    if organisation is not None:
        return can_manage_members(user, organisation)
    return can_manage_centre_team(user, invitation.centre)


def can_accept_invitation(user, invitation) -> bool:
    """The owner of the invited, verified address accepts, while the invitation is valid."""
    from .selectors import verified_emails

    if not getattr(user, "is_authenticated", False) or not user.is_active or invitation.is_expired:
        return False
    return invitation.email.lower() in verified_emails(user)
