"""Who the trainings reached: the people who attended a session in the period, and their organisations.
A registered person who did not come is not reached."""

from datetime import datetime, time

from centrum.core.calendar import WARSAW
from centrum.organisations.sections import person_key_for

from ..models import Attendance


def training_reach(centre, start, end):
    since = datetime.combine(start, time.min, tzinfo=WARSAW)
    until = datetime.combine(end, time.max, tzinfo=WARSAW)
    rows = (
        Attendance.objects.filter(
            centre=centre, present=True, session__starts_at__gte=since, session__starts_at__lte=until
        )
        .values_list("registration__user_id", "registration__email", "registration__organisation_id")
        .distinct()
    )
    return [
        (person_key_for(user_id=user_id, email=email), organisation_id)
        for user_id, email, organisation_id in rows
    ]
