"""Reads. Every selector takes the centre: nothing runs unscoped."""

from django.db.models import QuerySet

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from .choices import PUBLIC_STATUSES
from .models import CooperationProgramme
from .permissions import can_manage_programmes, can_view_programme


def programmes_for(*, centre: Centre, user) -> QuerySet[CooperationProgramme]:
    programmes = CooperationProgramme.objects.filter(centre=centre)
    if not can_manage_programmes(user, centre):
        programmes = programmes.filter(status__in=PUBLIC_STATUSES)
    return programmes.order_by("-first_year", "-id")


def programme_get_for(*, centre: Centre, user, pk: int) -> CooperationProgramme:
    """The loader: one 404 for "missing", "another centre's" and "not yours" alike."""
    return get_for_centre_or_404(
        CooperationProgramme.objects.all(),
        centre=centre,
        pk=pk,
        visible=lambda p: can_view_programme(user, p),
    )
