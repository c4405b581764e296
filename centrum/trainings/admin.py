"""Django admin for platform admins only, read-only: every change goes through the services."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import Exhibitor, Registration, Training, TrainingNeed


@admin.register(Training)
class TrainingAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "kind", "centre", "status", "capacity"]
    list_filter = ["status", "kind", "centre"]
    search_fields = ["title"]


@admin.register(Registration)
class RegistrationAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "training", "status", "centre"]
    list_filter = ["status", "centre"]
    search_fields = ["name", "email"]


@admin.register(Exhibitor)
class ExhibitorAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["organisation", "training", "status", "centre"]
    list_filter = ["status", "centre"]


@admin.register(TrainingNeed)
class TrainingNeedAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["topic", "organisation", "training", "centre"]
    list_filter = ["centre"]
