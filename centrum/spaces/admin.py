"""Django admin for platform admins: a read-only, technical view of rooms, equipment, bookings and loans.

Every change goes through the services (permissions, conflicts, audit, e-mails) on the centre's own
pages, so nothing can be added, edited or deleted here.
"""

from django.contrib import admin

from centrum.core.admin import ReadOnly
from centrum.core.sites import is_platform_admin_request

from .models import (
    Booking,
    BookingEquipment,
    EquipmentItem,
    Loan,
    LoanItem,
    Room,
    RoomOpeningHours,
    RoomPhoto,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_view_permission(self, request, obj=None):
        return is_platform_admin_request(request)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OpeningHoursInline(ReadOnlyInline):
    model = RoomOpeningHours
    fields = ["weekday", "opens", "closes"]


class PhotoInline(ReadOnlyInline):
    model = RoomPhoto
    fields = ["image", "alt_text", "position"]


class BookingEquipmentInline(ReadOnlyInline):
    model = BookingEquipment
    fields = ["item", "quantity"]


class LoanItemInline(ReadOnlyInline):
    model = LoanItem
    fields = ["item", "quantity"]


@admin.register(Room)
class RoomAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "centre", "capacity", "booking_policy", "approval_mode", "is_active"]
    list_filter = ["is_active", "booking_policy", "approval_mode", "centre"]
    list_select_related = ["centre"]
    search_fields = ["name", "location"]
    inlines = [OpeningHoursInline, PhotoInline]


@admin.register(EquipmentItem)
class EquipmentItemAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "centre", "quantity", "may_leave_building", "condition", "is_active"]
    list_filter = ["condition", "may_leave_building", "is_active", "centre"]
    list_select_related = ["centre"]
    search_fields = ["name", "inventory_number", "storage_location"]


@admin.register(Booking)
class BookingAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["starts_at", "ends_at", "room", "centre", "organisation", "kind", "status"]
    list_filter = ["status", "kind", "centre"]
    list_select_related = ["room", "centre", "organisation"]
    search_fields = ["title", "organisation__name", "room__name"]
    date_hierarchy = "starts_at"
    show_full_result_count = False  # the table is large: no second COUNT on every filtered page
    inlines = [BookingEquipmentInline]


@admin.register(Loan)
class LoanAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["number", "centre", "organisation", "starts_on", "due_on", "status"]
    list_filter = ["status", "centre"]
    list_select_related = ["centre", "organisation"]
    search_fields = ["number", "organisation__name"]
    date_hierarchy = "starts_on"
    inlines = [LoanItemInline]
