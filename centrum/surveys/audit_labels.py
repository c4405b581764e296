"""Audit codes of surveys, with the labels the history shows."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class SurveysAudit(AuditAction):
    SURVEY_CREATED = "survey.created", _("Utworzono ankietę")
    SURVEY_UPDATED = "survey.updated", _("Zmieniono ankietę")
    SURVEY_COPIED = "survey.copied", _("Skopiowano ankietę")
    SURVEY_OPENED = "survey.opened", _("Otwarto ankietę")
    SURVEY_CLOSED = "survey.closed", _("Zamknięto ankietę")
    SURVEY_REOPENED = "survey.reopened", _("Ponownie otwarto ankietę")
    SECTION_ADDED = "section.added", _("Dodano sekcję ankiety")
    QUESTION_ADDED = "question.added", _("Dodano pytanie")
    QUESTION_REMOVED = "question.removed", _("Usunięto pytanie")
    RESPONSE_SUBMITTED = "response.submitted", _("Wypełniono ankietę")
    TARGET_SET = "target.set", _("Ustawiono wartość docelową wskaźnika")
