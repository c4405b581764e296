"""Staff pages: a survey's results (bars with their data table, scale averages, the matrix's heat table,
text answers, a filter by the answering organisation's field) and the raw answers as CSV/XLSX."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from centrum.core.exports import table_response
from centrum.core.views import centre_required

from ..choices import RespondentMode
from ..forms import ResultsFilterForm
from ..permissions import can_view_results
from ..results import export_rows, summarise
from ..selectors import survey_get_for
from .common import require


def _staff_survey(request, pk):
    survey = survey_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_view_results(request.user, survey))
    return survey


@login_required
@centre_required
@require_GET
def results(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _staff_survey(request, pk)
    # An anonymous survey is not cut by field: a small group would show who answered.
    filterable = survey.respondent_mode == RespondentMode.ORGANISATION and not survey.anonymous
    form = ResultsFilterForm(request.GET or None)
    area = form.cleaned_data["area"] if filterable and form.is_valid() else None
    total, summaries = summarise(survey, area=area)
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "form": form,
            "filterable": filterable,
            "area": area,
            "total": total,
            "summaries": summaries,
        },
    )


@login_required
@centre_required
@require_GET
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    survey = _staff_survey(request, pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    rows = export_rows(survey, header_labels=(_("Wysłano"), _("Organizacja"), _("Osoba / e-mail")))
    return table_response(rows, fmt=fmt, filename=f"ankieta-{survey.pk}", title=_("Odpowiedzi"))
