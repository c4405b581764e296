"""Writes about people: roles in a centre, membership in organisations, invitations, API tokens.

Every write checks its permission again (views, the API and commands behave alike), is atomic,
audited, and sends its mail through the outbox in the same transaction.
"""

from .invitations import (
    centre_role_invitation_revoke,
    centre_role_invitations_accept_for_email,
    membership_invitation_accept,
    membership_invitation_revoke,
    membership_invite,
)
from .membership import membership_add, membership_change_role, membership_remove
from .profile import PROFILE_FIELDS, user_update_profile
from .roles import centre_role_appoint, centre_role_grant, centre_role_revoke
from .tokens import API_TOKEN_LIMIT, api_token_create, api_token_revoke

__all__ = [
    "API_TOKEN_LIMIT",
    "PROFILE_FIELDS",
    "api_token_create",
    "api_token_revoke",
    "centre_role_appoint",
    "centre_role_grant",
    "centre_role_invitation_revoke",
    "centre_role_invitations_accept_for_email",
    "centre_role_revoke",
    "membership_add",
    "membership_change_role",
    "membership_invitation_accept",
    "membership_invitation_revoke",
    "membership_invite",
    "membership_remove",
    "user_update_profile",
]
