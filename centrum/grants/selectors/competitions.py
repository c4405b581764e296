"""Reads of competitions. Every selector takes the centre."""

from django.db.models import QuerySet

from centrum.core.models import Centre

from ..choices import CompetitionStatus
from ..models import Competition

PUBLIC_COMPETITION_STATUSES = (
    CompetitionStatus.PUBLISHED,
    CompetitionStatus.EVALUATION,
    CompetitionStatus.DECIDED,
    CompetitionStatus.VOIDED,
)


def competitions_public(*, centre: Centre) -> QuerySet[Competition]:
    """Announced competitions anyone may read, the newest deadline first."""
    return Competition.objects.filter(centre=centre, status__in=PUBLIC_COMPETITION_STATUSES).order_by(
        "-offers_deadline", "-id"
    )
