"""Django admin for platform admins only, read-only."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import Initiative


@admin.register(Initiative)
class InitiativeAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "number", "centre", "status", "starts_on", "ends_on"]
    list_filter = ["status", "centre"]
