"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class CoreAudit(AuditAction):
    CENTRE_CREATED = "centre.created", _("Utworzono centrum")
    CENTRE_UPDATED = "centre.updated", _("Zmieniono dane centrum")
    CENTRE_ACTIVATED = "centre.activated", _("Włączono centrum")
    CENTRE_DEACTIVATED = "centre.deactivated", _("Wyłączono centrum")
    CENTRE_PROFILE_UPDATED = "centre.profile_updated", _("Zmieniono profil centrum")
    CENTRE_SETTINGS_UPDATED = "centre.settings_updated", _("Zmieniono ustawienia centrum")
    CENTRE_STAFF_APPOINTED = "centre.staff_appointed", _("Wyznaczono pracownika centrum")
    CENTRE_CLOSED_DAY_ADDED = "centre.closed_day_added", _("Dodano dzień zamknięcia")
    CENTRE_CLOSED_DAY_REMOVED = "centre.closed_day_removed", _("Usunięto dzień zamknięcia")
    OUTBOX_RETRIED = "outbox.retried", _("Ponowiono wysyłkę wiadomości")
