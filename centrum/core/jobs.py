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

from django.db import IntegrityError, transaction
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
    """Mark the job started unless it already ran in this period; the row lock serialises servers."""
    try:
        with transaction.atomic():
            JobRun.objects.get_or_create(name=job.name)
    except IntegrityError:  # another server created the row at the same moment
        pass
    with transaction.atomic():
        run = JobRun.objects.select_for_update().get(name=job.name)
        if not force and run.last_started_at and run.last_started_at + job.every > now:
            return False
        run.last_started_at = now
        run.save(update_fields=["last_started_at"])
        return True


def run_due_jobs(*, now=None, only: list[str] | None = None, force: bool = False) -> dict[str, str]:
    """Run every due job (or only the named ones; `force` ignores the period); returns outcomes by name."""
    now = now or timezone.now()
    results: dict[str, str] = {}
    for job in list(JOBS.values()):
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
                last_finished_at=timezone.now(),
                last_result="error",
                last_error=traceback.format_exc()[-4000:],
            )
    return results


# Jobs of the core itself.


@scheduled("core.outbox_send", every=timedelta(minutes=1))
def send_outbox():
    """Lets one `run_jobs` timer deliver mail too; `manage.py worker` also sends on every tick."""
    from .outbox import outbox_send_all_due

    return outbox_send_all_due()


@scheduled("core.outbox_purge_sent", every=timedelta(days=1))
def purge_sent_outbox():
    from .outbox import outbox_purge_sent

    return {"deleted": outbox_purge_sent()}
