"""Django admin for platform admins only, read-only: every change goes through the services."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import Consultation, ConsultationKind


@admin.register(ConsultationKind)
class ConsultationKindAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "centre", "commenters", "min_days"]
    list_filter = ["centre"]


@admin.register(Consultation)
class ConsultationAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "status", "starts_on", "ends_on"]
    list_filter = ["status", "centre"]
    search_fields = ["title"]
