"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class NewsAudit(AuditAction):
    NEWS_CREATED = "news.created", _("Zgłoszono aktualność")
    NEWS_UPDATED = "news.updated", _("Zmieniono aktualność")
    NEWS_IMAGE_ADDED = "news.image_added", _("Dodano zdjęcie do aktualności")
    NEWS_IMAGE_REMOVED = "news.image_removed", _("Usunięto zdjęcie z aktualności")
    NEWS_FILE_ADDED = "news.file_added", _("Dodano załącznik do aktualności")
    NEWS_FILE_REMOVED = "news.file_removed", _("Usunięto załącznik z aktualności")
    NEWS_APPROVED = "news.approved", _("Opublikowano aktualność")
    NEWS_CHANGES = "news.changes_requested", _("Poproszono o poprawki aktualności")
    NEWS_REJECTED = "news.rejected", _("Odrzucono aktualność")
    NEWS_RESUBMITTED = "news.resubmitted", _("Ponownie zgłoszono aktualność")
    NEWS_UNPUBLISHED = "news.unpublished", _("Wycofano aktualność z publikacji")
    EVENT_CREATED = "event.created", _("Zgłoszono wydarzenie")
    EVENT_UPDATED = "event.updated", _("Zmieniono wydarzenie")
    EVENT_APPROVED = "event.approved", _("Opublikowano wydarzenie")
    EVENT_CHANGES = "event.changes_requested", _("Poproszono o poprawki wydarzenia")
    EVENT_REJECTED = "event.rejected", _("Odrzucono wydarzenie")
    EVENT_RESUBMITTED = "event.resubmitted", _("Ponownie zgłoszono wydarzenie")
    EVENT_UNPUBLISHED = "event.unpublished", _("Wycofano wydarzenie z publikacji")
    REPORT_CREATED = "error_report.created", _("Zgłoszono błąd na stronie")
    REPORT_HANDLED = "error_report.handled", _("Załatwiono zgłoszenie błędu")
    REPORT_REOPENED = "error_report.reopened", _("Ponownie otwarto zgłoszenie błędu")
