"""JSON API of the evaluation: the scores and the ranking of a competition, for officials."""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema

from centrum.api.auth import REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, ErrorOut

from ..models import Score
from ..permissions import can_run_evaluation
from ..selectors.evaluation import commission_of, competition_criteria, evaluation_competition_get, ranking

router = Router(tags=["grants"])


class CriterionOut(Schema):
    id: int
    position: int
    name: str
    max_points: Decimal
    weight: Decimal


class ScoreOut(Schema):
    offer_id: int
    member_id: int
    member: str
    criterion_id: int
    points: Decimal
    comment: str


class RankOut(Schema):
    place: int | None
    offer_id: int
    number: str
    organisation: str
    title: str
    status: str
    requested_grant: Decimal | None
    awarded_grant: Decimal | None
    members_scored: int
    average: Decimal | None


class ScoresOut(Schema):
    competition_id: int
    status: str
    scoring_closed_at: datetime | None
    criteria: list[CriterionOut]
    ranking: list[RankOut]
    scores: list[ScoreOut]


@router.get(
    "/competitions/{pk}/scores",
    response={200: ScoresOut, **ERRORS_READ, 403: ErrorOut},
    auth=REQUIRED,
    summary="Oceny i ranking konkursu / a competition's scores and ranking",
)
def evaluation_competition_scores(request: HttpRequest, pk: int):
    """Tylko urzędnicy prowadzący konkursy: kryteria, punkty każdego członka komisji, średnie i ranking.

    Officials only: the criteria, every member's points, the weighted averages and the ranking.
    """
    centre = require_centre(request)
    competition = evaluation_competition_get(centre=centre, user=request.auth, pk=pk)
    if not can_run_evaluation(request.auth, competition):
        raise PermissionDenied
    commission = commission_of(competition)
    scores = Score.objects.filter(centre_id=centre.pk, offer__competition=competition).select_related(
        "member"
    )
    return {
        "competition_id": competition.pk,
        "status": competition.status,
        "scoring_closed_at": getattr(commission, "scoring_closed_at", None),
        "criteria": [
            {
                "id": c.pk,
                "position": c.position,
                "name": c.name,
                "max_points": c.max_points,
                "weight": c.weight,
            }
            for c in competition_criteria(competition)
        ],
        "ranking": [
            {
                "place": row.place,
                "offer_id": row.offer.pk,
                "number": row.offer.number,
                "organisation": row.offer.organisation.name,
                "title": row.offer.title,
                "status": row.offer.status,
                "requested_grant": row.offer.requested_grant,
                "awarded_grant": row.offer.awarded_grant,
                "members_scored": row.members_scored,
                "average": row.average,
            }
            for row in ranking(competition=competition)
        ],
        "scores": [
            {
                "offer_id": s.offer_id,
                "member_id": s.member_id,
                "member": s.member.full_name,
                "criterion_id": s.criterion_id,
                "points": s.points,
                "comment": s.comment,
            }
            for s in scores.order_by("offer_id", "member_id", "criterion_id")
        ],
    }
