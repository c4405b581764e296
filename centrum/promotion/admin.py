"""Django admin for platform admins only, read-only: every change goes through the services on the
centre's own pages."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import ActivationOffer, Company, OrganisationPage


@admin.register(OrganisationPage)
class OrganisationPageAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["organisation", "centre", "visibility"]
    list_filter = ["visibility", "centre"]


@admin.register(Company)
class CompanyAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "nip", "centre", "status"]
    list_filter = ["status", "centre"]
    search_fields = ["name", "nip"]


@admin.register(ActivationOffer)
class ActivationOfferAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "body", "centre", "ends_on"]
    list_filter = ["body_kind", "centre"]
    search_fields = ["title", "body"]
