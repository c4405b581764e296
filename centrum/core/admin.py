"""Django admin for platform admins only: a technical view of centres, settings, the audit log and mail.

Served on platform hosts only, by `centrum.core.sites.PlatformAdminSite`.
"""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _

from .exceptions import ApplicationError
from .models import AuditEntry, Centre, CentreClosedDay, CentreHost, CentreSetting, JobRun, OutboxMessage
from .outbox import outbox_retry_failed
from .sites import PlatformAdminOnly, is_platform_admin_request


class ReadOnly(PlatformAdminOnly):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CentreHostInline(admin.TabularInline):
    model = CentreHost
    extra = 0


@admin.register(Centre)
class CentreAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ["name", "slug", "municipality", "voivodeship", "is_active"]
    list_filter = ["is_active", "government_kind", "voivodeship"]
    search_fields = ["name", "slug", "municipality", "hosts__host"]
    inlines = [CentreHostInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(CentreSetting)
class CentreSettingAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ["centre", "key", "value", "updated_at"]
    list_filter = ["key", "centre"]
    list_select_related = ["centre"]


@admin.register(CentreClosedDay)
class CentreClosedDayAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ["centre", "date", "reason"]
    list_filter = ["centre"]
    date_hierarchy = "date"
    list_select_related = ["centre"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["created_at", "centre", "actor_label", "action", "object_repr"]
    list_filter = ["centre", "content_type"]
    search_fields = ["action", "actor_label", "object_repr", "object_id"]
    date_hierarchy = "created_at"
    list_select_related = ["centre", "content_type"]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ["created_at", "centre", "subject", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "centre", "event"]
    search_fields = ["subject", "to", "last_error"]
    list_select_related = ["centre"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return is_platform_admin_request(request)

    @admin.action(description=_("Wyślij ponownie (nowa seria prób)"))
    def retry(self, request, queryset):
        try:
            count = outbox_retry_failed(ids=list(queryset.values_list("pk", flat=True)), actor=request.user)
        except ApplicationError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        self.message_user(
            request, _("Wiadomości przywrócone do wysyłki: %(count)d.") % {"count": count}, messages.SUCCESS
        )


@admin.register(JobRun)
class JobRunAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "last_started_at", "last_finished_at", "last_result"]
    readonly_fields = ["name", "last_started_at", "last_finished_at", "last_result", "last_error"]
