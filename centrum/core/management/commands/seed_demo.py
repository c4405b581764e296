"""Load the demo: the five seed centres with their organisations and demo accounts.

    manage.py seed_demo            create whatever is missing; running it again changes nothing
    manage.py seed_demo --reset    delete the demo centres and demo people, then create them afresh
    manage.py seed_demo --force    also when DEBUG is off (a public demo server, the tests)

What it creates, per centre (Żory, Częstochowa, Mysłowice, Miechów, Kalisz), on `<slug>.localhost`:
the centre's public facts from its seed page, its districts, about 200 organisations with valid NIP,
REGON and KRS numbers (the same every time: the random generator is seeded), and one person per
demo role from `centrum.accounts.demo` (`<role>@<slug>.demo`), plus the platform admin
`admin@centrum.demo`. Every password is `settings.DEMO_PASSWORD`; every e-mail address is verified.

Hooks for other apps: after a centre's own data exists, every installed app that has a module
`<app>.demo` with a function `seed(*, centre, rng)` is called for that centre, in INSTALLED_APPS
order. `rng` is a `random.Random` seeded with the app label and the centre's slug, so an app's demo
data stays the same whatever other apps draw. A hook must be idempotent (look up before creating),
may look up the demo people with `centrum.accounts.demo.demo_email(role_key, centre.slug)` and
the demo organisations with the organisations' selectors, and should give any people it creates
e-mail addresses in `@<slug>.demo` so that `--reset` removes them. Each hook runs in its own
savepoint: a failing hook is reported and skipped (with `--strict` it stops the command instead).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from centrum.core.demo.seeding import seed_demo
from centrum.core.scopes import platform_scope


class Command(BaseCommand):
    help = "Create the five demo centres with organisations and demo accounts (idempotent)."

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
            "--strict", action="store_true", help="Stop with an error when an app's demo hook fails."
        )

    @platform_scope("command seed_demo")
    def handle(self, *args, reset=False, strict=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts (a superuser too) with the published demo password, so it "
                "runs only with DEBUG on. On a demo server that is meant to be public, add --force."
            )
        errors: list[str] = []

        def on_hook_error(message: str) -> None:
            errors.append(message)
            self.stderr.write(message)

        reports, seconds = seed_demo(reset=reset, on_hook_error=on_hook_error)
        for report in reports:
            state = "created" if report.created else "already there"
            hooks = ", ".join(report.hooks) or "none"
            self.stdout.write(
                f"{report.host:<24} {state:<14} organisations: {report.organisations_total:>4} "
                f"(+{report.organisations_created}), people: {report.users}, app hooks: {hooks}"
            )
            if report.failed_hooks:
                self.stdout.write(self.style.WARNING(f"  failed hooks: {', '.join(report.failed_hooks)}"))
        self.stdout.write(self.style.SUCCESS(f"Demo ready in {seconds:.1f} s."))
        if strict and errors:
            raise CommandError(f"{len(errors)} demo hook(s) failed.")
