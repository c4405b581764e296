from django.core.management.base import BaseCommand, CommandError

from centrum.core.jobs import JOBS, run_due_jobs


class Command(BaseCommand):
    help = (
        "Run the scheduled jobs that are due, once, then exit (for cron or a systemd timer). "
        "Each job runs at most once per its period, however many servers call this."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="append",
            metavar="NAME",
            default=[],
            help="Run this job now even if it is not due (repeatable).",
        )
        parser.add_argument(
            "--list", dest="list_jobs", action="store_true", help="List the registered jobs and exit."
        )

    def handle(self, *args, force: list[str], list_jobs: bool = False, **options):
        if list_jobs:
            for job in sorted(JOBS.values(), key=lambda j: j.name):
                self.stdout.write(f"{job.name}\tevery {job.every}")
            return
        unknown = sorted(set(force) - set(JOBS))
        if unknown:
            raise CommandError(f"Unknown job(s): {', '.join(unknown)}. Known: {', '.join(sorted(JOBS))}")
        results = run_due_jobs(only=force, force=True) if force else run_due_jobs()
        for name, outcome in results.items():
            self.stdout.write(f"{name}: {outcome}")
        if not results:
            self.stdout.write("no job was due")
        if "error" in results.values():
            raise CommandError("Some jobs failed; see JobRun.last_error or the log.")
