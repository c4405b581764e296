"""Public pages: the open surveys and answering one (phone-friendly, one field per question)."""

import secrets

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.antispam import client_address, rate_limited
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.views import centre_required

from ..choices import RespondentMode
from ..forms import AnswerForm, OpenAnswerForm
from ..permissions import can_manage_surveys, can_view_index, is_accepting_answers, may_answer_as_person
from ..selectors import (
    grouped_questions,
    member_organisation_count,
    organisations_to_answer_for,
    person_has_answered,
    survey_get_for,
    survey_list_public,
)
from ..services import response_submit

BROWSER_COOKIE = "ankiety"
COOKIE_AGE = 400 * 24 * 3600


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "surveys/index.html",
        {
            "surveys": list(survey_list_public(centre=request.centre)),
            "staff": can_manage_surveys(request.user, request.centre),
            "index_visible": can_view_index(request.user, request.centre),
        },
    )


def _browser_key(request) -> str:
    key = request.COOKIES.get(BROWSER_COOKIE, "")
    return key if 20 <= len(key) <= 64 and key.replace("-", "").replace("_", "").isalnum() else ""


def _refusal(request, survey) -> str:
    """Why this person cannot answer now ("" when they can)."""
    if not is_accepting_answers(survey):
        return _("Ta ankieta nie przyjmuje teraz odpowiedzi.")
    if not may_answer_as_person(request.user, survey):
        return _("Zaloguj się, aby odpowiedzieć.")
    if survey.respondent_mode == RespondentMode.PERSON and person_has_answered(
        survey=survey, user=request.user
    ):
        return _("Już odpowiedziałeś(-aś) na tę ankietę. Dziękujemy!")
    return ""


@centre_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    survey = survey_get_for(centre=request.centre, user=request.user, pk=pk)
    refusal = _refusal(request, survey)
    organisations = organisations_to_answer_for(survey=survey, user=request.user)
    if not refusal and survey.respondent_mode == RespondentMode.ORGANISATION and not organisations:
        refusal = (
            _("Każda z Twoich organizacji już odpowiedziała na tę ankietę. Dziękujemy!")
            if member_organisation_count(survey=survey, user=request.user)
            else _(
                "Na tę ankietę odpowiada członek organizacji w jej imieniu; nie należysz do żadnej organizacji."
            )
        )
    context = {"survey": survey, "refusal": refusal, "login": not request.user.is_authenticated}
    if refusal:
        return render(request, "surveys/answer.html", context, status=200 if request.method == "GET" else 400)
    groups = grouped_questions(survey)
    form_class = OpenAnswerForm if survey.respondent_mode == RespondentMode.OPEN else AnswerForm
    form = form_class(request.POST or None, survey=survey, groups=groups, organisations=organisations)
    browser_key = _browser_key(request) or secrets.token_urlsafe(24)
    if request.method == "POST" and form.is_valid():
        limited = survey.respondent_mode == RespondentMode.OPEN and rate_limited(
            f"survey-answer:{request.centre.pk}:{client_address(request)}",
            limit=centre_setting(request.centre, "surveys.open_answers_per_hour"),
            window=3600,
        )
        if limited:
            form.add_error(None, _("Wysłano już wiele odpowiedzi z tego adresu. Spróbuj za godzinę."))
        else:
            values, others = form.values()
            try:
                response_submit(
                    survey=survey,
                    actor=request.user,
                    values=values,
                    others=others,
                    organisation=form.chosen_organisation if "organisation" in form.fields else None,
                    email=form.cleaned_data.get("email", ""),
                    browser_key=browser_key if survey.respondent_mode == RespondentMode.OPEN else "",
                )
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(request, _("Dziękujemy! Twoja odpowiedź została zapisana."))
                return redirect("surveys:index")
    context["form"] = form
    response = render(request, "surveys/answer.html", context, status=400 if form.errors else 200)
    if survey.respondent_mode == RespondentMode.OPEN and not _browser_key(request):
        response.set_cookie(
            BROWSER_COOKIE,
            browser_key,
            max_age=COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response
