"""Demo surveys of every centre: last year's self-assessment of the Local Cooperation Quality Index
(closed, answered by the centre's organisations), the training-needs diagnosis (open, some answers), a short
residents' survey open to anyone, and targets for the hard indicators. Miechów also has this year's
self-assessment as a draft, ready for staff to open (the browser walk's story). Idempotent."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from centrum.accounts.selectors import centre_staff_list
from centrum.core.calendar import warsaw_today
from centrum.core.indicators import indicator_sources_for
from centrum.core.workflow import workflow_apply
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from .choices import QuestionKind, RespondentMode
from .models import Answer, IndicatorTarget, Response, Survey
from .services import index_survey_create, needs_survey_create, question_add, section_add, survey_create

# Targets a small gmina's centre could set (value = 100 points of the indicator's score).
TARGETS = {
    "consultations.held": Decimal(6),
    "councils.active": Decimal(2),
    "councils.meetings": Decimal(8),
    "spaces.organisation_hours": Decimal(300),
    "trainings.held": Decimal(10),
    "trainings.participants": Decimal(150),
    "advice.given": Decimal(120),
    "grants.budget_share": Decimal(100),
}


def _answer(survey: Survey, organisation, rng: random.Random, *, lean: int = 0) -> None:
    response = Response.objects.create(
        centre=survey.centre, survey=survey, organisation=organisation, submitted_at=timezone.now()
    )
    answers = []
    for question in survey.questions.all():
        if question.kind == QuestionKind.SCALE:
            value = max(1, min(question.scale_max or 5, rng.randint(2, 5) + lean))
        elif question.kind == QuestionKind.MATRIX:
            value = {str(i): rng.randint(1, question.scale_max or 5) for i in range(len(question.options))}
        elif question.kind == QuestionKind.MULTIPLE:
            value = sorted(rng.sample(range(len(question.options)), k=rng.randint(1, 3)))
        elif question.kind == QuestionKind.SINGLE:
            value = rng.randrange(len(question.options))
        elif question.kind == QuestionKind.NUMBER:
            value = str(rng.randint(1, 40))
        else:
            value = rng.choice(
                ["", "Więcej szkoleń w godzinach popołudniowych.", "Prosimy o konsultacje indywidualne."]
            )
            if not value:
                continue
        answers.append(Answer(centre=survey.centre, response=response, question=question, value=value))
    Answer.objects.bulk_create(answers)


def _residents_survey(centre, staff) -> Survey:
    survey = survey_create(
        centre=centre,
        actor=staff,
        title="Jak oceniasz działalność centrum organizacji?",
        description="Krótka ankieta dla mieszkańców i organizacji – zajmie 2 minuty.",
        respondent_mode=RespondentMode.OPEN,
        anonymous=True,
    )
    section = section_add(survey=survey, actor=staff, title="Centrum")
    question_add(
        survey=survey,
        actor=staff,
        section=section,
        kind=QuestionKind.SCALE,
        text="Jak oceniasz pomoc centrum?",
        scale_max=5,
        scale_min_label="bardzo źle",
        scale_max_label="bardzo dobrze",
    )
    question_add(
        survey=survey,
        actor=staff,
        section=section,
        kind=QuestionKind.MATRIX,
        text="Oceń usługi centrum",
        options=["Doradztwo", "Szkolenia", "Udostępnianie sal"],
        scale_max=5,
        required=False,
    )
    question_add(
        survey=survey,
        actor=staff,
        section=section,
        kind=QuestionKind.NUMBER,
        text="Ile razy w roku korzystasz z centrum?",
        number_min=Decimal(0),
        number_max=Decimal(365),
        required=False,
    )
    question_add(
        survey=survey, actor=staff, kind=QuestionKind.TEXT, text="Co możemy zrobić lepiej?", required=False
    )
    return survey


def seed(*, centre, rng: random.Random) -> str | None:
    if Survey.objects.filter(centre=centre).exists():
        return None
    role = centre_staff_list(centre=centre).first()
    staff = role.user if role else None
    if staff is None:
        return None
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE)
        .exclude(memberships__isnull=False)
        .order_by("name")[:10]
    )
    year = warsaw_today().year
    last = index_survey_create(centre=centre, actor=staff, year=year - 1)
    workflow_apply(obj=last, action="open", actor=staff)
    for organisation in organisations:
        _answer(last, organisation, rng)
    workflow_apply(row=last, action="close", actor=staff)

    needs = needs_survey_create(centre=centre, actor=staff)
    needs.closes_at = timezone.now() + timedelta(days=30)
    needs.save(update_fields=["closes_at"])
    workflow_apply(obj=needs, action="open", actor=staff)
    for organisation in organisations[:6]:
        _answer(needs, organisation, rng)

    residents = _residents_survey(centre, staff)
    workflow_apply(obj=residents, action="open", actor=staff)

    if centre.slug == "miechow":
        index_survey_create(centre=centre, actor=staff, year=year)
    keys = {source.key for source in indicator_sources_for(centre)}
    IndicatorTarget.objects.bulk_create(
        IndicatorTarget(centre=centre, indicator=key, target=target)
        for key, target in TARGETS.items()
        if key in keys
    )
    return f"surveys: {Survey.objects.filter(centre=centre).count()}, answers: {len(organisations)}"
