"""The Local Cooperation Quality Index: over the years (a chart and the table of every figure), one year
(per area: the self-assessment, each hard indicator with its target and score), and the targets staff set.
Public when the centre publishes it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.indicators import AREAS, indicator_sources_for
from centrum.core.views import centre_required

from ..forms import TargetForm, YearForm
from ..index import index_over_years, year_index
from ..permissions import can_manage_surveys, can_view_index
from ..selectors import index_surveys, indicator_targets
from ..services import targets_set
from .common import require

YEARS_SHOWN = 10


def _chart(years) -> dict:
    """Bars per year and area, in SVG units (0–100 high)."""
    width, gap = 18, 6
    groups = []
    for g, item in enumerate(years):
        x0 = g * (len(AREAS) * width + 3 * gap)
        bars = [
            {
                "x": x0 + i * width,
                "height": float(area.index or 0),
                "y": 100 - float(area.index or 0),
                "area": area.key,
                "label": area.label,
                "value": area.index,
            }
            for i, area in enumerate(item.areas)
        ]
        groups.append({"year": item.year, "bars": bars, "label_x": x0 + len(AREAS) * width / 2})
    return {"groups": groups, "width": max(1, len(years)) * (len(AREAS) * width + 3 * gap)}


@centre_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    if not can_view_index(request.user, request.centre):
        raise Http404
    surveys = list(index_surveys(centre=request.centre))[-YEARS_SHOWN:]
    years = index_over_years(request.centre, surveys)
    staff = can_manage_surveys(request.user, request.centre)
    return render(
        request,
        "surveys/index_overview.html",
        {
            "years": years,
            "chart": _chart(years),
            "areas_legend": list(AREAS.items()),
            "staff": staff,
            "year_form": YearForm(initial={"year": warsaw_today().year}) if staff else None,
        },
    )


@centre_required
@require_GET
def year(request: HttpRequest, year: int) -> HttpResponse:
    if not can_view_index(request.user, request.centre):
        raise Http404
    survey = index_surveys(centre=request.centre).filter(year=year).first()
    if survey is None:
        raise Http404
    figures = year_index(request.centre, year, survey=survey)
    return render(
        request,
        "surveys/index_year.html",
        {
            "index": figures,
            "chart": _chart([figures]),
            "areas_legend": list(AREAS.items()),
            "staff": can_manage_surveys(request.user, request.centre),
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def targets(request: HttpRequest) -> HttpResponse:
    require(can_manage_surveys(request.user, request.centre))
    sources = indicator_sources_for(request.centre)
    current = indicator_targets(centre=request.centre)
    forms = [
        (
            source,
            TargetForm(request.POST or None, prefix=source.key, initial={"target": current.get(source.key)}),
        )
        for source in sources
    ]
    if request.method == "POST" and all(form.is_valid() for _source, form in forms):
        values = {source.key: form.cleaned_data["target"] for source, form in forms}
        try:
            targets_set(centre=request.centre, actor=request.user, values=values)
        except ApplicationError as exc:
            for source, form in forms:
                if source.key == exc.field:
                    form.add_error("target", exc.message)
        else:
            messages.success(request, _("Zapisano wartości docelowe."))
            return redirect("surveys:targets")
    status = 400 if request.method == "POST" else 200
    return render(request, "surveys/targets.html", {"forms": forms, "areas": AREAS}, status=status)
