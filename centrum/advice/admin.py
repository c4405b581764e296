"""Django admin for platform admins: a read-only, technical view; every change goes through the services."""

from django.contrib import admin

from centrum.core.admin import ReadOnly

from .models import AdviceDomain, Adviser, Appointment, Assignment, ReachTarget


@admin.register(AdviceDomain)
class AdviceDomainAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("name", "centre", "is_active")
    list_filter = ("centre",)


@admin.register(Adviser)
class AdviserAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("user", "centre", "first_contact", "is_active")
    list_filter = ("centre",)


@admin.register(Appointment)
class AppointmentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("starts_at", "adviser", "centre", "status")
    list_filter = ("centre", "status")
    exclude = ("secret",)


@admin.register(Assignment)
class AssignmentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("organisation", "adviser", "kind", "starts_on", "ends_on")
    list_filter = ("centre", "kind")


@admin.register(ReachTarget)
class ReachTargetAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("label", "centre", "starts_on", "ends_on", "people", "organisations")
