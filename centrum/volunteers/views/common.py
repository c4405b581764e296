"""What the pages share: the checks that turn a missing right into 403, and the workflow action views."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from centrum.core.workflow.views import WorkflowActionView

from ..permissions import can_work_in_centre, is_coordinator
from ..selectors import application_get_for, offer_get_for
from ..workflows import APPLICATION_STATUS, HOURS_STATUS, OFFER_STATUS


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def staff_only(request) -> None:
    require(can_work_in_centre(request.user, request.centre))


def coordinator_only(request) -> None:
    require(is_coordinator(request.user, request.centre))


def form_error(form, exc) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


class OfferActionView(WorkflowActionView):
    workflow = OFFER_STATUS

    def load(self, request: HttpRequest, pk: int):
        return offer_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()


class ApplicationActionView(WorkflowActionView):
    workflow = APPLICATION_STATUS

    def load(self, request: HttpRequest, pk: int):
        return application_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()


class HoursActionView(WorkflowActionView):
    workflow = HOURS_STATUS

    def load(self, request: HttpRequest, pk: int):
        from centrum.core.selectors import get_for_centre_or_404

        from ..models import HoursEntry
        from ..permissions import can_view_agreement

        return get_for_centre_or_404(
            HoursEntry.objects.select_related(
                "agreement", "agreement__application__volunteer", "agreement__application__offer__host"
            ),
            centre=request.centre,
            pk=pk,
            visible=lambda entry: can_view_agreement(request.user, entry.agreement),
        )

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.agreement.get_absolute_url()
