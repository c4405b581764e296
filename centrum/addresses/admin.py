"""Django admin for platform admins only, read-only: every change goes through the services."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import AddressAgreement, AuthorisedPerson, MailItem


@admin.register(AddressAgreement)
class AddressAgreementAdmin(ReadOnly, admin.ModelAdmin):
    list_display = [
        "number",
        "centre",
        "organisation",
        "founding_name",
        "use",
        "status",
        "starts_on",
        "ends_on",
    ]
    list_filter = ["status", "use", "centre"]
    search_fields = ["number", "founding_name", "organisation__name"]
    list_select_related = ["centre", "organisation"]


@admin.register(MailItem)
class MailItemAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["received_on", "centre", "organisation", "kind", "status"]
    list_filter = ["status", "kind", "centre"]
    list_select_related = ["centre", "organisation"]


@admin.register(AuthorisedPerson)
class AuthorisedPersonAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["full_name", "organisation", "valid_from", "valid_until", "is_active"]
    list_select_related = ["organisation"]
