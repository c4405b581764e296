"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class ProgrammesAudit(AuditAction):
    CREATED = "programme.created", _("Utworzono projekt programu współpracy")
    UPDATED = "programme.updated", _("Zmieniono program współpracy")
