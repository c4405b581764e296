"""Public pages: the rules and the list of initiatives carried out."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.pagination import paginate
from centrum.core.views import centre_required

from ..choices import IntakeMode
from ..permissions import (
    can_manage_initiatives,
)
from ..selectors import (
    areas_of,
    calls_of,
    carried_out_years,
    criteria_of,
    initiatives_carried_out,
    open_call,
    rules_for,
    statistics,
)
from .common import _year


# --- public pages ------------------------------------------------------------------------------------------
@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    centre = request.centre
    policy = rules_for(centre=centre)
    return render(
        request,
        "initiatives/index.html",
        {
            "rules": policy,
            "calls_mode": policy is not None and policy.intake_mode == IntakeMode.CALLS,
            "open_call": open_call(centre=centre),
            "calls": calls_of(centre=centre),
            "criteria": criteria_of(centre=centre),
            "areas": list(areas_of(centre=centre, active_only=True)),
            "stats": statistics(centre=centre),
            "stats_year": statistics(centre=centre, year=warsaw_today().year),
            "official": can_manage_initiatives(request.user, centre),
            "hour_value": centre_setting(centre, "initiatives.work_hour_value"),
        },
    )


@centre_required
@require_GET
def carried_out(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    page = paginate(request, initiatives_carried_out(centre=request.centre, year=year), per_page=30)
    return render(
        request,
        "initiatives/carried_out.html",
        {"page": page, "year": year, "years": carried_out_years(centre=request.centre)},
    )
