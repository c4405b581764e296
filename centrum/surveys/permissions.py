"""Pure predicates: views, services, the API and jobs all ask these, so they answer the same."""

from django.utils import timezone

from centrum.core.centre_settings import centre_setting
from centrum.core.permissions import is_centre_staff

from .choices import RespondentMode, SurveyStatus


def can_manage_surveys(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_edit_survey(user, survey) -> bool:
    return is_centre_staff(user, survey.centre)


def can_open_survey(user, survey) -> bool:
    return can_edit_survey(user, survey)


def can_close_survey(user, survey) -> bool:
    return can_edit_survey(user, survey)


def can_view_results(user, survey) -> bool:
    return is_centre_staff(user, survey.centre)


def is_accepting_answers(survey, now=None) -> bool:
    """Open, and within its dates."""
    now = now or timezone.now()
    if survey.status != SurveyStatus.OPEN:
        return False
    if survey.opens_at and now < survey.opens_at:
        return False
    return not (survey.closes_at and now >= survey.closes_at)


def can_view_survey(user, survey) -> bool:
    """Staff see every survey; others an open or closed one (a closed one says so)."""
    return survey.status != SurveyStatus.DRAFT or can_edit_survey(user, survey)


def may_answer_as_person(user, survey) -> bool:
    """Who may fill the survey at all (a second answer is refused by the service and the database)."""
    if survey.respondent_mode == RespondentMode.OPEN:
        return True
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_view_index(user, centre) -> bool:
    return is_centre_staff(user, centre) or bool(centre_setting(centre, "surveys.index_public"))
