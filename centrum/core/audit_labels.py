"""Readable labels of this app's audit actions (the history tables show them instead of the codes)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import register_action_labels

register_action_labels(
    {
        "centre.created": _("Utworzono centrum"),
        "centre.updated": _("Zmieniono dane centrum"),
        "centre.activated": _("Włączono centrum"),
        "centre.deactivated": _("Wyłączono centrum"),
        "centre.profile_updated": _("Zmieniono profil centrum"),
        "centre.settings_updated": _("Zmieniono ustawienia centrum"),
        "centre.staff_appointed": _("Wyznaczono pracownika centrum"),
        "centre.closed_day_added": _("Dodano dzień zamknięcia"),
        "centre.closed_day_removed": _("Usunięto dzień zamknięcia"),
        "outbox.retried": _("Ponowiono wysyłkę wiadomości"),
    }
)
