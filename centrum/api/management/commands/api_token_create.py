"""Issue an API token for a person in a centre and print the key (shown only this once)."""

from django.core.management.base import BaseCommand, CommandError

from centrum.accounts.models import User
from centrum.accounts.services import api_token_create
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.scopes import platform_scope


class Command(BaseCommand):
    help = (
        "Wydaj token API osobie w centrum / issue an API token: --centre kalisz --email a@b.pl --name skrypt"
    )

    def add_arguments(self, parser):
        parser.add_argument("--centre", required=True, help="identyfikator (slug) centrum")
        parser.add_argument("--email", required=True, help="e-mail osoby, w której imieniu działa skrypt")
        parser.add_argument("--name", required=True, help="nazwa tokenu, np. nazwa skryptu")

    @platform_scope("command api_token_create")
    def handle(self, *args, centre, email, name, **options):
        found_centre = Centre.objects.filter(slug=centre).first()
        if found_centre is None:
            raise CommandError(f"Nie ma centrum „{centre}”.")
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"Nie ma konta {email}.")
        try:
            token, key = api_token_create(user=user, centre=found_centre, name=name)
        except ApplicationError as exc:
            raise CommandError(exc.message)
        self.stderr.write(f"Token „{token.name}” ({token.prefix}…) dla {user.email} w {found_centre.slug}:")
        self.stdout.write(key)
