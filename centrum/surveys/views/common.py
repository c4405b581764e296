"""What the pages share: the 403 check and the survey's workflow action view."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from centrum.core.workflow.views import WorkflowActionView

from ..permissions import can_edit_survey
from ..selectors import survey_get_for
from ..workflows import SURVEY_STATUS


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def staff_survey(request, pk: int):
    """The survey for its builder's pages: 404 when not visible, 403 when visible but not the staff's."""
    survey = survey_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_edit_survey(request.user, survey))
    return survey


class SurveyActionView(WorkflowActionView):
    workflow = SURVEY_STATUS

    def load(self, request: HttpRequest, pk: int):
        return survey_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()
