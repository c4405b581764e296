"""The 1.5 % page: the centre's OPP organisations with the KRS number a taxpayer writes in the PIT
return, searched and filtered as the directory, and the same list as CSV."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from centrum.core.calendar import warsaw_today
from centrum.core.exports import table_response
from centrum.core.views import centre_required

from ..forms import OppFilterForm
from ..selectors import opp_organisation_list
from .common import page_of


def _organisations(request: HttpRequest):
    form = OppFilterForm(request.GET or None, centre=request.centre)
    return form, opp_organisation_list(centre=request.centre, **form.filters())


@centre_required
@require_GET
def opp_list(request: HttpRequest) -> HttpResponse:
    form, organisations = _organisations(request)
    page = page_of(request, organisations)
    return render(
        request,
        "promotion/opp_list.html",
        {"form": form, "page": page, "query": request.GET.urlencode()},
    )


@centre_required
@require_GET
def opp_csv(request: HttpRequest) -> HttpResponse:
    _form, organisations = _organisations(request)
    header = [
        _("Nazwa"),
        _("Numer KRS"),
        _("Miejscowość"),
        _("Dzielnica"),
        _("Sfery działalności"),
        _("Strona"),
    ]
    base = request.build_absolute_uri("/")[:-1]
    rows = [header] + [
        [
            org.name,
            org.krs,
            org.city,
            org.district.name if org.district else "",
            ", ".join(area.label for area in org.areas.all()),
            base + reverse("organisations:detail", args=[org.pk]),
        ]
        for org in organisations
    ]
    return table_response(
        rows, fmt="csv", filename=f"opp-1-5-procent-{request.centre.slug}-{warsaw_today().isoformat()}"
    )
