"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class AccountsAudit(AuditAction):
    USER_CREATED = "user.created", _("Utworzono konto")
    USER_PROFILE_UPDATED = "user.profile_updated", _("Zmieniono profil")
    API_TOKEN_CREATED = "api_token.created", _("Utworzono token API")
    API_TOKEN_REVOKED = "api_token.revoked", _("Unieważniono token API")
    CENTRE_ROLE_GRANTED = "centre_role.granted", _("Nadano rolę w centrum")
    CENTRE_ROLE_REVOKED = "centre_role.revoked", _("Odebrano rolę w centrum")
    CENTRE_ROLE_INVITATION_CREATED = "centre_role_invitation.created", _("Zaproszono do zespołu centrum")
    CENTRE_ROLE_INVITATION_ACCEPTED = (
        "centre_role_invitation.accepted",
        _("Przyjęto zaproszenie do zespołu centrum"),
    )
    CENTRE_ROLE_INVITATION_REVOKED = (
        "centre_role_invitation.revoked",
        _("Wycofano zaproszenie do zespołu centrum"),
    )
    MEMBERSHIP_ADDED = "membership.added", _("Dodano członka organizacji")
    MEMBERSHIP_REMOVED = "membership.removed", _("Usunięto członka organizacji")
    MEMBERSHIP_ROLE_CHANGED = "membership.role_changed", _("Zmieniono rolę w organizacji")
    MEMBERSHIP_INVITATION_CREATED = "membership_invitation.created", _("Zaproszono do organizacji")
    MEMBERSHIP_INVITATION_ACCEPTED = (
        "membership_invitation.accepted",
        _("Przyjęto zaproszenie do organizacji"),
    )
    MEMBERSHIP_INVITATION_REVOKED = "membership_invitation.revoked", _("Wycofano zaproszenie do organizacji")
