from pathlib import Path

from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from centrum.core.backup import BackupError, restore
from centrum.core.scopes import platform_scope


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup`: the database (replacing its tables) and the uploaded "
        "files, then check every table's row count and every file's checksum against the archive's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--database-name",
            help="Restore into this database on the same server (SQLite: this file) instead of the configured "
            "one, e.g. a fresh database to try a backup out.",
        )
        parser.add_argument(
            "--media-root",
            help="Write the files into this folder instead of the configured storage (with --database-name).",
        )

    @platform_scope("command restore")
    def handle(
        self, *args, archive: str, database_name: str | None = None, media_root: str | None = None, **options
    ):
        settings_dict = dict(connection.settings_dict)
        if database_name:
            settings_dict["NAME"] = database_name
        connection.close()  # the restore replaces the tables this connection may hold open
        try:
            manifest = restore(
                settings_dict=settings_dict,
                storage=FileSystemStorage(location=media_root) if media_root else default_storage,
                archive_path=Path(archive),
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{settings_dict['NAME']}: {sum(manifest.tables.values())} rows in {len(manifest.tables)} tables and "
            f"{len(manifest.files)} files restored and checked"
        )
