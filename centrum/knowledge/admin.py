"""Django admin for platform admins only, read-only: every change goes through the services on the
centre's own pages."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import Article, Document, FundingCall, GoodPractice, Leader


@admin.register(GoodPractice)
class GoodPracticeAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "voivodeship", "status"]
    list_filter = ["status", "centre"]
    search_fields = ["title"]


@admin.register(Article)
class ArticleAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "category", "status"]
    list_filter = ["status", "centre"]


@admin.register(Document)
class DocumentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "kind", "published_on"]


@admin.register(FundingCall)
class FundingCallAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "funder", "deadline"]


@admin.register(Leader)
class LeaderAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["display_name", "centre", "consent_at", "withdrawn_at"]
