"""Readable labels of this app's audit actions (the history tables show them instead of the codes)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import register_action_labels

register_action_labels(
    {
        "user.created": _("Utworzono konto"),
        "user.profile_updated": _("Zmieniono profil"),
        "api_token.created": _("Utworzono token API"),
        "api_token.revoked": _("Unieważniono token API"),
        "centre_role.granted": _("Nadano rolę w centrum"),
        "centre_role.revoked": _("Odebrano rolę w centrum"),
        "centre_role_invitation.created": _("Zaproszono do zespołu centrum"),
        "centre_role_invitation.accepted": _("Przyjęto zaproszenie do zespołu centrum"),
        "centre_role_invitation.revoked": _("Wycofano zaproszenie do zespołu centrum"),
        "membership.added": _("Dodano członka organizacji"),
        "membership.removed": _("Usunięto członka organizacji"),
        "membership.role_changed": _("Zmieniono rolę w organizacji"),
        "membership_invitation.created": _("Zaproszono do organizacji"),
        "membership_invitation.accepted": _("Przyjęto zaproszenie do organizacji"),
        "membership_invitation.revoked": _("Wycofano zaproszenie do organizacji"),
    }
)
