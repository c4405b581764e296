"""Django admin for platform admins only, read-only: every change goes through the services on the
centre's own pages."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import Host, Offer


@admin.register(Offer)
class OfferAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "centre", "kind", "status", "starts_on", "capacity", "taken"]
    list_filter = ["status", "kind", "centre"]
    list_select_related = ["centre"]
    search_fields = ["title"]


@admin.register(Host)
class HostAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["__str__", "centre", "kind", "body_kind"]
    list_filter = ["kind", "centre"]
    list_select_related = ["organisation", "centre"]
