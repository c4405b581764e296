""" "Zgłoś błąd": the form any public page links to (its address filled in), and the staff's list."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.antispam import client_address, rate_limited
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import ReportStatus
from ..forms import ErrorReportForm
from ..selectors import error_report_get_for, error_report_list
from ..services import error_report_create
from ..services.reports import page_path
from ..workflows import REPORT_STATUS


@centre_required
@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ErrorReportForm(request.POST)
        if form.is_valid():
            limit = centre_setting(request.centre, "news.error_reports_per_hour")
            if rate_limited(
                f"error-report:{request.centre.pk}:{client_address(request)}", limit=limit, window=3600
            ):
                form.add_error(None, _("Wysłano już wiele zgłoszeń z tego adresu. Spróbuj za godzinę."))
            else:
                data = {k: form.cleaned_data[k] for k in ("page_url", "message", "email")}
                try:
                    error_report_create(centre=request.centre, actor=request.user, **data)
                except ApplicationError as exc:
                    add_application_error(form, exc)
                else:
                    messages.success(request, _("Dziękujemy! Zgłoszenie trafiło do pracowników centrum."))
                    return redirect(page_path(data["page_url"]) or "/")
        return render(request, "news/report_form.html", {"form": form}, status=400)
    form = ErrorReportForm(initial={"page_url": page_path(request.GET.get("strona", "")) or "/"})
    return render(request, "news/report_form.html", {"form": form})


@staff_required
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", ReportStatus.NEW)
    status = status if status in ReportStatus.values or status == "" else ReportStatus.NEW
    page = paginate(request, error_report_list(centre=request.centre, status=status or None), per_page=30)
    rows = [
        (
            report,
            workflow_action_items(report, request.user, workflow=REPORT_STATUS, url_name="reports:action"),
        )
        for report in page.object_list
    ]
    return render(
        request,
        "news/report_list.html",
        {"page": page, "rows": rows, "status": status, "statuses": ReportStatus.choices},
    )


class ReportActionView(WorkflowActionView):
    workflow = REPORT_STATUS

    def load(self, request: HttpRequest, pk: int):
        return error_report_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("reports:list")


action = centre_required(ReportActionView.as_view())
