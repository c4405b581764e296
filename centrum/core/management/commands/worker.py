import logging
import signal
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from centrum.core.jobs import run_due_jobs
from centrum.core.outbox import outbox_send_all_due

logger = logging.getLogger("centrum.worker")


class Command(BaseCommand):
    help = (
        "The embedded background worker: every few seconds send the e-mail outbox and run the due "
        "scheduled jobs. Stops cleanly on SIGTERM/SIGINT after the current round."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="Seconds between rounds (default: CENTRUM_WORKER_INTERVAL_SECONDS, 10).",
        )
        parser.add_argument("--once", action="store_true", help="Do one round and exit.")

    def handle(self, *args, interval: float | None = None, once: bool = False, **options):
        interval = settings.WORKER_INTERVAL_SECONDS if interval is None else interval
        stop = threading.Event()

        def request_stop(signum, frame):
            logger.info("Worker got %s, stopping after this round", signal.Signals(signum).name)
            stop.set()

        if not once and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, request_stop)
            signal.signal(signal.SIGINT, request_stop)
        logger.info("Worker started (every %ss)", interval)
        while True:
            self.run_round()
            if once or _sleep(stop, interval):
                break
        logger.info("Worker stopped")

    def run_round(self) -> None:
        _refresh_connections()
        try:
            sent = outbox_send_all_due()
            if sent["claimed"]:
                logger.info("Outbox: sent %(sent)s, retry later %(retry)s, failed %(failed)s", sent)
            for name, outcome in run_due_jobs().items():
                log = logger.error if outcome == "error" else logger.info
                log("Job %s: %s", name, outcome)
        except Exception:  # the database or mail server is away: keep running, try again next round
            logger.exception("Worker round failed")
        finally:
            _refresh_connections()


def _sleep(stop: threading.Event, seconds: float) -> bool:
    """Wait up to `seconds`; True as soon as a stop was requested.

    Short slices, because a signal handler runs only between bytecodes of the main thread.
    """
    deadline = time.monotonic() + seconds
    while not stop.is_set():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        stop.wait(min(remaining, 0.5))
    return True


def _refresh_connections() -> None:
    """Drop broken or expired database connections between rounds (a long-running process must)."""
    if not connection.in_atomic_block:  # inside a transaction (tests, an embedding caller) keep it
        close_old_connections()
