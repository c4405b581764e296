"""Django admin for platform admins only, read-only: every change goes through the services."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import Announcement, Subscriber


@admin.register(Announcement)
class AnnouncementAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["subject", "centre", "status", "recipient_count"]
    list_filter = ["status", "centre"]
    search_fields = ["subject"]


@admin.register(Subscriber)
class SubscriberAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["email", "centre", "status", "frequency"]
    list_filter = ["status", "frequency", "centre"]
    search_fields = ["email"]
