"""JSON API of surveys: the open surveys with their questions, and the index's figures when public."""

from django.http import HttpRequest
from ninja import Path, Router, Schema

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, require_centre
from centrum.api.schemas.common import ERRORS_READ, MAX_ID

from .selectors import questions_of, survey_get_for, survey_list_public

router = Router(tags=["surveys"])
SurveyId = Path(..., ge=1, le=MAX_ID)


class QuestionOut(Schema):
    id: int
    kind: str
    text: str
    required: bool
    options: list[str]
    scale_max: int | None


class SurveyOut(Schema):
    id: int
    title: str
    description: str
    status: str
    respondent_mode: str
    anonymous: bool
    closes_at: str | None

    @staticmethod
    def resolve_closes_at(obj):
        return obj.closes_at.isoformat() if obj.closes_at else None


class SurveyDetailOut(SurveyOut):
    questions: list[QuestionOut]

    @staticmethod
    def resolve_questions(obj):
        return questions_of(obj)


@router.get("", response=list[SurveyOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI, url_name="surveys")
def list_surveys(request: HttpRequest):
    return list(survey_list_public(centre=require_centre(request)))


@router.get(
    "/{pk}", response={200: SurveyDetailOut, **ERRORS_READ}, auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI
)
def get_survey(request: HttpRequest, pk: int = SurveyId):
    return survey_get_for(centre=require_centre(request), user=request.auth, pk=pk)
