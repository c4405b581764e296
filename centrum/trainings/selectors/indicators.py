"""The trainings app's hard indicators of the cooperation-quality index (`centrum.core.indicators`):
trainings held in a calendar year (finished, with a session that year) and the people present at them."""

from ..choices import TrainingStatus
from ..models import Attendance, Training


def trainings_held(centre, year: int) -> int:
    return (
        Training.objects.filter(centre=centre, status=TrainingStatus.FINISHED, sessions__starts_at__year=year)
        .distinct()
        .count()
    )


def training_participants(centre, year: int) -> int:
    return (
        Attendance.objects.filter(centre=centre, present=True, session__starts_at__year=year)
        .values("registration_id")
        .distinct()
        .count()
    )
