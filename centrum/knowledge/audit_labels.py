"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class KnowledgeAudit(AuditAction):
    PRACTICE_SUBMITTED = "practice.submitted", _("Zgłoszono dobrą praktykę")
    PRACTICE_UPDATED = "practice.updated", _("Zmieniono dobrą praktykę")
    PRACTICE_PUBLISHED = "practice.published", _("Opublikowano dobrą praktykę")
    PRACTICE_REJECTED = "practice.rejected", _("Odrzucono dobrą praktykę")
    PRACTICE_ARCHIVED = "practice.archived", _("Zarchiwizowano dobrą praktykę")
    ATTACHMENT_ADDED = "practice.attachment_added", _("Dodano załącznik dobrej praktyki")
    LEADER_SAVED = "leader.saved", _("Zapisano profil lidera")
    LEADER_CONSENTED = "leader.consented", _("Wyrażono zgodę na publikację profilu lidera")
    LEADER_WITHDRAWN = "leader.withdrawn", _("Wycofano zgodę na publikację profilu lidera")
    CATEGORY_SAVED = "article_category.saved", _("Zapisano kategorię bazy wiedzy")
    ARTICLE_CREATED = "article.created", _("Dodano artykuł bazy wiedzy")
    ARTICLE_UPDATED = "article.updated", _("Zmieniono artykuł bazy wiedzy")
    ARTICLE_PUBLISHED = "article.published", _("Opublikowano artykuł bazy wiedzy")
    ARTICLE_UNPUBLISHED = "article.unpublished", _("Wycofano artykuł bazy wiedzy z publikacji")
    DOCUMENT_ADDED = "document.added", _("Dodano dokument bazy wiedzy")
    CALL_CREATED = "funding_call.created", _("Dodano nabór")
    CALL_UPDATED = "funding_call.updated", _("Zmieniono nabór")
