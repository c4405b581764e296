"""Scheduled jobs (reminders and the like).

Apps register a job with `@scheduled(name, every=timedelta(...))` (one run across centres, in a
named platform scope) or `@scheduled_per_centre(name, every=...)` (the function takes `centre`;
the runner calls it once per active centre inside that centre's scope, and a failure in one centre
is logged and does not stop the others). `run_due_jobs()` runs what is due; it is called by `manage.py worker` (embedded default: one process next to the web server)
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

from .models import Centre, JobRun
from .scopes import centre_scope, platform_scope

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    func: Callable[..., object]
    per_centre: bool = False

    def run(self) -> str:
        if not self.per_centre:
            with platform_scope(f"job {self.name}"):
                outcome = self.func()
            return str(outcome) if outcome is not None else "ok"
        return _run_per_centre(self)


JOBS: dict[str, Job] = {}


def scheduled(name: str, *, every: timedelta):
    """A job across all centres: it runs in a platform scope and filters by centre itself."""

    def decorator(func):
        JOBS[name] = Job(name=name, every=every, func=func)
        return func

    return decorator


def scheduled_per_centre(name: str, *, every: timedelta):
    """A job of one centre's work: `func(centre)` runs for each active centre, in its scope."""

    def decorator(func):
        JOBS[name] = Job(name=name, every=every, func=func, per_centre=True)
        return func

    return decorator


class CentreJobsFailed(Exception):
    """Some centres' runs failed; the others ran. The message lists the centres."""


def _run_per_centre(job: Job) -> str:
    outcomes, failed = [], []
    with platform_scope(f"job {job.name}: list of active centres"):
        centres = list(Centre.objects.filter(is_active=True).order_by("slug"))
    for centre in centres:
        try:
            with centre_scope(centre):
                outcome = job.func(centre)
        except Exception:
            logger.exception("Scheduled job %s failed for centre %s", job.name, centre.slug)
            failed.append(centre.slug)
            continue
        if outcome not in (None, 0, "", {}):
            outcomes.append(f"{centre.slug}: {outcome}")
    if failed:
        raise CentreJobsFailed(f"failed for {', '.join(failed)}; " + "; ".join(outcomes))
    return "; ".join(outcomes) or "ok"


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
            results[job.name] = job.run()
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
