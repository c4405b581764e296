import factory

from ..choices import QuestionKind, RespondentMode, SurveyStatus
from ..models import Question, Survey


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Ankieta {n}")
    status = SurveyStatus.DRAFT
    respondent_mode = RespondentMode.ORGANISATION


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    centre = factory.SelfAttribute("survey.centre")
    kind = QuestionKind.SINGLE
    text = factory.Sequence(lambda n: f"Pytanie {n}")
    options = factory.LazyFunction(lambda: ["Tak", "Nie"])


def survey_with_every_kind(centre, *, status=SurveyStatus.OPEN, **fields) -> Survey:
    """A survey with one question of each kind (the scale and matrix scored in the index's areas)."""
    survey = SurveyFactory(centre=centre, status=status, **fields)
    QuestionFactory(survey=survey, kind=QuestionKind.SINGLE, text="Czy?", options=["Tak", "Nie"], position=1)
    QuestionFactory(
        survey=survey,
        kind=QuestionKind.MULTIPLE,
        text="Tematy",
        options=["A", "B", "C"],
        allow_other=True,
        position=2,
        required=False,
    )
    QuestionFactory(
        survey=survey,
        kind=QuestionKind.SCALE,
        text="Ocena",
        options=[],
        scale_max=5,
        area="policies",
        position=3,
    )
    QuestionFactory(
        survey=survey, kind=QuestionKind.TEXT, text="Uwagi", options=[], required=False, position=4
    )
    QuestionFactory(
        survey=survey,
        kind=QuestionKind.NUMBER,
        text="Ile?",
        options=[],
        number_min=0,
        number_max=100,
        position=5,
        required=False,
    )
    QuestionFactory(
        survey=survey,
        kind=QuestionKind.MATRIX,
        text="Usługi",
        options=["Sale", "Porady"],
        scale_max=5,
        area="infrastructure",
        position=6,
    )
    return survey
