"""The applicant's pages: an application with its members and contributions, the status actions and the
completion record."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from .. import rules
from ..choices import AGREEMENT_EDITS, ApplicantKind, InitiativeStatus
from ..forms import (
    ApplicationForm,
    CompletionForm,
    ContributionForm,
    MemberForm,
    SignForm,
)
from ..permissions import (
    can_assess,
    can_complete,
    can_edit_agreement,
    can_edit_application,
    can_manage_initiatives,
    is_applicant,
)
from ..selectors import (
    areas_of,
    contributions_of,
    costs_of,
    criteria_of,
    initiative_get_for,
    initiatives_of_user,
    members_of,
    schedule_of,
    scores_of,
)
from ..services import (
    agreement_sign,
    contribution_add,
    initiative_complete,
    initiative_create,
    initiative_update,
    line_remove,
    member_add,
)
from ..workflows import INITIATIVE_STATUS
from .common import _cost_totals, _organisations


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
            from .desk import _agreement_page

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
