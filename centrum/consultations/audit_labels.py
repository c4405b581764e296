"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class ConsultationsAudit(AuditAction):
    KIND_SAVED = "consultation_kind.saved", _("Zapisano rodzaj konsultacji")
    CONSULTATION_CREATED = "consultation.created", _("Utworzono konsultacje")
    CONSULTATION_UPDATED = "consultation.updated", _("Zmieniono konsultacje")
    CONSULTATION_OPENED = "consultation.opened", _("Rozpoczęto konsultacje")
    CONSULTATION_CLOSED = "consultation.closed", _("Zakończono konsultacje")
    CONSULTATION_ANSWERED = "consultation.answered", _("Rozpatrzono wszystkie uwagi")
    REPORT_PUBLISHED = "consultation.report_published", _("Opublikowano sprawozdanie z konsultacji")
    UNITS_CHANGED = "consultation.units_changed", _("Zmieniono treść projektu")
    VERSION_CREATED = "consultation.version_created", _("Utworzono nową wersję projektu")
    COMMENT_SUBMITTED = "consultation_comment.submitted", _("Zgłoszono uwagę")
    COMMENT_CONFIRMED = "consultation_comment.confirmed", _("Potwierdzono uwagę")
    COMMENT_ACCEPTED = "consultation_comment.accepted", _("Uwzględniono uwagę")
    COMMENT_PARTLY = "consultation_comment.partly", _("Uwzględniono uwagę częściowo")
    COMMENT_REJECTED = "consultation_comment.rejected", _("Nie uwzględniono uwagi")
    CALL_SAVED = "consultation_call.saved", _("Zapisano nabór propozycji")
    PROPOSAL_SUBMITTED = "consultation_proposal.submitted", _("Zgłoszono propozycję")
    PROPOSAL_ACCEPTED = "consultation_proposal.accepted", _("Przyjęto propozycję do projektu")
    TEAM_SAVED = "consultation_team.saved", _("Zapisano zespół tematyczny")
    TEAM_DRAFTED = "consultation_team.drafted", _("Zespół przygotował projekt")
