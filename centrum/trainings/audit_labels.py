"""Audit codes of trainings and events with the labels the history shows."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class TrainingsAudit(AuditAction):
    TRAINING_CREATED = "training.created", _("Dodano szkolenie")
    TRAINING_UPDATED = "training.updated", _("Zmieniono szkolenie")
    TRAINING_PUBLISHED = "training.published", _("Opublikowano szkolenie")
    TRAINING_CANCELLED = "training.cancelled", _("Odwołano szkolenie")
    TRAINING_FINISHED = "training.finished", _("Zakończono szkolenie")
    SESSION_ADDED = "training_session.added", _("Dodano spotkanie")
    SESSION_CHANGED = "training_session.changed", _("Zmieniono spotkanie")
    SESSION_REMOVED = "training_session.removed", _("Usunięto spotkanie")
    REGISTRATION_CREATED = "training_registration.created", _("Zapisano na szkolenie")
    REGISTRATION_CANCELLED = "training_registration.cancelled", _("Anulowano zgłoszenie")
    REGISTRATION_PROMOTED = "training_registration.promoted", _("Przeniesiono z listy oczekujących")
    ATTENDANCE_MARKED = "training_attendance.marked", _("Zapisano obecność")
    EXHIBITOR_REQUESTED = "training_exhibitor.requested", _("Zgłoszono stoisko")
    EXHIBITOR_CONFIRMED = "training_exhibitor.confirmed", _("Potwierdzono stoisko")
    EXHIBITOR_DECLINED = "training_exhibitor.declined", _("Odrzucono stoisko")
    EXHIBITOR_WITHDRAWN = "training_exhibitor.withdrawn", _("Wycofano stoisko")
    NEED_DECLARED = "training_need.declared", _("Zgłoszono potrzebę szkoleniową")
    NEED_PLANNED = "training_need.planned", _("Zaplanowano szkolenie z potrzeb")
    FEEDBACK_GIVEN = "training_feedback.given", _("Oceniono szkolenie")
