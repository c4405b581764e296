"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class ProgrammesAudit(AuditAction):
    CREATED = "programme.created", _("Utworzono projekt programu współpracy")
    UPDATED = "programme.updated", _("Zmieniono program współpracy")
    TASK_ADDED = "programme.task_added", _("Dodano zadanie priorytetowe")
    TASK_REMOVED = "programme.task_removed", _("Usunięto zadanie priorytetowe")
    CONSULTATION_OPENED = "programme.consultation", _("Skierowano projekt programu do konsultacji")
    ADOPTED = "programme.adopted", _("Zapisano uchwalenie programu")
    ARCHIVED = "programme.archived", _("Zakończono program")
    COMMENT_ADDED = "programme.comment", _("Zgłoszono uwagę do projektu programu")
    COMMENT_ANSWERED = "programme.comment_answer", _("Odpowiedziano na uwagę do projektu programu")
    PLANNED_GRANTS = "programme.planned_grants", _("Zapisano planowane dotacje roku budżetowego")
    PROPOSAL_FILED = "proposal.filed", _("Złożono ofertę z własnej inicjatywy")
    PROPOSAL_ACCEPTED = "proposal.accepted", _("Uznano ofertę z własnej inicjatywy za celową")
    PROPOSAL_REFUSED = "proposal.refused", _("Nie uwzględniono oferty z własnej inicjatywy")
