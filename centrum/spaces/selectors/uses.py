"""Reads of walk-in equipment use: the staff list with its filters, the monthly summary, an organisation's uses."""

from datetime import date

from django.db.models import Count, QuerySet, Sum

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from ..choices import WALK_IN_UNITS
from ..models import EquipmentItem, EquipmentUse


def walk_in_equipment(*, centre: Centre, active_only: bool = True) -> QuerySet[EquipmentItem]:
    """The office equipment used on the spot (computer, copier, printer, scanner, fax, phone)."""
    qs = EquipmentItem.objects.filter(centre=centre, kind__in=list(WALK_IN_UNITS))
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("name")


def equipment_use_list(
    *,
    centre: Centre,
    first: date | None = None,
    following: date | None = None,
    organisation=None,
    item=None,
) -> QuerySet[EquipmentUse]:
    qs = EquipmentUse.objects.filter(centre=centre)
    if first is not None:
        qs = qs.filter(used_on__gte=first)
    if following is not None:
        qs = qs.filter(used_on__lt=following)
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    if item is not None:
        qs = qs.filter(item=item)
    return qs.select_related("item", "organisation", "recorded_by").order_by("-used_on", "-id")


def equipment_use_summary(*, uses: QuerySet[EquipmentUse]) -> list[dict]:
    """Totals per organisation and item of the listed uses (organisation "" for people without one)."""
    return list(
        uses.order_by()
        .values("organisation_id", "organisation__name", "item_id", "item__name", "item__kind")
        .annotate(total=Sum("amount"), count=Count("id"))
        .order_by("organisation__name", "item__name")
    )


def equipment_use_get(*, centre: Centre, pk: int) -> EquipmentUse:
    return get_for_centre_or_404(EquipmentUse.objects.select_related("item"), centre=centre, pk=pk)


def equipment_uses_for_organisation(*, centre: Centre, organisation, limit: int = 10) -> list[EquipmentUse]:
    return list(equipment_use_list(centre=centre, organisation=organisation)[:limit])
