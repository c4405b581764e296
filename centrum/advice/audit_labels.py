"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class AdviceAudit(AuditAction):
    DOMAIN_CREATED = "advice_domain.created", _("Dodano dziedzinę doradztwa")
    ADVISER_SAVED = "adviser.saved", _("Zapisano profil doradcy")
    HOURS_CREATED = "office_hours.created", _("Dodano dyżur doradcy")
    HOURS_DELETED = "office_hours.deleted", _("Usunięto dyżur doradcy")
    ABSENCE_CREATED = "absence.created", _("Odnotowano nieobecność doradcy")
    APPOINTMENT_BOOKED = "appointment.booked", _("Umówiono poradę")
    APPOINTMENT_CANCEL = "appointment.cancel", _("Odwołano poradę (osoba umówiona)")
    APPOINTMENT_CANCEL_BY_CENTRE = "appointment.cancel_by_centre", _("Odwołano poradę (centrum)")
    APPOINTMENT_COMPLETE = "appointment.complete", _("Zapisano poradę w dzienniku")
    REFERRAL_CREATED = "referral.created", _("Skierowano do specjalisty")
    ASSIGNMENT_CREATED = "assignment.created", _("Przydzielono doradcę organizacji")
    ASSIGNMENT_ENDED = "assignment.ended", _("Zakończono przydział doradcy")
    ENTRY_CREATED = "advice_entry.created", _("Dodano wpis do dziennika porad")
    TARGET_CREATED = "reach_target.created", _("Dodano cel wsparcia")
