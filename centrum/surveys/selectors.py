"""Reads. Every selector takes the centre: nothing runs unscoped."""

from django.db.models import Count, F, Q, QuerySet

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404
from centrum.organisations.models import Organisation

from .choices import RespondentMode, SurveyPurpose, SurveyStatus
from .models import IndicatorTarget, Question, Response, Survey
from .permissions import can_view_survey


def survey_list_for_staff(*, centre: Centre, status: str = "") -> QuerySet[Survey]:
    surveys = Survey.objects.filter(centre=centre).annotate(answer_count=Count("responses"))
    if status:
        surveys = surveys.filter(status=status)
    return surveys.order_by("-created_at", "-id")


def survey_list_public(*, centre: Centre) -> QuerySet[Survey]:
    return Survey.objects.filter(centre=centre, status=SurveyStatus.OPEN).order_by("closes_at", "title", "id")


def survey_get_for(*, centre: Centre, user, pk: int) -> Survey:
    """The loader: one 404 for missing, another centre's and not-yours alike."""
    return get_for_centre_or_404(
        Survey.objects.all(), centre=centre, pk=pk, visible=lambda survey: can_view_survey(user, survey)
    )


def question_get_for(*, centre: Centre, user, pk: int) -> Question:
    return get_for_centre_or_404(
        Question.objects.select_related("survey"),
        centre=centre,
        pk=pk,
        visible=lambda question: can_view_survey(user, question.survey),
    )


def questions_of(survey: Survey) -> list[Question]:
    # Questions outside any section first, on every database (SQLite and PostgreSQL sort NULL differently).
    return list(
        survey.questions.select_related("section").order_by(
            F("section__position").asc(nulls_first=True), "section_id", "position", "id"
        )
    )


def grouped_questions(survey: Survey) -> list[tuple]:
    """[(section or None, [questions])] in the order people answer them."""
    groups: list[tuple] = []
    for question in questions_of(survey):
        if groups and groups[-1][0] == question.section:
            groups[-1][1].append(question)
        else:
            groups.append((question.section, [question]))
    sections = list(survey.sections.all())
    shown = {section.pk for section, _ in groups if section is not None}
    groups.extend((section, []) for section in sections if section.pk not in shown)
    return groups


def organisations_to_answer_for(*, survey: Survey, user) -> list[Organisation]:
    """The organisations `user` is a member of that have not answered `survey` yet."""
    if survey.respondent_mode != RespondentMode.ORGANISATION or not getattr(user, "is_authenticated", False):
        return []
    answered = Response.objects.filter(survey=survey, organisation__isnull=False).values("organisation_id")
    return list(
        Organisation.objects.filter(centre=survey.centre, memberships__user=user)
        .exclude(pk__in=answered)
        .order_by("name")
    )


def member_organisation_count(*, survey: Survey, user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Organisation.objects.filter(centre=survey.centre, memberships__user=user).count()


def person_has_answered(*, survey: Survey, user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return survey.responses.filter(user=user, organisation__isnull=True).exists()


def index_surveys(*, centre: Centre) -> QuerySet[Survey]:
    return Survey.objects.filter(centre=centre, purpose=SurveyPurpose.INDEX).order_by("year")


def latest_needs_survey(*, centre: Centre) -> Survey | None:
    return (
        Survey.objects.filter(
            centre=centre, purpose=SurveyPurpose.NEEDS, status__in=(SurveyStatus.OPEN, SurveyStatus.CLOSED)
        )
        .filter(Q(questions__feeds__gt=""))
        .order_by("-created_at", "-id")
        .first()
    )


def staff_card(*, centre: Centre) -> dict:
    counts = Survey.objects.filter(centre=centre).aggregate(
        open=Count("id", filter=Q(status=SurveyStatus.OPEN)),
        draft=Count("id", filter=Q(status=SurveyStatus.DRAFT)),
    )
    return counts


def indicator_targets(*, centre: Centre) -> dict[str, object]:
    """The centre's target per hard indicator (its code → the target)."""
    return dict(IndicatorTarget.objects.filter(centre=centre).values_list("indicator", "target"))
