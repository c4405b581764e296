"""The address service's audit action codes with the labels the history tables show."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class AddressesAudit(AuditAction):
    AGREEMENT_REQUESTED = "address_agreement.requested", _("Złożono wniosek o adres")
    AGREEMENT_APPROVED = "address_agreement.approved", _("Zatwierdzono porozumienie o adresie")
    AGREEMENT_REJECTED = "address_agreement.rejected", _("Odrzucono wniosek o adres")
    AGREEMENT_WITHDRAWN = "address_agreement.withdrawn", _("Wycofano wniosek o adres")
    AGREEMENT_EXPIRING = "address_agreement.expiring", _("Porozumienie o adresie wkrótce się kończy")
    AGREEMENT_ENDED = "address_agreement.ended", _("Porozumienie o adresie zakończyło się")
    AGREEMENT_EXTENDED = "address_agreement.extended", _("Przedłużono porozumienie o adresie")
    AGREEMENT_TERMINATED = "address_agreement.terminated", _("Rozwiązano porozumienie o adresie")
    AGREEMENT_TRANSFERRED = (
        "address_agreement.transferred",
        _("Porozumienie przekazano zarejestrowanej organizacji"),
    )
    AGREEMENT_KRS_CHECKED = "address_agreement.krs_checked", _("Sprawdzono adres organizacji w KRS")
    MAIL_RECORDED = "address_mail.recorded", _("Zapisano przesyłkę")
    MAIL_COLLECTED = "address_mail.collected", _("Wydano przesyłkę")
    MAIL_RETURNED = "address_mail.returned", _("Zwrócono przesyłkę nadawcy")
    PERSON_ADDED = "address_person.added", _("Dodano osobę upoważnioną do odbioru poczty")
    PERSON_REMOVED = "address_person.removed", _("Usunięto osobę upoważnioną do odbioru poczty")
