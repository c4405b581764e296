"""The official's desk: the list with its export, the assessment, the agreement and its PDF."""

from itertools import chain

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.exports import table_response
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.pdf import pdf_response, render_pdf
from centrum.core.views import centre_required
from centrum.core.workflow.views import workflow_action_items

from .. import rules
from ..choices import InitiativeStatus
from ..forms import (
    AssessmentForm,
    CostForm,
    DeskFilterForm,
    ScheduleForm,
    SignForm,
    SupportForm,
)
from ..permissions import (
    can_assess,
    can_edit_agreement,
    can_manage_initiatives,
    is_applicant,
)
from ..selectors import (
    areas_of,
    contributions_of,
    costs_of,
    criteria_of,
    export_rows,
    initiative_get_for,
    initiatives_for_desk,
    members_of,
    rules_for,
    schedule_of,
    scores_of,
)
from ..services import (
    assessment_save,
    cost_add,
    schedule_add,
    support_save,
)
from ..workflows import INITIATIVE_STATUS
from .common import _cost_totals, _official


# --- the official ------------------------------------------------------------------------------------------
@login_required
@centre_required
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    _official(request)
    areas = areas_of(centre=request.centre)
    form = DeskFilterForm(request.GET or None, areas=areas)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = initiatives_for_desk(
        centre=request.centre,
        status=filters.get("status") or "",
        area=filters["area"].pk if filters.get("area") else None,
        year=filters.get("year"),
        q=(filters.get("q") or "").strip(),
    )
    page = paginate(request, rows, per_page=30)
    return render(
        request,
        "initiatives/desk.html",
        {"form": form, "page": page, "rules": rules_for(centre=request.centre)},
    )


@login_required
@centre_required
@require_GET
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    _official(request)
    header, rows = export_rows(centre=request.centre)
    name = f"inicjatywy-lokalne-{request.centre.slug}-{warsaw_today().isoformat()}"
    return table_response(chain([header], rows), fmt=fmt, filename=name, title="inicjatywy")


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def assess(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_assess(request.user, initiative):
        raise PermissionDenied
    criteria = criteria_of(centre=request.centre)
    scores = scores_of(initiative)
    form = AssessmentForm(request.POST or None, criteria=criteria, scores=scores)
    if request.method == "POST" and form.is_valid():
        try:
            assessment_save(initiative=initiative, actor=request.user, scores=form.scores())
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano ocenę. Teraz rozstrzygnij wniosek z uzasadnieniem."))
            return redirect(initiative)
    lines = contributions_of(initiative)
    return render(
        request,
        "initiatives/assess.html",
        {
            "initiative": initiative,
            "form": form,
            "criteria": criteria,
            "totals": rules.totals(lines),
            "share": rules.work_share(lines),
            "submitted": initiative.status == InitiativeStatus.SUBMITTED,
        },
        status=400 if form.errors else 200,
    )


def _agreement_page(request, initiative, *, status=200, **forms) -> HttpResponse:
    editing = can_edit_agreement(request.user, initiative)
    costs = costs_of(initiative)
    context = {
        "initiative": initiative,
        "schedule": schedule_of(initiative),
        "costs": costs,
        "cost_totals": _cost_totals(costs),
        "editing": editing,
        "schedule_form": forms.get("schedule_form") or (ScheduleForm() if editing else None),
        "cost_form": forms.get("cost_form") or (CostForm() if editing else None),
        "support_form": forms.get("support_form")
        or (
            SupportForm(
                initial={
                    "budget_line": initiative.budget_line,
                    "municipality_in_kind": initiative.municipality_in_kind,
                    "municipality_in_kind_value": initiative.municipality_in_kind_value,
                }
            )
            if editing
            else None
        ),
        "sign_form": forms.get("sign_form")
        or (
            SignForm(initial={"signed_on": warsaw_today()})
            if initiative.status == InitiativeStatus.AGREEMENT and editing
            else None
        ),
        "workflow_actions": workflow_action_items(
            initiative, request.user, workflow=INITIATIVE_STATUS, url_name="initiatives:action"
        ),
    }
    return render(request, "initiatives/agreement.html", context, status=status)


def _agreement_initiative(request, pk):
    initiative = initiative_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_manage_initiatives(request.user, request.centre):
        raise PermissionDenied
    if initiative.status in (InitiativeStatus.DRAFT, InitiativeStatus.SUBMITTED, InitiativeStatus.REJECTED):
        raise Http404
    return initiative


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreement's preparation: the municipality's support (POST here), the schedule and the costing."""
    initiative = _agreement_initiative(request, pk)
    if request.method == "POST":
        form = SupportForm(request.POST)
        if form.is_valid():
            try:
                support_save(initiative=initiative, actor=request.user, data=form.cleaned_data)
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(request, _("Zapisano wkład gminy."))
                return redirect("initiatives:agreement", pk=initiative.pk)
        return _agreement_page(request, initiative, support_form=form, status=400)
    return _agreement_page(request, initiative)


def _agreement_line(request, pk: int, form_class, form_name: str, service, anchor: str):
    """A line the official adds to the agreement (the schedule, the costing): the form on the agreement page."""
    initiative = _agreement_initiative(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(initiative=initiative, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            return redirect(reverse("initiatives:agreement", args=[initiative.pk]) + anchor)
    return _agreement_page(request, initiative, status=400, **{form_name: form})


@login_required
@centre_required
@require_POST
def schedule_new(request: HttpRequest, pk: int) -> HttpResponse:
    return _agreement_line(request, pk, ScheduleForm, "schedule_form", schedule_add, "#harmonogram")


@login_required
@centre_required
@require_POST
def cost_new(request: HttpRequest, pk: int) -> HttpResponse:
    return _agreement_line(request, pk, CostForm, "cost_form", cost_add, "#kosztorys")


def agreement_context(initiative) -> dict:
    lines = contributions_of(initiative)
    costs = costs_of(initiative)
    return {
        "initiative": initiative,
        "centre": initiative.centre,
        "members": members_of(initiative),
        "lines": lines,
        "totals": rules.totals(lines),
        "schedule": schedule_of(initiative),
        "costs": costs,
        "cost_totals": _cost_totals(costs),
        "rules": rules_for(centre=initiative.centre),
        "completion_days": centre_setting(initiative.centre, "initiatives.completion_due_days"),
    }


@login_required
@centre_required
@require_GET
def agreement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_get_for(centre=request.centre, user=request.user, pk=pk)
    if initiative.status not in (
        InitiativeStatus.AGREEMENT,
        InitiativeStatus.SIGNED,
        InitiativeStatus.COMPLETED,
    ):
        raise Http404
    if not (can_manage_initiatives(request.user, request.centre) or is_applicant(request.user, initiative)):
        raise PermissionDenied
    content = render_pdf("initiatives/documents/agreement.html", agreement_context(initiative))
    return pdf_response(content, f"umowa-inicjatywa-lokalna-{initiative.pk}.pdf")
