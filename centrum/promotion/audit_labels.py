"""This app's audit action codes with the labels the history tables show instead of the codes.

`audit_log(action=...)` takes only a declared code, so every code has a label by construction."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class PromotionAudit(AuditAction):
    PAGE_UPDATED = "page.updated", _("Zmieniono wizytówkę organizacji")
    PAGE_HIDE = "page.hide", _("Ukryto wizytówkę organizacji")
    PAGE_SHOW = "page.show", _("Przywrócono wizytówkę organizacji")
    COMPANY_CREATED = "company.created", _("Dodano firmę (CSR)")
    COMPANY_PROPOSED = "company.proposed", _("Firma zgłosiła profil (CSR)")
    COMPANY_UPDATED = "company.updated", _("Zmieniono profil firmy (CSR)")
    COMPANY_APPROVE = "company.approve", _("Opublikowano profil firmy")
    COMPANY_REJECT = "company.reject", _("Odrzucono zgłoszenie firmy")
    COMPANY_HIDE = "company.hide", _("Ukryto profil firmy")
    COMPANY_RESTORE = "company.restore", _("Przywrócono profil firmy")
    ACTIVATION_CREATED = "activation.created", _("Dodano ofertę aktywizacyjną")
    ACTIVATION_UPDATED = "activation.updated", _("Zmieniono ofertę aktywizacyjną")
    ACTIVATION_DELETED = "activation.deleted", _("Usunięto ofertę aktywizacyjną")
