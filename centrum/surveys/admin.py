"""Django admin for platform admins only, read-only: every change goes through the services."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import Survey


@admin.register(Survey)
class SurveyAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "purpose", "status"]
    list_filter = ["status", "purpose", "centre"]
    search_fields = ["title"]
