"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class InitiativesAudit(AuditAction):
    RULES_SAVED = "initiative_rules.saved", _("Zapisano zasady inicjatywy lokalnej (uchwała rady)")
    CALL_ADDED = "initiative_rules.call_added", _("Dodano nabór wniosków o inicjatywę lokalną")
    CALL_REMOVED = "initiative_rules.call_removed", _("Usunięto nabór wniosków o inicjatywę lokalną")
    CRITERION_ADDED = "initiative_rules.criterion_added", _("Dodano kryterium oceny inicjatywy lokalnej")
    CRITERION_REMOVED = (
        "initiative_rules.criterion_removed",
        _("Usunięto kryterium oceny inicjatywy lokalnej"),
    )
    AREA_SAVED = "initiative_area.saved", _("Zapisano obszar katalogu inicjatywy lokalnej")
    CREATED = "initiative.created", _("Utworzono wniosek o inicjatywę lokalną")
    UPDATED = "initiative.updated", _("Zmieniono wniosek o inicjatywę lokalną")
    LINE_ADDED = "initiative.line_added", _("Dodano pozycję wniosku lub umowy")
    LINE_REMOVED = "initiative.line_removed", _("Usunięto pozycję wniosku lub umowy")
    SUPPORT_SAVED = "initiative.support", _("Zapisano wkład gminy")
    SCORED = "initiative.scored", _("Oceniono wniosek według kryteriów")
    SUBMITTED = "initiative.submitted", _("Złożono wniosek o inicjatywę lokalną")
    ACCEPTED = "initiative.accepted", _("Przyjęto inicjatywę lokalną do realizacji")
    REJECTED = "initiative.rejected", _("Odrzucono wniosek o inicjatywę lokalną")
    AGREEMENT = "initiative.agreement", _("Uzgodniono harmonogram i kosztorys – umowa w przygotowaniu")
    SIGNED = "initiative.signed", _("Zapisano podpisanie umowy o wykonanie inicjatywy lokalnej")
    COMPLETED = "initiative.completed", _("Zapisano sprawozdanie z wykonania inicjatywy lokalnej")
    CANCELLED = "initiative.cancelled", _("Anulowano inicjatywę lokalną")
