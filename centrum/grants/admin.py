"""Django admin for platform admins only, read-only: every change goes through the services on the
centre's own pages."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import Competition, Offer


@admin.register(Competition)
class CompetitionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "status", "offers_deadline"]
    list_filter = ["status", "centre"]
    search_fields = ["title", "number"]


@admin.register(Offer)
class OfferAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "organisation", "competition", "status", "submitted_at"]
    list_filter = ["status", "centre"]
    search_fields = ["title", "number"]
