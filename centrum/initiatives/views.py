"""Thin views: load scoped to the centre and the user (404 otherwise), one service call each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.pdf import pdf_response, render_pdf
from centrum.core.scopes import active_scope, scoped_iterator
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items
from centrum.core.xlsx import xlsx_stream
from centrum.organisations.exporting import csv_stream

from . import rules
from .choices import AGREEMENT_EDITS, ApplicantKind, InitiativeStatus, IntakeMode
from .forms import (
    ApplicationForm,
    AreaForm,
    AssessmentForm,
    CallForm,
    CompletionForm,
    ContributionForm,
    CostForm,
    CriterionForm,
    DeskFilterForm,
    MemberForm,
    RulesForm,
    ScheduleForm,
    SignForm,
    SupportForm,
)
from .permissions import (
    can_assess,
    can_complete,
    can_edit_agreement,
    can_edit_application,
    can_manage_initiatives,
    is_applicant,
)
from .selectors import (
    area_get_for,
    areas_of,
    call_get_for,
    calls_of,
    carried_out_years,
    contributions_of,
    costs_of,
    criteria_of,
    criterion_get_for,
    export_rows,
    initiative_get_for,
    initiatives_carried_out,
    initiatives_for_desk,
    initiatives_of_user,
    members_of,
    open_call,
    organisations_of_member,
    rules_for,
    schedule_of,
    scores_of,
    statistics,
)
from .services import (
    agreement_sign,
    area_save,
    assessment_save,
    call_add,
    call_remove,
    contribution_add,
    cost_add,
    criterion_add,
    criterion_remove,
    initiative_complete,
    initiative_create,
    initiative_update,
    line_remove,
    member_add,
    rules_save,
    schedule_add,
    support_save,
)
from .workflows import INITIATIVE_STATUS


def _official(request) -> None:
    if not can_manage_initiatives(request.user, request.centre):
        raise PermissionDenied


def _organisations(request):
    return organisations_of_member(centre=request.centre, user=request.user)


def _year(request) -> int | None:
    try:
        year = int(request.GET.get("rok", ""))
    except ValueError:
        return None
    return year if 2000 <= year <= 2100 else None


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


# --- the applicant --------------------------------------------------------------------------------------
@login_required
@centre_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    page = paginate(request, initiatives_of_user(centre=request.centre, user=request.user), per_page=30)
    return render(request, "initiatives/mine.html", {"page": page, "today": warsaw_today()})


def _application_form(request, initiative=None):
    return ApplicationForm(
        request.POST or None,
        instance=initiative,
        areas=areas_of(centre=request.centre, active_only=True),
        organisations=_organisations(request),
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    form = _application_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            initiative = initiative_create(centre=request.centre, actor=request.user, data=form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(
                request, _("Zapisano szkic wniosku. Dopisz członków grupy i wkład, potem złóż wniosek.")
            )
            return redirect(initiative)
    elif request.method == "GET":
        form.initial.setdefault(
            "leader_name", request.user.get_full_name() if hasattr(request.user, "get_full_name") else ""
        )
    return render(
        request,
        "initiatives/form.html",
        {"form": form, "initiative": None, "has_areas": form.fields["area"].queryset.exists()},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_edit_application(request.user, initiative):
        raise PermissionDenied
    form = _application_form(request, initiative)
    if request.method == "POST" and form.is_valid():
        try:
            initiative_update(initiative=initiative, actor=request.user, data=form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano wniosek."))
            return redirect(initiative)
    return render(
        request,
        "initiatives/form.html",
        {"form": form, "initiative": initiative, "has_areas": True},
        status=400 if form.errors else 200,
    )


def _detail_context(request, initiative, **forms) -> dict:
    user = request.user
    lines = contributions_of(initiative)
    criteria = criteria_of(centre=request.centre)
    scores = scores_of(initiative)
    official = can_manage_initiatives(user, request.centre)
    applicant = is_applicant(user, initiative)
    editing = can_edit_application(user, initiative)
    costs = (
        costs_of(initiative)
        if initiative.status not in (InitiativeStatus.DRAFT, InitiativeStatus.SUBMITTED)
        else []
    )
    return {
        "initiative": initiative,
        "members": members_of(initiative),
        "lines": lines,
        "totals": rules.totals(lines),
        "share": rules.work_share(lines),
        "scores": scores if (official or initiative.decided_at) else [],
        "total_score": rules.weighted_score(scores, criteria),
        "schedule": schedule_of(initiative) if costs or initiative.status != InitiativeStatus.DRAFT else [],
        "costs": costs,
        "cost_totals": _cost_totals(costs),
        "official": official,
        "applicant": applicant,
        "editing": editing,
        "group": initiative.applicant_kind == ApplicantKind.GROUP,
        "member_form": forms.get("member_form") or (MemberForm() if editing else None),
        "contribution_form": forms.get("contribution_form") or (ContributionForm() if editing else None),
        "hour_value": centre_setting(request.centre, "initiatives.work_hour_value"),
        "can_assess": initiative.status == InitiativeStatus.SUBMITTED and can_assess(user, initiative),
        "can_agree": can_edit_agreement(user, initiative),
        "can_complete": initiative.status == InitiativeStatus.SIGNED and can_complete(user, initiative),
        "has_agreement": initiative.status
        in (InitiativeStatus.AGREEMENT, InitiativeStatus.SIGNED, InitiativeStatus.COMPLETED),
        "audit_entries": list(audit_list_for_object(centre=request.centre, obj=initiative)[:30])
        if official or applicant
        else [],
        "workflow_actions": workflow_action_items(
            initiative, user, workflow=INITIATIVE_STATUS, url_name="initiatives:action"
        ),
    }


def _cost_totals(costs) -> dict:
    from .choices import CostPayer

    totals = {payer: rules.money(0) for payer in CostPayer.values}
    for cost in costs:
        totals[cost.payer] += cost.amount
    totals["total"] = sum((totals[p] for p in CostPayer.values), rules.money(0))
    return totals


@centre_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_get_for(centre=request.centre, user=request.user, pk=pk)
    return render(request, "initiatives/detail.html", _detail_context(request, initiative))


def _application_line(request, pk: int, form_class, form_name: str, service, done: str, anchor: str):
    """A line the applicant adds to a draft (a group member, a contribution): the form on the draft's page."""
    initiative = initiative_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_edit_application(request.user, initiative):
        raise PermissionDenied
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(initiative=initiative, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, done)
            return redirect(reverse("initiatives:detail", args=[initiative.pk]) + anchor)
    context = _detail_context(request, initiative, **{form_name: form})
    return render(request, "initiatives/detail.html", context, status=400)


@login_required
@centre_required
@require_POST
def member_new(request: HttpRequest, pk: int) -> HttpResponse:
    return _application_line(
        request, pk, MemberForm, "member_form", member_add, _("Dopisano członka grupy."), "#grupa"
    )


@login_required
@centre_required
@require_POST
def contribution_new(request: HttpRequest, pk: int) -> HttpResponse:
    return _application_line(
        request, pk, ContributionForm, "contribution_form", contribution_add, _("Dodano wkład."), "#wklad"
    )


@login_required
@centre_required
@require_POST
def line_delete(request: HttpRequest, pk: int, kind: str, line_pk: int) -> HttpResponse:
    initiative = initiative_get_for(centre=request.centre, user=request.user, pk=pk)
    if not (can_edit_application(request.user, initiative) or can_edit_agreement(request.user, initiative)):
        raise PermissionDenied
    try:
        line_remove(initiative=initiative, actor=request.user, kind=kind, pk=line_pk)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Usunięto pozycję."))
    if initiative.status in AGREEMENT_EDITS and kind in ("harmonogram", "kosztorys"):
        return redirect("initiatives:agreement", pk=initiative.pk)
    return redirect(initiative)


class InitiativeActionView(WorkflowActionView):
    workflow = INITIATIVE_STATUS
    form_actions = frozenset({"sign", "complete"})

    def load(self, request: HttpRequest, pk: int):
        return initiative_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        if transition.action not in self.form_actions:
            return super().perform(request, obj, transition, reason)
        form = (SignForm if transition.action == "sign" else CompletionForm)(request.POST, request.FILES)
        if not form.is_valid():
            field, errors = next(iter(form.errors.items()))
            raise ApplicationError(errors[0], field=field if field != "__all__" else None)
        if transition.action == "sign":
            return agreement_sign(initiative=obj, actor=request.user, **form.cleaned_data)
        return initiative_complete(initiative=obj, actor=request.user, **form.cleaned_data)

    def failed(self, request: HttpRequest, obj, failure):
        """Signing and the completion record fail back to their own forms, the error at its field."""
        form_class = {"sign": SignForm, "complete": CompletionForm}.get(failure.action)
        if form_class is None:
            return super().failed(request, obj, failure)
        form = form_class(request.POST)
        form.is_valid()
        if failure.field not in form.errors:  # else the form's own error already says it
            form.add_error(failure.field if failure.field in form.fields else None, failure.message)
        if failure.action == "sign":
            return _agreement_page(request, obj, sign_form=form, status=400)
        return render(request, "initiatives/completion.html", {"initiative": obj, "form": form}, status=400)


action = centre_required(InitiativeActionView.as_view())


@login_required
@centre_required
@require_GET
def completion(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_complete(request.user, initiative):
        raise PermissionDenied
    if initiative.status != InitiativeStatus.SIGNED:
        messages.error(request, _("Sprawozdanie składa się z realizowanej inicjatywy, po podpisaniu umowy."))
        return redirect(initiative)
    form = CompletionForm(initial={"completed_on": min(initiative.ends_on, warsaw_today())})
    return render(request, "initiatives/completion.html", {"initiative": initiative, "form": form})


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
    if fmt not in ("csv", "xlsx"):
        raise Http404
    header, rows = export_rows(centre=request.centre)

    def lines():
        yield header
        for row in rows:
            yield [
                v.astimezone(WARSAW).replace(tzinfo=None) if getattr(v, "tzinfo", None) else v for v in row
            ]

    if fmt == "csv":
        response = StreamingHttpResponse(
            scoped_iterator(csv_stream(lines()), active_scope()), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            scoped_iterator(xlsx_stream(lines(), title="inicjatywy"), active_scope()),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    name = f"inicjatywy-lokalne-{request.centre.slug}-{warsaw_today().isoformat()}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    return response


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


# --- the resolution --------------------------------------------------------------------------------------
def _rules_page(request, *, status=200, **forms) -> HttpResponse:
    centre = request.centre
    policy = rules_for(centre=centre)
    return render(
        request,
        "initiatives/rules.html",
        {
            "rules": policy,
            "form": forms.get("form") or RulesForm(instance=policy),
            "call_form": forms.get("call_form") or (CallForm() if policy else None),
            "criterion_form": forms.get("criterion_form") or (CriterionForm() if policy else None),
            "area_form": forms.get("area_form") or AreaForm(prefix="area"),
            "calls": calls_of(centre=centre),
            "criteria": criteria_of(centre=centre),
            "areas": list(areas_of(centre=centre)),
        },
        status=status,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def rules_page(request: HttpRequest) -> HttpResponse:
    _official(request)
    if request.method == "POST":
        form = RulesForm(request.POST, instance=rules_for(centre=request.centre))
        if form.is_valid():
            try:
                rules_save(centre=request.centre, actor=request.user, data=form.cleaned_data)
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(request, _("Zapisano zasady z uchwały rady."))
                return redirect("initiatives:rules")
        return _rules_page(request, form=form, status=400)
    return _rules_page(request)


def _rules_post(request, form_class, form_name: str, service, done: str) -> HttpResponse:
    _official(request)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(centre=request.centre, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, done)
            return redirect("initiatives:rules")
    return _rules_page(request, status=400, **{form_name: form})


@login_required
@centre_required
@require_POST
def call_new(request: HttpRequest) -> HttpResponse:
    return _rules_post(request, CallForm, "call_form", call_add, _("Dodano nabór."))


@login_required
@centre_required
@require_POST
def criterion_new(request: HttpRequest) -> HttpResponse:
    return _rules_post(request, CriterionForm, "criterion_form", criterion_add, _("Dodano kryterium."))


@login_required
@centre_required
@require_POST
def area_new(request: HttpRequest) -> HttpResponse:
    _official(request)
    form = AreaForm(request.POST, prefix="area")
    if form.is_valid():
        try:
            area_save(centre=request.centre, actor=request.user, data=form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dodano obszar do katalogu."))
            return redirect("initiatives:rules")
    return _rules_page(request, area_form=form, status=400)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _official(request)
    area = area_get_for(centre=request.centre, pk=pk)
    form = AreaForm(request.POST or None, instance=area)
    if request.method == "POST" and form.is_valid():
        try:
            area_save(centre=request.centre, actor=request.user, data=form.cleaned_data, area=area)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano obszar."))
            return redirect("initiatives:rules")
    return render(
        request,
        "initiatives/area_form.html",
        {"form": form, "area": area},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_POST
def rules_line_delete(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    _official(request)
    try:
        if kind == "nabor":
            call_remove(call=call_get_for(centre=request.centre, pk=pk), actor=request.user)
        elif kind == "kryterium":
            criterion_remove(criterion=criterion_get_for(centre=request.centre, pk=pk), actor=request.user)
        else:
            raise Http404
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Usunięto."))
    return redirect("initiatives:rules")
