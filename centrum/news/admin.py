"""Django admin for platform admins only, read-only: every change goes through the services on the
centre's own pages."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import ErrorReport, Event, NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "status", "published_at"]
    list_filter = ["status", "centre"]
    search_fields = ["title"]


@admin.register(Event)
class EventAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "status", "starts_at"]
    list_filter = ["status", "centre"]
    search_fields = ["title"]


@admin.register(ErrorReport)
class ErrorReportAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["page_url", "centre", "status", "created_at"]
    list_filter = ["status", "centre"]
