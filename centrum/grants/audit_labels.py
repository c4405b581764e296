"""This app's audit action codes with the labels the history tables show instead of the codes.

`audit_log(action=...)` takes only a declared code, so every code has a label by construction."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class CompetitionAudit(AuditAction):
    CREATED = "competition.created", _("Utworzono ogłoszenie konkursu")
    UPDATED = "competition.updated", _("Zmieniono ogłoszenie konkursu")
    PUBLICATION_RECORDED = "competition.publication", _("Zapisano publikację")
    PUBLISH = "competition.publish", _("Ogłoszono konkurs")
    CLOSE = "competition.close", _("Zamknięto przyjmowanie ofert")
    PUBLISH_RESULTS = "competition.publish_results", _("Ogłoszono wyniki konkursu")
    VOID = "competition.void", _("Unieważniono konkurs")


@audit_actions
class OfferAudit(AuditAction):
    CREATED = "offer.created", _("Utworzono szkic oferty")
    UPDATED = "offer.updated", _("Zmieniono ofertę")
    SUBMIT = "offer.submit", _("Złożono ofertę")
    WITHDRAW = "offer.withdraw", _("Wycofano ofertę")
    RESUBMIT = "offer.resubmit", _("Złożono poprawioną ofertę")
    CONFIRMATION_RECEIVED = "offer.confirmation", _("Przyjęto podpisane potwierdzenie złożenia oferty")
    REQUEST_CORRECTION = "offer.request_correction", _("Wezwano do usunięcia braków formalnych")
    ACCEPT_FORMALLY = "offer.accept_formally", _("Uznano ofertę za poprawną formalnie")
    REJECT_FORMALLY = "offer.reject_formally", _("Odrzucono ofertę z przyczyn formalnych")
    CORRECTION_LAPSED = "offer.correction_lapsed", _("Odrzucono ofertę – braki nieusunięte w terminie")
    SELECT = "offer.select", _("Wybrano ofertę i przyznano dotację")
    NOT_SELECT = "offer.not_select", _("Nie wybrano oferty")


@audit_actions
class EvaluationAudit(AuditAction):
    FORMAL_CHECK = "evaluation.formal_check", _("Zapisano ocenę formalną oferty")
    COMMISSION_UPDATED = "evaluation.commission", _("Zmieniono ustalenia komisji konkursowej")
    NOMINATION = "evaluation.nomination", _("Zgłoszono kandydata do komisji konkursowej")
    MEMBER_APPOINTED = "evaluation.member_appointed", _("Powołano członka komisji konkursowej")
    MEMBER_EXCLUDED = "evaluation.member_excluded", _("Wyłączono kandydata z komisji konkursowej")
    MEMBER_NOT_SELECTED = "evaluation.member_not_selected", _("Nie wybrano kandydata do komisji")
    DECLARATION = "evaluation.declaration", _("Złożono oświadczenie o bezstronności")
    SCORE = "evaluation.score", _("Oceniono ofertę")
    SCORING_CLOSED = "evaluation.scoring_closed", _("Zamknięto ocenę merytoryczną")


@audit_actions
class ReasonsRequestAudit(AuditAction):
    FILED = "reasons_request.filed", _("Złożono wniosek o uzasadnienie")
    ANSWERED = "reasons_request.answered", _("Udzielono uzasadnienia")
    REMINDED = "reasons_request.reminded", _("Przypomniano o terminie odpowiedzi na wniosek o uzasadnienie")


@audit_actions
class OfferFilingAudit(AuditAction):
    # offers: the signed confirmation, sharing a draft for comments, cloning
    SIGNED_FILE = "offer.signed_file", _("Dołączono podpisane elektronicznie potwierdzenie złożenia oferty")
    SHARED = "offer.shared", _("Udostępniono szkic oferty do konsultacji")
    COMMENTED = "offer.commented", _("Dodano uwagę do oferty")
    CLONED = "offer.cloned", _("Skopiowano ofertę do nowego konkursu")


@audit_actions
class ContractAudit(AuditAction):
    CREATED = "contract.created", _("Przygotowano projekt umowy")
    UPDATED = "contract.updated", _("Zmieniono projekt umowy")
    SIGN = "contract.sign", _("Zawarto umowę (podpisy zapisane)")
    TERMINATE = "contract.terminate", _("Rozwiązano umowę")
    SETTLE = "contract.settle", _("Rozliczono umowę")


# small_grants ---
@audit_actions
class SmallGrantAudit(AuditAction):
    CREATED = "small_grant.created", _("Utworzono szkic oferty uproszczonej (art. 19a)")
    UPDATED = "small_grant.updated", _("Zmieniono ofertę uproszczoną")
    SUBMIT = "small_grant.submit", _("Złożono ofertę uproszczoną")
    PURPOSEFUL = "small_grant.purposeful", _("Uznano zadanie za celowe")
    NOT_PURPOSEFUL = "small_grant.not_purposeful", _("Uznano zadanie za niecelowe")
    PUBLISH = "small_grant.publish", _("Opublikowano ofertę uproszczoną")
    CONTRACT = "small_grant.contract", _("Przygotowano umowę małego grantu")
    REJECT = "small_grant.reject", _("Odrzucono ofertę uproszczoną")
    WITHDRAW = "small_grant.withdraw", _("Wycofano ofertę uproszczoną")
    COMMENT_FILED = "small_grant.comment", _("Zgłoszono uwagę do oferty uproszczonej")
    COMMENT_ANSWERED = "small_grant.comment_answered", _("Odpowiedziano na uwagę do oferty uproszczonej")
    PUBLICATION_REMINDED = "small_grant.publication_reminded", _("Przypomniano o terminie publikacji oferty")


# contracts ---
@audit_actions
class ContractSigningAudit(AuditAction):
    SIGNED_FILE = "contract.signed_file", _("Dołączono podpisaną umowę")


@audit_actions
class BudgetUpdateAudit(AuditAction):
    SAVED = "budget_update.saved", _("Zapisano aktualizację kosztorysu")
    SUBMIT = "budget_update.submit", _("Złożono aktualizację kosztorysu")
    ACCEPT = "budget_update.accept", _("Przyjęto aktualizację kosztorysu")
    RETURN = "budget_update.return", _("Zwrócono aktualizację kosztorysu do poprawy")


@audit_actions
class AnnexAudit(AuditAction):
    CREATED = "annex.created", _("Przygotowano aneks do umowy")
    UPDATED = "annex.updated", _("Zmieniono projekt aneksu")
    SIGN = "annex.sign", _("Zawarto aneks do umowy")


# reports ---
@audit_actions
class ReportAudit(AuditAction):
    STARTED = "report.started", _("Rozpoczęto sprawozdanie")
    DEMANDED = "report.demanded", _("Wezwano do złożenia sprawozdania częściowego")
    SAVED = "report.saved", _("Zapisano sprawozdanie")
    SUBMIT = "report.submit", _("Złożono sprawozdanie")
    ACCEPT = "report.accept", _("Przyjęto sprawozdanie")
    REQUEST_CORRECTION = "report.request_correction", _("Wezwano do poprawienia sprawozdania")
    RETURN_SET = "grant_return.set", _("Ustalono kwotę dotacji do zwrotu")
    RETURN_PAID = "grant_return.paid", _("Zapisano wpłatę zwrotu dotacji")
    REMINDED = "report.reminded", _("Przypomniano o terminie")
    CONTROL_PLANNED = "control.planned", _("Zaplanowano kontrolę zadania")
    CONTROL_PROTOCOL = "control.protocol", _("Zapisano protokół kontroli")
    RECOMMENDATION_ADDED = "control.recommendation", _("Dodano zalecenie pokontrolne")
    RECOMMENDATION_DONE = "control.recommendation_done", _("Zapisano wykonanie zalecenia pokontrolnego")
