"""Staff pages: the list of surveys, a new survey (blank or ready: the year's self-assessment of the
cooperation-quality index, the training-needs diagnosis), the builder (sections, questions added with htmx),
the survey's settings, a copy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.views import centre_required
from centrum.core.workflow.views import workflow_action_items

from ..choices import SurveyStatus
from ..forms import QuestionForm, SectionForm, SurveyForm, YearForm
from ..permissions import can_edit_survey, can_manage_surveys
from ..selectors import (
    grouped_questions,
    question_get_for,
    survey_get_for,
    survey_list_for_staff,
)
from ..services import (
    index_survey_create,
    needs_survey_create,
    question_add,
    question_remove,
    section_add,
    survey_copy,
    survey_create,
    survey_update,
)
from ..workflows import SURVEY_STATUS
from .common import require, staff_survey


@login_required
@centre_required
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    require(can_manage_surveys(request.user, request.centre))
    status = request.GET.get("stan", "")
    if status not in SurveyStatus.values:
        status = ""
    return render(
        request,
        "surveys/manage.html",
        {
            "page": paginate(
                request, survey_list_for_staff(centre=request.centre, status=status), per_page=30
            ),
            "status": status,
            "statuses": SurveyStatus.choices,
            "year_form": YearForm(initial={"year": warsaw_today().year}),
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def survey_new(request: HttpRequest) -> HttpResponse:
    require(can_manage_surveys(request.user, request.centre))
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = survey_create(centre=request.centre, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            return redirect(survey)
    return render(request, "surveys/survey_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@centre_required
@require_POST
def ready_new(request: HttpRequest, kind: str) -> HttpResponse:
    """The ready questionnaires: `indeks` (the year's self-assessment) and `potrzeby` (training needs)."""
    require(can_manage_surveys(request.user, request.centre))
    if kind not in ("indeks", "potrzeby"):
        raise Http404
    try:
        if kind == "indeks":
            form = YearForm(request.POST)
            if not form.is_valid():
                raise ApplicationError(_("Podaj rok między 2000 a 2100."))
            survey = index_survey_create(
                centre=request.centre, actor=request.user, year=form.cleaned_data["year"]
            )
        else:
            survey = needs_survey_create(centre=request.centre, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("surveys:manage")
    messages.success(
        request, _("Utworzono ankietę „%(title)s”. Sprawdź pytania i otwórz ją.") % {"title": survey.title}
    )
    return redirect(survey)


def _builder_context(request, survey, *, question_form=None, section_form=None) -> dict:
    sections = list(survey.sections.all())
    return {
        "survey": survey,
        "groups": grouped_questions(survey),
        "answer_count": survey.responses.count(),
        "question_form": question_form or QuestionForm(sections=sections),
        "section_form": section_form or SectionForm(),
        "actions": workflow_action_items(
            survey, request.user, workflow=SURVEY_STATUS, url_name="surveys:action"
        ),
    }


@centre_required
@require_GET
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = survey_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_edit_survey(request.user, survey):
        return redirect("surveys:answer", pk=survey.pk)
    context = _builder_context(request, survey)
    context["editable"] = survey.status != SurveyStatus.CLOSED and not context["answer_count"]
    return render(request, "surveys/survey_detail.html", context)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    survey = staff_survey(request, pk)
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        data = {field: form.cleaned_data[field] for field in form.Meta.fields}
        survey.refresh_from_db()
        try:
            survey_update(survey=survey, actor=request.user, data=data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            return redirect(survey)
    return render(
        request,
        "surveys/survey_form.html",
        {"form": form, "survey": survey},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_POST
def section_new(request: HttpRequest, pk: int) -> HttpResponse:
    survey = staff_survey(request, pk)
    form = SectionForm(request.POST)
    if form.is_valid():
        try:
            section_add(survey=survey, actor=request.user, title=form.cleaned_data["title"])
        except ApplicationError as exc:
            add_application_error(form, exc, default_field="title")
        else:
            return redirect(survey)
    context = _builder_context(request, survey, section_form=form)
    context["editable"] = True
    return render(request, "surveys/survey_detail.html", context, status=400)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def question_new(request: HttpRequest, pk: int) -> HttpResponse:
    """GET (htmx): the question form drawn for the chosen kind; POST: add the question."""
    survey = staff_survey(request, pk)
    sections = list(survey.sections.all())
    if request.method == "GET":
        kind = request.GET.get("kind", "")
        form = QuestionForm(initial={"kind": kind, "required": True}, sections=sections)
        if request.htmx:
            return render(request, "surveys/_question_form.html", {"survey": survey, "question_form": form})
        return render(request, "surveys/question_form.html", {"survey": survey, "question_form": form})
    form = QuestionForm(request.POST, sections=sections)
    if form.is_valid():
        try:
            question_add(survey=survey, actor=request.user, **form.service_data())
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dodano pytanie."))
            return redirect(survey)
    return render(
        request, "surveys/question_form.html", {"survey": survey, "question_form": form}, status=400
    )


@login_required
@centre_required
@require_POST
def question_delete(request: HttpRequest, pk: int) -> HttpResponse:
    question = question_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_edit_survey(request.user, question.survey))
    try:
        question_remove(question=question, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Usunięto pytanie."))
    return redirect(question.survey)


@login_required
@centre_required
@require_POST
def copy(request: HttpRequest, pk: int) -> HttpResponse:
    survey = staff_survey(request, pk)
    try:
        new = survey_copy(survey=survey, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(survey)
    messages.success(request, _("To jest kopia ankiety: możesz zmieniać jej pytania."))
    return redirect(new)
