"""Load the demo: the five seed centres, then every app's demo data.

    manage.py seed_demo            create whatever is missing; running it again changes nothing
    manage.py seed_demo --reset    delete the demo centres and demo people, then create them afresh
    manage.py seed_demo --force    also when DEBUG is off (a public demo server, the tests)

Core creates each centre (Żory, Częstochowa, Mysłowice, Miechów, Kalisz) on `<slug>.localhost` with the
public facts of its seed page. Everything else comes from the demo seeders the apps register in their
`features.py` (`centrum.core.demo.seeding.DemoSeeder`): accounts adds the platform admin and one person
per demo role (`<role>@<slug>.demo`, password `settings.DEMO_PASSWORD`), organisations about 200
organisations per centre, spaces the rooms, bookings and loans. Seeders run in the order their `after`
declares. Each runs in its own savepoint: a failing seeder is reported and skipped (with `--strict` the
command stops with an error instead). People a seeder creates get addresses in `@<slug>.demo`, and a
seeder that keeps rows outside the demo centres removes them in its `wipe`, so `--reset` starts clean.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from centrum.core.demo.seeding import seed_demo
from centrum.core.scopes import platform_scope


class Command(BaseCommand):
    help = "Create the five demo centres with every app's demo data (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo centres and people first, then recreate them.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off: the demo accounts share one published password.",
        )
        parser.add_argument(
            "--strict", action="store_true", help="Stop with an error when a demo seeder fails."
        )

    @platform_scope("command seed_demo")
    def handle(self, *args, reset=False, strict=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts (a superuser too) with the published demo password, so it "
                "runs only with DEBUG on. On a demo server that is meant to be public, add --force."
            )
        errors: list[str] = []

        def on_error(message: str) -> None:
            errors.append(message)
            self.stderr.write(message)

        reports, seconds = seed_demo(reset=reset, on_error=on_error)
        for report in reports:
            state = "created" if report.created else "already there"
            summary = ", ".join(report.summaries) or "no data"
            self.stdout.write(f"{report.host:<24} {state:<14} {summary}")
            if report.failed_seeders:
                self.stdout.write(self.style.WARNING(f"  failed seeders: {', '.join(report.failed_seeders)}"))
        self.stdout.write(self.style.SUCCESS(f"Demo ready in {seconds:.1f} s."))
        if strict and errors:
            raise CommandError(f"{len(errors)} demo seeder(s) failed.")
