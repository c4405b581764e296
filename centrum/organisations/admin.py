"""Django admin for the platform operator: read-mostly. Status changes and edits go through the site's
pages (services: audited, validated, mailed), so the organisation itself is read-only here."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from centrum.core.admin import ReadOnly
from centrum.core.sites import PlatformAdminOnly

from .models import ADDRESS_AND_CONTACT_FIELDS, ActivityArea, District, Organisation


@admin.register(ActivityArea)
class ActivityAreaAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ["code", "name", "position"]
    ordering = ["position"]
    search_fields = ["code", "name"]

    def has_delete_permission(self, request, obj=None):
        # Organisations refer to these spheres; the catalogue of art. 4 only ever grows.
        return False


@admin.register(District)
class DistrictAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ["name", "centre"]
    list_filter = ["centre"]
    list_select_related = ["centre"]
    search_fields = ["name"]
    ordering = ["centre__name", "name"]


@admin.register(Organisation)
class OrganisationAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "centre", "legal_form", "krs", "nip", "status", "is_opp", "created_at"]
    list_filter = ["status", "is_opp", "legal_form", "registry_kind", "centre"]
    list_select_related = ["centre"]
    search_fields = ["name", "short_name", "krs", "nip", "regon", "city"]
    ordering = ["name"]
    list_per_page = 50
    show_full_result_count = False  # no second COUNT over the whole table on every filtered page
    readonly_fields = ["site_link"]
    fieldsets = [
        (None, {"fields": ["site_link", "centre", "name", "short_name", "status", "status_reason"]}),
        (
            _("Dane rejestrowe"),
            {
                "fields": [
                    "legal_form",
                    "registry_kind",
                    "registry_number",
                    "krs",
                    "nip",
                    "regon",
                    "registered_on",
                    "is_opp",
                    "bank_account",
                ]
            },
        ),
        (
            _("Adres i kontakt"),
            {"fields": ADDRESS_AND_CONTACT_FIELDS},
        ),
        (_("Działalność"), {"fields": ["areas", "description", "logo"]}),
        (
            _("Weryfikacja"),
            {
                "fields": [
                    "submitted_by",
                    "verified_by",
                    "verified_at",
                    "status_changed_at",
                    "krs_checked_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [field for _title, options in self.fieldsets for field in options["fields"]]

    @admin.display(description=_("strona organizacji"))
    def site_link(self, obj):
        host = obj.centre.primary_host
        path = reverse("organisations:detail", kwargs={"pk": obj.pk}, urlconf="config.urls")
        return format_html('<a href="//{}{}">{}{}</a>', host, path, host, path)
