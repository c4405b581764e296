"""Thin views: load scoped to the centre and the user (404 otherwise), one service call each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.crossrefs import linked_records, make_ref
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.views import centre_required
from centrum.core.workflow import available_actions
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from .choices import ProgrammeStatus
from .forms import (
    AdoptForm,
    AnswerForm,
    CommentForm,
    ConsultationForm,
    PlannedGrantsForm,
    ProgrammeForm,
    ProposalForm,
    TaskForm,
)
from .permissions import can_manage_programmes
from .selectors import (
    SUBJECT_KEY,
    comment_counts,
    comment_get_for,
    funds_by_year,
    organisations_acting_for,
    planned_grants_history,
    programme_comments,
    programme_get_for,
    programme_tasks,
    programmes_for,
    proposal_get_for,
    proposals_for_official,
    proposals_of_user,
)
from .services import (
    comment_add,
    comment_answer,
    consultation_is_open,
    consultation_open,
    planned_grants_add,
    programme_adopt,
    programme_save,
    proposal_file,
    task_add,
    task_remove,
)
from .workflows import PROGRAMME_STATUS, PROPOSAL_STATUS, adoption_deadline


def _official(request) -> None:
    if not can_manage_programmes(request.user, request.centre):
        raise PermissionDenied


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    programmes = programmes_for(centre=request.centre, user=request.user)
    return render(
        request,
        "programmes/index.html",
        {"programmes": programmes, "official": can_manage_programmes(request.user, request.centre)},
    )


def _detail_context(request, programme, **extra) -> dict:
    official = can_manage_programmes(request.user, request.centre)
    tasks = programme_tasks(programme)
    comments = programme_comments(programme)
    consulting = consultation_is_open(programme)
    allowed = {
        t.action for t in available_actions(programme, request.user, workflow=PROGRAMME_STATUS, ui_only=False)
    }
    public_comments = programme.status != ProgrammeStatus.CONSULTATION or official
    return {
        "programme": programme,
        "tasks": tasks,
        "funds": funds_by_year(tasks, programme),
        "total": sum((t.planned_amount for t in tasks), 0),
        "official": official,
        "comments": comments if public_comments else [],
        "counts": comment_counts(comments),
        "consulting": consulting,
        "deadline": adoption_deadline(programme.centre, programme.first_year),
        "comment_form": extra.get("comment_form")
        or (
            CommentForm(organisations=organisations_acting_for(centre=request.centre, user=request.user))
            if consulting and request.user.is_authenticated
            else None
        ),
        "task_form": extra.get("task_form")
        or (
            TaskForm(programme=programme)
            if official and programme.status in ("draft", "consultation")
            else None
        ),
        "consultation_form": extra.get("consultation_form")
        or (ConsultationForm() if "open_consultation" in allowed else None),
        "adopt_form": extra.get("adopt_form") or (AdoptForm() if "adopt" in allowed else None),
        "workflow_actions": workflow_action_items(
            programme, request.user, workflow=PROGRAMME_STATUS, url_name="programmes:action"
        ),
        "linked": linked_records(
            request.centre, make_ref(SUBJECT_KEY, programme.pk), settings=request.centre_settings
        ),
    }


@centre_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = programme_get_for(centre=request.centre, user=request.user, pk=pk)
    return render(request, "programmes/detail.html", _detail_context(request, programme))


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _official(request)
    programme = programme_get_for(centre=request.centre, user=request.user, pk=pk) if pk else None
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        try:
            programme = programme_save(
                centre=request.centre, actor=request.user, data=form.cleaned_data, programme=programme
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano program współpracy."))
            return redirect(programme)
    return render(
        request,
        "programmes/form.html",
        {"form": form, "programme": programme},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_POST
def task_new(request: HttpRequest, pk: int) -> HttpResponse:
    _official(request)
    programme = programme_get_for(centre=request.centre, user=request.user, pk=pk)
    form = TaskForm(request.POST, programme=programme)
    if form.is_valid():
        try:
            task_add(programme=programme, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dodano zadanie priorytetowe."))
            return redirect(programme)
    return render(
        request, "programmes/detail.html", _detail_context(request, programme, task_form=form), status=400
    )


@login_required
@centre_required
@require_POST
def task_delete(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    _official(request)
    programme = programme_get_for(centre=request.centre, user=request.user, pk=pk)
    task = next((t for t in programme_tasks(programme) if t.pk == task_pk), None)
    if task is None:
        raise Http404
    try:
        task_remove(task=task, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Usunięto zadanie priorytetowe."))
    return redirect(programme)


class ProgrammeActionView(WorkflowActionView):
    workflow = PROGRAMME_STATUS
    form_actions = frozenset({"open_consultation", "adopt"})

    def load(self, request: HttpRequest, pk: int):
        return programme_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        if transition.action == "open_consultation":
            form = ConsultationForm(request.POST)
            if not form.is_valid():
                raise ApplicationError(_("Podaj poprawne daty konsultacji."), field="ends_on")
            return consultation_open(programme=obj, actor=request.user, **form.cleaned_data)
        if transition.action == "adopt":
            form = AdoptForm(request.POST)
            if not form.is_valid():
                raise ApplicationError(
                    _("Podaj numer uchwały i poprawną datę uchwalenia."), field="adopted_on"
                )
            return programme_adopt(
                programme=obj,
                actor=request.user,
                resolution_number=form.cleaned_data["resolution_number"],
                adopted_on=form.cleaned_data["adopted_on"],
                late_reason=form.cleaned_data["late_reason"],
            )
        return super().perform(request, obj, transition, reason)


action = centre_required(ProgrammeActionView.as_view())


@login_required
@centre_required
@require_POST
def comment_new(request: HttpRequest, pk: int) -> HttpResponse:
    programme = programme_get_for(centre=request.centre, user=request.user, pk=pk)
    form = CommentForm(
        request.POST, organisations=organisations_acting_for(centre=request.centre, user=request.user)
    )
    if form.is_valid():
        try:
            comment_add(programme=programme, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dziękujemy – uwaga została zgłoszona."))
            return redirect(reverse("programmes:detail", args=[programme.pk]) + "#uwagi")
    return render(
        request, "programmes/detail.html", _detail_context(request, programme, comment_form=form), status=400
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    _official(request)
    comment = comment_get_for(centre=request.centre, user=request.user, pk=pk)
    form = AnswerForm(
        request.POST or None,
        initial={"outcome": comment.outcome if comment.answer else None, "answer": comment.answer},
    )
    if request.method == "POST" and form.is_valid():
        try:
            comment_answer(comment=comment, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano odpowiedź na uwagę."))
            return redirect(reverse("programmes:detail", args=[comment.programme_id]) + "#uwagi")
    return render(
        request,
        "programmes/comment_answer.html",
        {"comment": comment, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def planned_grants(request: HttpRequest) -> HttpResponse:
    _official(request)
    form = PlannedGrantsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            planned_grants_add(centre=request.centre, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano planowane dotacje."))
            return redirect("programmes:planned_grants")
    page = paginate(request, planned_grants_history(centre=request.centre), per_page=30)
    return render(
        request,
        "programmes/planned_grants.html",
        {"form": form, "page": page},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_GET
def proposals(request: HttpRequest) -> HttpResponse:
    official = can_manage_programmes(request.user, request.centre)
    rows = (
        proposals_for_official(centre=request.centre)
        if official
        else proposals_of_user(centre=request.centre, user=request.user)
    )
    page = paginate(request, rows, per_page=30)
    can_file = organisations_acting_for(centre=request.centre, user=request.user, admin_only=True).exists()
    return render(
        request, "programmes/proposals.html", {"page": page, "official": official, "can_file": can_file}
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def proposal_new(request: HttpRequest) -> HttpResponse:
    organisations = organisations_acting_for(centre=request.centre, user=request.user, admin_only=True)
    if not organisations.exists():
        raise PermissionDenied
    form = ProposalForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = proposal_file(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(
                request,
                _("Złożono ofertę. Organ odpowie do %(day)s.")
                % {"day": proposal.answer_due_on.strftime("%d.%m.%Y")},
            )
            return redirect(proposal)
    return render(
        request, "programmes/proposal_form.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
@centre_required
@require_GET
def proposal(request: HttpRequest, pk: int) -> HttpResponse:
    item = proposal_get_for(centre=request.centre, user=request.user, pk=pk)
    return render(
        request,
        "programmes/proposal.html",
        {
            "proposal": item,
            "workflow_actions": workflow_action_items(
                item, request.user, workflow=PROPOSAL_STATUS, url_name="programmes:proposal_action"
            ),
        },
    )


class ProposalActionView(WorkflowActionView):
    workflow = PROPOSAL_STATUS

    def load(self, request: HttpRequest, pk: int):
        return proposal_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()


proposal_action = centre_required(ProposalActionView.as_view())
