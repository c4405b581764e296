"""Walk-in use of office equipment: staff record and list uses, the month's summary, the CSV export."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.exports import table_response
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.views import centre_required, staff_required

from ..choices import WALK_IN_UNITS, EquipmentKind, UsageUnit
from ..forms import EquipmentUseFilterForm, EquipmentUseForm
from ..selectors import (
    equipment_use_get,
    equipment_use_list,
    equipment_use_summary,
    organisations_active,
    walk_in_equipment,
)
from ..services import equipment_use_record, equipment_use_remove
from ..services.uses import month_bounds
from .staff import _require_staff

USE_PAGE_SIZE = 50


@dataclass(frozen=True)
class Loaded:
    """A queryset and its rows, read once for both forms of the page."""

    queryset: QuerySet
    rows: list

    @classmethod
    def of(cls, queryset: QuerySet) -> "Loaded":
        return cls(queryset, list(queryset))


def _choices(request: HttpRequest) -> tuple[Loaded, Loaded]:
    """The walk-in equipment (retired items too, for the filters) and the active organisations."""
    items = Loaded.of(walk_in_equipment(centre=request.centre, active_only=False))
    return items, Loaded.of(organisations_active(centre=request.centre))


def _filtered(request: HttpRequest, items: Loaded, organisations: Loaded):
    """The uses the filters ask for (this month by default) and the filter form; bad filters show errors."""
    centre = request.centre
    form = EquipmentUseFilterForm(request.GET or None, items=items, organisations=organisations)
    data = form.cleaned_data if form.is_valid() else {}
    month = data.get("month") or warsaw_today()
    first, following = month_bounds(month)
    uses = equipment_use_list(
        centre=centre,
        first=first,
        following=following,
        organisation=data.get("organisation"),
        item=data.get("item"),
    )
    return form, first, uses


def _summary_rows(request: HttpRequest, uses, items: Loaded) -> list[dict]:
    """The month's totals per organisation and item, with the quota each total counts against."""
    rows = equipment_use_summary(uses=uses)
    settings = request.centre_settings
    own_limits = {item.pk: item.monthly_quota for item in items.rows if item.monthly_quota is not None}
    by_kind: dict[tuple, int] = {}
    for row in rows:
        if row["item_id"] not in own_limits:
            key = (row["organisation_id"], row["item__kind"])
            by_kind[key] = by_kind.get(key, 0) + row["total"]
    for row in rows:
        unit = WALK_IN_UNITS.get(row["item__kind"], UsageUnit.PAGES)
        row["unit"] = UsageUnit(unit).label
        if row["organisation_id"] is None:
            row["limit"] = None
        elif row["item_id"] in own_limits:
            row["limit"], row["counted"] = own_limits[row["item_id"]] or None, row["total"]
        else:
            row["limit"] = settings[f"spaces.walk_in_quota_{row['item__kind']}"] or None
            row["counted"] = by_kind[(row["organisation_id"], row["item__kind"])]
            row["kind_label"] = EquipmentKind(row["item__kind"]).label
        row["over"] = row["limit"] is not None and row["counted"] > row["limit"]
    return rows


@staff_required
def equipment_uses(request: HttpRequest) -> HttpResponse:
    centre = request.centre
    items, organisations = _choices(request)
    active_items = Loaded(items.queryset.filter(is_active=True), [i for i in items.rows if i.is_active])
    form = EquipmentUseForm(
        request.POST if request.method == "POST" else None,
        initial={"used_on": warsaw_today()},
        items=active_items,
        organisations=organisations,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = equipment_use_record(
                centre=centre,
                actor=request.user,
                item=data["item"],
                person_name=data["person_name"],
                organisation=data["organisation"],
                used_on=data["used_on"],
                amount=data["amount"],
                note=data["note"],
                over_quota_reason=data["over_quota_reason"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            if result.warning:
                messages.warning(request, result.warning)
            messages.success(request, _("Korzystanie ze sprzętu zapisane."))
            return redirect(request.get_full_path())
    filters, month, uses = _filtered(request, items, organisations)
    return render(
        request,
        "spaces/equipment_uses.html",
        {
            "form": form,
            "filters": filters,
            "month": month,
            "page": paginate(request, uses, per_page=USE_PAGE_SIZE),
            "summary": _summary_rows(request, uses, items),
            "has_items": bool(active_items.rows),
            "query": request.GET.urlencode(),
        },
    )


def _csv_header() -> list[str]:
    return [
        _("Dzień"),
        _("Sprzęt"),
        _("Rodzaj"),
        _("Ile"),
        _("Jednostka"),
        _("Kto korzystał"),
        _("Organizacja"),
        _("Uwagi"),
        _("Powód zapisu ponad limit"),
        _("Zapisał(a)"),
    ]


def _csv_rows(uses):
    yield _csv_header()
    for use in uses.iterator(chunk_size=500):
        unit = WALK_IN_UNITS.get(use.item.kind)
        yield [
            use.used_on.isoformat(),
            use.item.name,
            use.item.get_kind_display(),
            use.amount,
            UsageUnit(unit).label if unit else "",
            use.person_name,
            use.organisation.name if use.organisation else "",
            use.note,
            use.over_quota_reason,
            use.recorded_by.email if use.recorded_by else "",
        ]


@staff_required
@require_GET
def equipment_uses_csv(request: HttpRequest) -> HttpResponse:
    _filters, month, uses = _filtered(request, *_choices(request))
    return table_response(
        _csv_rows(uses), fmt="csv", filename=f"sprzet-na-miejscu-{request.centre.slug}-{month:%Y-%m}"
    )


@login_required
@centre_required
@require_POST
def equipment_use_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    use = equipment_use_get(centre=request.centre, pk=pk)
    _require_staff(request)
    try:
        equipment_use_remove(use=use, actor=request.user, reason=request.POST.get("reason", "")[:500])
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Wpis usunięty."))
    return redirect("spaces:equipment_uses")
