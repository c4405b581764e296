"""Scheduled work of trainings (autodiscovered by `centrum.core`): reminders, finishing past trainings."""

from datetime import timedelta

from django.utils import timezone

from centrum.core.centre_settings import centre_setting
from centrum.core.jobs import scheduled_per_centre
from centrum.core.workflow import workflow_apply

from .choices import TrainingStatus
from .models import Training
from .services import registrations_remind


@scheduled_per_centre("trainings.remind", every=timedelta(hours=1))
def remind_registrations(centre):
    sent = registrations_remind(centre=centre, days=centre_setting(centre, "trainings.reminder_days"))
    return f"reminded {sent}"


@scheduled_per_centre("trainings.finish", every=timedelta(hours=6))
def finish_past_trainings(centre):
    """A published training whose last session is over becomes finished (the archive, feedback)."""
    now = timezone.now()
    past = (
        Training.objects.filter(centre=centre, status=TrainingStatus.PUBLISHED, sessions__isnull=False)
        .exclude(sessions__ends_at__gt=now)
        .distinct()
    )
    finished = 0
    for training in past:
        workflow_apply(row=training, action="finish", actor=None)
        finished += 1
    return f"finished {finished}"
