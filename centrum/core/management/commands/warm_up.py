"""`manage.py warm_up`: load what a server's first request would, and say how long each part took."""

from django.core.management.base import BaseCommand

from centrum.core.warmup import warm_up


class Command(BaseCommand):
    help = "Load URL resolvers, templates, translations and holiday data; print the time of each."

    def handle(self, *args, **options):
        for label, seconds in warm_up().items():
            self.stdout.write(f"{label}: {seconds:.3f} s")
