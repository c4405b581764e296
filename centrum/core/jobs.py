"""Scheduled jobs (reminders and the like).

Apps register a job with `@scheduled(name, every=timedelta(...))`. `run_due_jobs()` runs what is
due; it is called by `manage.py worker` (embedded default: one process next to the web server)
or by `manage.py run_jobs` from cron/systemd timers in production. `JobRun` rows make a job run
once per period even when several servers call it.
"""

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import JobRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    func: Callable[[], object]


JOBS: dict[str, Job] = {}


def scheduled(name: str, *, every: timedelta):
    def decorator(func):
        JOBS[name] = Job(name=name, every=every, func=func)
        return func

    return decorator


def _claim(job: Job, now, force: bool) -> bool:
    with transaction.atomic():
        run, _ = JobRun.objects.select_for_update().get_or_create(name=job.name)
        if not force and run.last_started_at and run.last_started_at + job.every > now:
            return False
        run.last_started_at = now
        run.save(update_fields=["last_started_at"])
        return True


def run_due_jobs(*, now=None, only: list[str] | None = None, force: bool = False) -> dict[str, str]:
    now = now or timezone.now()
    results: dict[str, str] = {}
    for job in JOBS.values():
        if only and job.name not in only:
            continue
        if not _claim(job, now, force):
            continue
        try:
            outcome = job.func()
            results[job.name] = str(outcome) if outcome is not None else "ok"
            JobRun.objects.filter(name=job.name).update(
                last_finished_at=timezone.now(), last_result=results[job.name][:1000], last_error=""
            )
        except Exception:
            logger.exception("Scheduled job %s failed", job.name)
            results[job.name] = "error"
            JobRun.objects.filter(name=job.name).update(
                last_finished_at=timezone.now(), last_error=traceback.format_exc()[-4000:]
            )
    return results
