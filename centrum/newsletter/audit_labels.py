"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class NewsletterAudit(AuditAction):
    ANNOUNCEMENT_CREATED = "announcement.created", _("Utworzono komunikat do organizacji")
    ANNOUNCEMENT_UPDATED = "announcement.updated", _("Zmieniono komunikat do organizacji")
    ANNOUNCEMENT_SENT = "announcement.sent", _("Wysłano komunikat do organizacji")
    ANNOUNCEMENT_SCHEDULED = "announcement.scheduled", _("Zaplanowano wysyłkę komunikatu")
    ANNOUNCEMENT_UNSCHEDULED = "announcement.unscheduled", _("Wstrzymano zaplanowaną wysyłkę komunikatu")
    ANNOUNCEMENT_STARTED = "announcement.started", _("Rozpoczęto zaplanowaną wysyłkę komunikatu")
    ANNOUNCEMENT_FINISHED = "announcement.finished", _("Zakończono wysyłkę komunikatu")
    ANNOUNCEMENTS_STOPPED = "announcement.optout", _("Adres zrezygnował z komunikatów do organizacji")
    ANNOUNCEMENTS_RESUMED = "announcement.optin", _("Adres znów przyjmuje komunikaty do organizacji")
    SUBSCRIBER_SUBSCRIBED = "subscriber.subscribed", _("Zapisano się na newsletter")
    SUBSCRIBER_CONFIRMED = "subscriber.confirmed", _("Potwierdzono zapis na newsletter")
    SUBSCRIBER_UNSUBSCRIBED = "subscriber.unsubscribed", _("Wypisano z newslettera")
    SUBSCRIBER_RESUBSCRIBED = "subscriber.resubscribed", _("Ponownie zapisano się na newsletter")
    SUBSCRIBER_CHANGED = "subscriber.changed", _("Zmieniono ustawienia subskrypcji newslettera")
