"""Readable labels of this app's audit actions (the history tables show them instead of the codes)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import register_action_labels

register_action_labels(
    {
        "organisation.created": _("Dodano organizację"),
        "organisation.updated": _("Zmieniono dane organizacji"),
        "organisation.krs_refreshed": _("Odświeżono dane z KRS"),
        "organisation.verify": _("Zweryfikowano organizację"),
        "organisation.reject": _("Odrzucono zgłoszenie organizacji"),
        "organisation.suspend": _("Zawieszono organizację"),
        "organisation.reinstate": _("Przywrócono organizację"),
        "organisation.remove": _("Usunięto organizację"),
        "district.created": _("Dodano dzielnicę"),
        "organisation_import.uploaded": _("Wgrano plik importu"),
        "organisation_import.queued": _("Import czeka w kolejce"),
        "organisation_import.done": _("Zakończono import"),
        "organisation_import.failed": _("Import nie powiódł się"),
        "opp_list_import.uploaded": _("Wgrano wykaz OPP"),
        "opp_list_import.applied": _("Zastosowano wykaz OPP"),
    }
)
