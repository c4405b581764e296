"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class OrganisationsAudit(AuditAction):
    ORGANISATION_CREATED = "organisation.created", _("Dodano organizację")
    ORGANISATION_UPDATED = "organisation.updated", _("Zmieniono dane organizacji")
    ORGANISATION_KRS_REFRESHED = "organisation.krs_refreshed", _("Odświeżono dane z KRS")
    ORGANISATION_VERIFY = "organisation.verify", _("Zweryfikowano organizację")
    ORGANISATION_REJECT = "organisation.reject", _("Odrzucono zgłoszenie organizacji")
    ORGANISATION_SUSPEND = "organisation.suspend", _("Zawieszono organizację")
    ORGANISATION_REINSTATE = "organisation.reinstate", _("Przywrócono organizację")
    ORGANISATION_REMOVE = "organisation.remove", _("Usunięto organizację")
    DISTRICT_CREATED = "district.created", _("Dodano dzielnicę")
    ORGANISATION_IMPORT_UPLOADED = "organisation_import.uploaded", _("Wgrano plik importu")
    ORGANISATION_IMPORT_QUEUED = "organisation_import.queued", _("Import czeka w kolejce")
    ORGANISATION_IMPORT_DONE = "organisation_import.done", _("Zakończono import")
    ORGANISATION_IMPORT_FAILED = "organisation_import.failed", _("Import nie powiódł się")
    OPP_LIST_IMPORT_UPLOADED = "opp_list_import.uploaded", _("Wgrano wykaz OPP")
    OPP_LIST_IMPORT_APPLIED = "opp_list_import.applied", _("Zastosowano wykaz OPP")
    ORGANISATION_IMPORT_VALIDATED = "organisation_import.validated", _("Sprawdzono plik importu")
    ORGANISATION_IMPORT_INVALID = "organisation_import.invalid", _("Plik importu zawiera błędy")
