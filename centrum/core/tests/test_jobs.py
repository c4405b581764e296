import signal
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from centrum.core import jobs
from centrum.core.models import JobRun, OutboxMessage, OutboxStatus
from centrum.core.outbox import outbox_enqueue

pytestmark = pytest.mark.dates


@pytest.fixture
def counting_job():
    calls = []

    @jobs.scheduled("test.counting", every=timedelta(hours=1))
    def job():
        calls.append(1)
        return "done"

    yield calls
    jobs.JOBS.pop("test.counting")


@pytest.fixture
def failing_job():
    @jobs.scheduled("test.failing", every=timedelta(hours=1))
    def job():
        raise RuntimeError("bum")

    yield
    jobs.JOBS.pop("test.failing")


def test_core_jobs_are_registered():
    assert {"core.outbox_send", "core.outbox_purge_sent"} <= set(jobs.JOBS)


def test_job_runs_once_per_period(db, counting_job):
    now = timezone.now()
    assert jobs.run_due_jobs(now=now, only=["test.counting"]) == {"test.counting": "done"}
    assert jobs.run_due_jobs(now=now + timedelta(minutes=59), only=["test.counting"]) == {}
    assert jobs.run_due_jobs(now=now + timedelta(minutes=61), only=["test.counting"]) == {
        "test.counting": "done"
    }
    assert len(counting_job) == 2
    run = JobRun.objects.get(name="test.counting")
    assert run.last_result == "done" and run.last_finished_at is not None


def test_force_runs_a_job_that_is_not_due(db, counting_job):
    now = timezone.now()
    jobs.run_due_jobs(now=now, only=["test.counting"])
    assert jobs.run_due_jobs(now=now, only=["test.counting"], force=True) == {"test.counting": "done"}
    assert len(counting_job) == 2


def test_errors_are_recorded_and_other_jobs_still_run(db, failing_job, counting_job):
    results = jobs.run_due_jobs(only=["test.failing", "test.counting"])
    assert results == {"test.failing": "error", "test.counting": "done"}
    run = JobRun.objects.get(name="test.failing")
    assert "RuntimeError: bum" in run.last_error
    assert run.last_result == "error"


def test_run_jobs_command(db, counting_job, failing_job):
    out = StringIO()
    call_command("run_jobs", "--force", "test.counting", stdout=out)
    assert "test.counting: done" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("run_jobs", "--force", "nie.ma", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("run_jobs", "--force", "test.failing", stdout=StringIO())
    out = StringIO()
    call_command("run_jobs", "--list", stdout=out)
    assert "core.outbox_send" in out.getvalue()


def _pending(centre):
    return outbox_enqueue(
        centre=centre,
        to="osoba@example.org",
        template="accounts/emails/centre_role_granted_to_user",
        context={"dashboard_url": "https://kalisz.localhost/moje/"},
    )


def test_outbox_send_command(centre, mailoutbox):
    _pending(centre)
    out = StringIO()
    call_command("outbox_send", stdout=out)
    assert "sent 1" in out.getvalue()
    assert len(mailoutbox) == 1
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT


def test_worker_once_sends_and_runs_jobs(centre, mailoutbox, counting_job):
    _pending(centre)
    call_command("worker", "--once")
    assert len(mailoutbox) == 1
    assert counting_job == [1]


def test_worker_stops_on_sigterm(centre, mailoutbox, counting_job):
    timer = threading.Timer(0.3, lambda: signal.raise_signal(signal.SIGTERM))
    previous = signal.getsignal(signal.SIGTERM)
    timer.start()
    try:
        call_command("worker", "--interval", "30")  # returns only because SIGTERM stopped it
    finally:
        timer.cancel()
        signal.signal(signal.SIGTERM, previous)
    assert counting_job == [1]


def test_worker_survives_a_failing_round(db, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("baza niedostępna")

    monkeypatch.setattr("centrum.core.management.commands.worker.outbox_send_all_due", broken)
    call_command("worker", "--once")
    assert "Worker round failed" in caplog.text


def test_per_centre_job_runs_for_each_active_centre_in_its_scope_and_isolates_a_failure(db, caplog):
    from centrum.core.scopes import active_scope
    from centrum.core.tests.factories import CentreFactory

    first = CentreFactory(slug="alfa", host="alfa.localhost")
    broken = CentreFactory(slug="beta", host="beta.localhost")
    last = CentreFactory(slug="gamma", host="gamma.localhost")
    CentreFactory(slug="delta", host="delta.localhost", is_active=False)
    seen = []

    @jobs.scheduled_per_centre("test.per_centre", every=timedelta(hours=1))
    def job(centre):
        seen.append((centre.slug, active_scope().centre_id))
        if centre == broken:
            raise RuntimeError("bum")
        return 1

    try:
        assert jobs.run_due_jobs(only=["test.per_centre"]) == {"test.per_centre": "error"}
    finally:
        jobs.JOBS.pop("test.per_centre")
    assert seen == [("alfa", first.pk), ("beta", broken.pk), ("gamma", last.pk)]
    run = JobRun.objects.get(name="test.per_centre")
    assert "failed for beta" in run.last_error and "gamma: 1" in run.last_error
    assert "Scheduled job test.per_centre failed for centre beta" in caplog.text


def test_platform_job_runs_in_a_named_platform_scope(db):
    from centrum.core.scopes import active_scope

    scopes = []

    @jobs.scheduled("test.platform", every=timedelta(hours=1))
    def job():
        scopes.append(active_scope())

    try:
        jobs.run_due_jobs(only=["test.platform"])
    finally:
        jobs.JOBS.pop("test.platform")
    assert scopes[0].centre_id is None and scopes[0].label == "job test.platform"
