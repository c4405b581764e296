"""Pages of the `reports` sub-feature: a contract's reports, returns and controls; the report (annex 5) with
its live checks, its PDF and its actions; the official's queue, the returns register with its exports and
payments, the controls with their protocols and recommendations."""

from itertools import chain

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.exports import table_response
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.pdf import pdf_response, render_pdf
from centrum.core.views import centre_required
from centrum.core.workflow import may_take
from centrum.core.workflow.views import ActionFailure, WorkflowActionView, workflow_action_items

from ..choices import ReportStatus
from ..forms.reports import (
    ControlForm,
    ProtocolForm,
    RecommendationDoneForm,
    RecommendationForm,
    ReportAcceptForm,
    ReportCorrectionForm,
    ReportDemandForm,
    ReportForm,
    ReportStartForm,
    ReturnPaymentForm,
)
from ..permissions import can_prepare_report, is_grants_official
from ..selectors import recorded_contributions
from ..selectors.reports import (
    contract_get_for_official,
    contract_get_visible,
    control_get_visible,
    controls_list,
    is_simplified,
    organisation_card,
    planned_sources,
    recommendation_get_for_official,
    report_check,
    report_get_visible,
    report_queue,
    report_with_rows,
    reports_export_rows,
    return_get_for_official,
    return_overdue,
    returns_export_rows,
    returns_register,
)
from ..services.reports import (
    contract_settle,
    control_plan,
    control_record_protocol,
    recommendation_add,
    recommendation_mark_done,
    report_accept,
    report_demand,
    report_request_correction,
    report_save,
    report_start,
    return_record_payment,
)
from ..workflows import CONTRACT_STATUS
from ..workflows.reports import REPORT_STATUS

PAGE_SIZE = 30


def _official_only(request: HttpRequest) -> None:
    if not is_grants_official(request.user, request.centre):
        raise PermissionDenied


def _posted(request, form, call, done: str) -> bool:
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ApplicationError as exc:
        add_application_error(form, exc)
        return False
    messages.success(request, done)
    return True


def _form_flow(request, form, call, *, done: str, success, open_: bool = True, **page) -> HttpResponse:
    """A form page whose valid post goes to one service call (`call(cleaned_data)`, its result passed to
    `success` for the redirect); a refusal or an invalid form shows the page again with the error."""
    result = {}
    if open_ and _posted(request, form, lambda d: result.setdefault("obj", call(d)), done):
        return redirect(success(result["obj"]))
    return _form_page(request, form, **page)


def _form_page(request, form, *, title, subject, back, submit, intro="", multipart=False) -> HttpResponse:
    return render(
        request,
        "grants/reports/form.html",
        {
            "form": form,
            "title": title,
            "subject": subject,
            "intro": intro,
            "back_url": back,
            "back_label": _("Wróć"),
            "submit": submit,
            "multipart": multipart,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@centre_required
@require_GET
def my_contracts(request: HttpRequest) -> HttpResponse:
    """The organisation's members' summary (the same as their dashboard card)."""
    return render(
        request,
        "grants/reports/my_contracts.html",
        {"card": organisation_card(centre=request.centre, user=request.user)},
    )


# --- a contract's settlement (the page the organisation's dashboard and the contract page link to) -------


@login_required
@centre_required
@require_GET
def contract_reports(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_visible(centre=request.centre, pk=pk, user=request.user)
    return render(request, "grants/reports/contract.html", {"contract": contract})


@login_required
@centre_required
@require_POST
def report_start_view(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_visible(centre=request.centre, pk=pk, user=request.user)
    probe = contract.reports.model(centre=contract.centre, contract=contract)
    if not can_prepare_report(request.user, probe):
        raise PermissionDenied
    form = ReportStartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Wybierz rodzaj sprawozdania."))
        return redirect("grants:contract_reports", pk=contract.pk)
    try:
        report = report_start(
            contract=contract,
            kind=form.cleaned_data["kind"],
            period_year=form.cleaned_data["period_year"],
            actor=request.user,
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("grants:contract_reports", pk=contract.pk)
    messages.success(request, _("Rozpoczęto sprawozdanie: uzupełnij je i złóż w terminie."))
    return redirect("grants:report_edit", pk=report.pk)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def report_demand_view(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_for_official(centre=request.centre, pk=pk, user=request.user)
    return _form_flow(
        request,
        ReportDemandForm(request.POST or None),
        lambda d: report_demand(contract=contract, due_on=d["due_on"], scope=d["scope"], actor=request.user),
        done=_("Wezwanie do złożenia sprawozdania częściowego zapisano i wysłano organizacji."),
        success=lambda report: reverse("grants:contract_reports", args=[contract.pk]),
        title=_("Wezwanie do złożenia sprawozdania częściowego"),
        subject=contract.title,
        intro=_(
            "Termin musi przypadać co najmniej tyle dni od doręczenia wezwania, ile mówią ustawienia centrum (art. 18 ust. 4)."
        ),
        back=reverse("grants:contract_reports", args=[contract.pk]),
        submit=_("Wezwij organizację"),
    )


@login_required
@centre_required
@require_POST
def contract_settle_view(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_for_official(centre=request.centre, pk=pk, user=request.user)
    if not may_take(CONTRACT_STATUS.transition("settle"), request.user, contract):
        raise PermissionDenied
    try:
        contract_settle(contract=contract, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Umowę rozliczono."))
    return redirect("grants:contract_reports", pk=contract.pk)


# --- the report -------------------------------------------------------------------------------------------


def _report_context(request, report, **extra) -> dict:
    report = report_with_rows(report)
    user = request.user
    official = is_grants_official(user, request.centre)
    check = report_check(report)
    lines = list(report.lines.all())
    by_line = {line.key.pk: line for line in check.lines}
    context = {
        "report": report,
        "contract": report.contract,
        "check": check,
        "line_rows": [(row, by_line.get(row.planned_id)) for row in lines],
        "result_rows": list(zip(list(report.results.all()), check.results, strict=False)),
        "planned": planned_sources(report.contract),
        "simplified": is_simplified(report.contract),
        "official": official,
        "editable": report.status in (ReportStatus.DRAFT, ReportStatus.CORRECTION)
        and can_prepare_report(user, report),
        "actions": workflow_action_items(
            report, user, workflow=REPORT_STATUS, url_name="grants:report_action"
        ),
        "can_check": official and report.status == ReportStatus.SUBMITTED,
        "accept_form": ReportAcceptForm(prefix="accept"),
        "correction_form": ReportCorrectionForm(prefix="correction"),
    }
    context.update(extra)
    return context


@login_required
@centre_required
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get_visible(centre=request.centre, pk=pk, user=request.user)
    return render(request, "grants/reports/detail.html", _report_context(request, report))


def _load_editable(request, pk):
    report = report_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not can_prepare_report(request.user, report):
        raise PermissionDenied
    return report_with_rows(report)


def _report_form(request, report):
    return ReportForm(
        request.POST or None,
        report=report,
        lines=list(report.lines.all()),
        results=list(report.results.all()),
        simplified=is_simplified(report.contract),
    )


def _live_check(report, form):
    """The checks of what the form holds now (the stored figures where a field does not parse)."""
    from .. import reporting

    if not form.is_bound:
        return report_check(report)
    form.is_valid()
    _plain, lines, results = form.split() if hasattr(form, "cleaned_data") else ({}, None, None)
    data = getattr(form, "cleaned_data", {})
    sources = reporting.Sources(
        own_financial=data.get("own_financial") or 0,
        own_personal=data.get("own_personal") or 0,
        own_material=data.get("own_material") or 0,
        recipient_fees=data.get("recipient_fees") or 0,
    )
    return report_check(
        report,
        lines=lines,
        results={k: v[0] for k, v in results.items()} if results is not None else None,
        sources=sources,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _load_editable(request, pk)
    if report.status not in (ReportStatus.DRAFT, ReportStatus.CORRECTION):
        messages.info(request, _("Sprawozdanie złożono: nie można go już zmieniać."))
        return redirect("grants:report", pk=report.pk)
    form = _report_form(request, report)
    if request.method == "POST" and form.is_valid():
        plain, lines, results = form.split()
        try:
            report_save(report=report, actor=request.user, data=plain, lines=lines, results=results)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano sprawozdanie."))
            return redirect("grants:report", pk=report.pk)
    return render(
        request,
        "grants/reports/edit.html",
        {
            "report": report,
            "contract": report.contract,
            "form": form,
            "check": _live_check(report, form),
            "simplified": is_simplified(report.contract),
            **_contributions(request, report.contract),
        },
    )


def _contributions(request, contract) -> dict:
    """The organisation's work recorded during the task, so far: what the personal contribution may count."""
    return recorded_contributions(
        centre=request.centre,
        organisation=contract.organisation,
        start=contract.start_date,
        end=min(contract.end_date, warsaw_today()),
        settings=request.centre_settings,
    )


@login_required
@centre_required
@require_POST
def report_check_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The live check (htmx) while the organisation fills the form."""
    report = _load_editable(request, pk)
    if report.status not in (ReportStatus.DRAFT, ReportStatus.CORRECTION):
        raise Http404
    form = _report_form(request, report)
    return render(
        request,
        "grants/reports/_checks.html",
        {"check": _live_check(report, form), "report": report, "live": True},
    )


@login_required
@centre_required
@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_with_rows(report_get_visible(centre=request.centre, pk=pk, user=request.user))
    context = _report_context(request, report)
    context["centre"] = request.centre
    content = render_pdf("grants/documents/report.html", context, base_url=request.build_absolute_uri("/"))
    return pdf_response(content, f"sprawozdanie-{report.pk}.pdf")


class ReportActionView(WorkflowActionView):
    workflow = REPORT_STATUS
    form_actions = frozenset({"accept", "request_correction"})

    def load(self, request: HttpRequest, pk: int):
        return report_get_visible(centre=request.centre, pk=pk, user=request.user)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("grants:report", kwargs={"pk": obj.pk})

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        if transition.action == "accept":
            form = ReportAcceptForm(request.POST, prefix="accept")
            if not form.is_valid():
                raise ApplicationError(_("Popraw kwotę do zwrotu."), field="extra_amount")
            return report_accept(
                report=obj,
                actor=request.user,
                extra_amount=form.cleaned_data["extra_amount"],
                extra_reason=form.cleaned_data["extra_reason"],
            )
        if transition.action == "request_correction":
            form = ReportCorrectionForm(request.POST, prefix="correction")
            if not form.is_valid():
                field, errors = next(iter(form.errors.items()))
                raise ApplicationError(errors[0], field=field)
            data = form.cleaned_data
            return report_request_correction(
                report=obj, actor=request.user, reason=data["reason"], due_on=data["due_on"]
            )
        return super().perform(request, obj, transition, reason)

    def failed(self, request: HttpRequest, obj, failure: ActionFailure) -> HttpResponse:
        if failure.action in self.form_actions:
            accept = ReportAcceptForm(request.POST, prefix="accept")
            correction = ReportCorrectionForm(request.POST, prefix="correction")
            form = accept if failure.action == "accept" else correction
            form.is_valid()
            field = failure.field if failure.field in form.fields else None
            form.add_error(field, failure.message)
            context = _report_context(
                request,
                obj,
                accept_form=accept if failure.action == "accept" else ReportAcceptForm(prefix="accept"),
                correction_form=correction
                if failure.action != "accept"
                else ReportCorrectionForm(prefix="correction"),
            )
            return render(request, "grants/reports/detail.html", context, status=400)
        return super().failed(request, obj, failure)


report_action = login_required(centre_required(ReportActionView.as_view()))


# --- the official's desk ----------------------------------------------------------------------------------


@login_required
@centre_required
@require_GET
def reports_desk(request: HttpRequest) -> HttpResponse:
    _official_only(request)
    queue = report_queue(centre=request.centre)
    return render(request, "grants/reports/desk.html", queue)


def _export(rows_of, request, name: str, fmt: str) -> HttpResponse:
    header, rows = rows_of(centre=request.centre)
    return table_response(chain([header], rows), fmt=fmt, filename=name)


@login_required
@centre_required
@require_GET
def reports_export(request: HttpRequest, fmt: str) -> HttpResponse:
    _official_only(request)
    return _export(reports_export_rows, request, "sprawozdania", fmt)


RETURN_FILTERS = (
    ("", _("wszystkie")),
    ("nieoplacone", _("do zapłaty")),
    ("po-terminie", _("po terminie")),
    ("oplacone", _("zapłacone")),
)


@login_required
@centre_required
@require_GET
def returns_view(request: HttpRequest) -> HttpResponse:
    _official_only(request)
    state = request.GET.get("stan", "")
    state = state if state in dict(RETURN_FILTERS) else ""
    page = paginate(request, returns_register(centre=request.centre, state=state), per_page=PAGE_SIZE)
    rows = [(r, return_overdue(r)) for r in page]
    return render(
        request,
        "grants/reports/returns.html",
        {"page": page, "rows": rows, "state": state, "filters": [(k, str(v)) for k, v in RETURN_FILTERS]},
    )


@login_required
@centre_required
@require_GET
def returns_export(request: HttpRequest, fmt: str) -> HttpResponse:
    _official_only(request)
    return _export(returns_export_rows, request, "zwroty-dotacji", fmt)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def return_payment(request: HttpRequest, pk: int) -> HttpResponse:
    grant_return = return_get_for_official(centre=request.centre, pk=pk, user=request.user)
    return _form_flow(
        request,
        ReturnPaymentForm(request.POST or None),
        lambda d: return_record_payment(
            grant_return=grant_return, paid_on=d["paid_on"], amount_paid=d["amount_paid"], actor=request.user
        ),
        open_=grant_return.paid_on is None,
        done=_("Zapisano wpłatę zwrotu."),
        success=lambda row: reverse("grants:returns"),
        title=_("Wpłata zwrotu dotacji"),
        subject=f"{grant_return.contract.title} – {grant_return.amount} zł",
        intro=_("Odsetki za każdy dzień po terminie naliczymy według stawki z ustawień centrum."),
        back=reverse("grants:returns"),
        submit=_("Zapisz wpłatę"),
    )


# --- control (art. 17) ------------------------------------------------------------------------------------


@login_required
@centre_required
@require_GET
def controls_view(request: HttpRequest) -> HttpResponse:
    _official_only(request)
    page = paginate(request, controls_list(centre=request.centre), per_page=PAGE_SIZE)
    return render(request, "grants/reports/controls.html", {"page": page})


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def control_new(request: HttpRequest, pk: int) -> HttpResponse:
    contract = contract_get_for_official(centre=request.centre, pk=pk, user=request.user)
    return _form_flow(
        request,
        ControlForm(request.POST or None),
        lambda d: control_plan(
            contract=contract,
            phase=d["phase"],
            scope=d["scope"],
            planned_on=d["planned_on"],
            controllers=d["controllers"],
            actor=request.user,
        ),
        done=_("Zaplanowano kontrolę; organizacja dostała zawiadomienie."),
        success=lambda control: reverse("grants:control", args=[control.pk]),
        title=_("Planowanie kontroli zadania (art. 17)"),
        subject=contract.title,
        back=reverse("grants:contract_reports", args=[contract.pk]),
        submit=_("Zaplanuj kontrolę"),
    )


@login_required
@centre_required
@require_GET
def control_detail(request: HttpRequest, pk: int) -> HttpResponse:
    control = control_get_visible(centre=request.centre, pk=pk, user=request.user)
    return render(
        request,
        "grants/reports/control.html",
        {
            "control": control,
            "contract": control.contract,
            "official": is_grants_official(request.user, request.centre),
            "recommendations": list(control.recommendations.all()),
            "today": warsaw_today(),
        },
    )


@login_required
@centre_required
@require_GET
def control_file(request: HttpRequest, pk: int) -> HttpResponse:
    control = control_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not control.protocol_file:
        raise Http404
    try:
        handle = control.protocol_file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"protokol-kontroli-{control.pk}.pdf"
    )
    return response


def _official_control(request, pk):
    _official_only(request)
    return control_get_visible(centre=request.centre, pk=pk, user=request.user)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def control_protocol(request: HttpRequest, pk: int) -> HttpResponse:
    control = _official_control(request, pk)
    return _form_flow(
        request,
        ProtocolForm(request.POST or None, request.FILES or None),
        lambda d: control_record_protocol(
            control=control,
            protocol_on=d["protocol_on"],
            findings=d["findings"],
            protocol_file=d.get("protocol_file"),
            actor=request.user,
        ),
        done=_("Zapisano protokół kontroli."),
        success=lambda row: reverse("grants:control", args=[row.pk]),
        title=_("Protokół kontroli"),
        subject=control.contract.title,
        back=reverse("grants:control", args=[control.pk]),
        submit=_("Zapisz protokół"),
        multipart=True,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def recommendation_new(request: HttpRequest, pk: int) -> HttpResponse:
    control = _official_control(request, pk)
    return _form_flow(
        request,
        RecommendationForm(request.POST or None),
        lambda d: recommendation_add(control=control, text=d["text"], due_on=d["due_on"], actor=request.user),
        done=_("Dodano zalecenie pokontrolne; organizacja dostała zawiadomienie."),
        success=lambda row: reverse("grants:control", args=[control.pk]),
        title=_("Zalecenie pokontrolne"),
        subject=control.contract.title,
        back=reverse("grants:control", args=[control.pk]),
        submit=_("Dodaj zalecenie"),
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def recommendation_done(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = recommendation_get_for_official(centre=request.centre, pk=pk, user=request.user)
    return _form_flow(
        request,
        RecommendationDoneForm(request.POST or None),
        lambda d: recommendation_mark_done(
            recommendation=recommendation, done_on=d["done_on"], note=d["done_note"], actor=request.user
        ),
        open_=recommendation.done_on is None,
        done=_("Zapisano wykonanie zalecenia."),
        success=lambda row: reverse("grants:control", args=[recommendation.control_id]),
        title=_("Wykonanie zalecenia pokontrolnego"),
        subject=recommendation.text,
        back=reverse("grants:control", args=[recommendation.control_id]),
        submit=_("Zapisz wykonanie"),
    )
