"""Statistics for staff: advice by domain, month and kind of organisation (anonymised) and the people and
organisations every service reached in a period, against the centre's targets."""

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.calendar import warsaw_today
from centrum.core.views import centre_permission_required

from ..forms import PeriodForm, TargetForm
from ..permissions import can_manage_advice, can_view_statistics
from ..selectors import advice_statistics, reach_target_list
from ..services import reach_target_create
from .common import submit

statistics_required = centre_permission_required(can_view_statistics)
manage_required = centre_permission_required(can_manage_advice)


@statistics_required
@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    today = warsaw_today()
    default = {"start": date(today.year, 1, 1), "end": date(today.year, 12, 31)}
    form = PeriodForm(request.GET if "start" in request.GET else None, initial=default)
    period = form.cleaned_data if form.is_bound and form.is_valid() else default
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "advice/statistics.html",
        {"form": form, "period": period, "stats": advice_statistics(centre=request.centre, **period)},
        status=status,
    )


@manage_required
@require_http_methods(["GET", "POST"])
def target_manage(request: HttpRequest) -> HttpResponse:
    centre = request.centre
    form = TargetForm(request.POST or None)
    perform = lambda data: reach_target_create(centre=centre, actor=request.user, **data)  # noqa: E731
    if submit(request, form, perform, _("Cel zapisany.")):
        return redirect("advice:target_manage")
    status = 400 if form.errors else 200
    return render(
        request,
        "advice/target_manage.html",
        {"form": form, "targets": reach_target_list(centre=centre)},
        status=status,
    )
