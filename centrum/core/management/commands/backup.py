from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from centrum.core.backup import BackupError, backup
from centrum.core.scopes import platform_scope


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump or SQLite's backup API) and every uploaded file (logos, room photos, "
        "imported files) into one .tar.gz with a manifest of row counts and checksums (README, Backups)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Where to write the archive, e.g. centrum-2026-06-17.tar.gz")

    @platform_scope("command backup")
    def handle(self, *args, archive: str, **options):
        try:
            manifest = backup(connection=connection, storage=default_storage, archive_path=Path(archive))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{archive}: {manifest.vendor} database, {sum(manifest.tables.values())} rows in "
            f"{len(manifest.tables)} tables, {len(manifest.files)} files"
        )
