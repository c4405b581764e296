"""Django admin for platform admins only, read-only."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import CooperationProgramme


@admin.register(CooperationProgramme)
class CooperationProgrammeAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "status", "first_year", "last_year"]
    list_filter = ["status", "centre"]
