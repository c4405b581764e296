"""Django admin for platform admins only, read-only: every change goes through the services."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import Body, BodyKind, Election, OpinionRequest


@admin.register(BodyKind)
class BodyKindAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "centre", "selection"]
    list_filter = ["centre"]


@admin.register(Body)
class BodyAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "centre", "kind"]
    list_filter = ["centre"]
    search_fields = ["name"]


@admin.register(Election)
class ElectionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["body", "centre", "status"]
    list_filter = ["status", "centre"]


@admin.register(OpinionRequest)
class OpinionRequestAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["subject_text", "centre", "status", "deadline"]
    list_filter = ["status", "centre"]
