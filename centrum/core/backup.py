"""Backup and restore of everything Centrum keeps: the database and the uploaded files, in one archive.

The archive (`.tar.gz`) holds `manifest.json` (the database vendor, the number of rows of every table and a
SHA-256 checksum of every file), the database (`database.pgdump`, PostgreSQL's custom format written by
`pg_dump`, or `database.sqlite3`, a copy made with SQLite's online backup API) and the files under
`media/` exactly as the storage names them (centres' and organisations' logos, room photos, imported
files), read through Django's storage API, so local disk and S3-compatible storage are backed up alike.
`manage.py backup` / `manage.py restore` (README, "Backups") call these functions; after a restore the
rows and files are counted and checked against the manifest.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db.utils import ConnectionHandler
from django.utils import timezone

MANIFEST = "manifest.json"
MEDIA = "media/"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot be done or did not give back what was saved."""


@dataclass
class Manifest:
    vendor: str
    tables: dict[str, int]
    files: dict[str, str]
    created_at: str = field(default_factory=lambda: timezone.now().isoformat())


def _vendor(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    for vendor in DUMPS:
        if vendor in engine:
            return vendor
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")


def _wrapper(settings_dict: dict):
    """A Django connection to the database `settings_dict` describes (another database than the default)."""
    return ConnectionHandler({"default": dict(settings_dict)})["default"]


def row_counts(connection) -> dict[str, int]:
    """Rows per table of the database of `connection` (a Django connection), every table, Django's own too."""
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (names from introspection)
            counts[table] = cursor.fetchone()[0]
        return counts


def row_counts_of(settings_dict: dict) -> dict[str, int]:
    connection = _wrapper(settings_dict)
    try:
        return row_counts(connection)
    finally:
        connection.close()


def _pg_environment(settings_dict: dict) -> tuple[dict[str, str], list[str]]:
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    return env, args


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise BackupError(
            f"{command[0]} not found: install the PostgreSQL client (postgresql-client)."
        ) from exc
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def dump_database(connection, path: Path) -> None:
    """The database of `connection` (a Django connection) into `path`."""
    vendor = _vendor(connection.settings_dict)
    if vendor == "postgresql":
        env, args = _pg_environment(connection.settings_dict)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                *args,
                "--file",
                str(path),
                connection.settings_dict["NAME"],
            ],
            env,
        )
        return
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def restore_database(settings_dict: dict, path: Path) -> None:
    """The dump at `path` into the (fresh or to be replaced) database `settings_dict` describes."""
    vendor = _vendor(settings_dict)
    if vendor == "postgresql":
        env, args = _pg_environment(settings_dict)
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                *args,
                "--dbname",
                settings_dict["NAME"],
                str(path),
            ],
            env,
        )
        return
    connection = _wrapper(settings_dict)
    try:
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    finally:
        connection.close()


def stored_files(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file's name in the storage, walking its folders."""
    try:
        folders, files = storage.listdir(directory)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for folder in sorted(folders):
        yield from stored_files(storage, f"{directory}/{folder}" if directory else folder)


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_checksums(storage: Storage) -> dict[str, str]:
    checksums = {}
    for name in stored_files(storage):
        with storage.open(name, "rb") as f:
            checksums[name] = checksum(f.read())
    return checksums


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(*, connection, storage: Storage, archive_path: Path) -> Manifest:
    """The database and every stored file into one `.tar.gz` at `archive_path`."""
    vendor = _vendor(connection.settings_dict)
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DUMPS[vendor]
        dump_database(connection, dump)
        manifest = Manifest(vendor=vendor, tables=row_counts(connection), files={})
        with tarfile.open(archive_path, "w:gz") as archive:
            archive.add(dump, arcname=DUMPS[vendor])
            for name in stored_files(storage):
                with storage.open(name, "rb") as f:
                    data = f.read()
                manifest.files[name] = checksum(data)
                _add(archive, MEDIA + name, data)
            _add(archive, MANIFEST, json.dumps(manifest.__dict__, indent=2, ensure_ascii=False).encode())
    return manifest


def read_manifest(archive_path: Path) -> Manifest:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            return Manifest(**json.loads(archive.extractfile(MANIFEST).read()))
    except (OSError, tarfile.TarError, KeyError, TypeError, ValueError) as exc:
        raise BackupError(f"{archive_path} is not a Centrum backup: {exc}") from exc


def restore(*, settings_dict: dict, storage: Storage, archive_path: Path) -> Manifest:
    """The archive's database into `settings_dict`'s database and its files into `storage`, then checked:
    every table has the rows it had and every file its checksum, else BackupError."""
    manifest = read_manifest(archive_path)
    if manifest.vendor != _vendor(settings_dict):
        raise BackupError(f"This archive holds a {manifest.vendor} database.")
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(archive_path, "r:gz") as archive:
        dump = Path(scratch) / DUMPS[manifest.vendor]
        with archive.extractfile(DUMPS[manifest.vendor]) as source, dump.open("wb") as target:
            shutil.copyfileobj(source, target)
        restore_database(settings_dict, dump)
        for member in archive.getmembers():
            if not member.isfile() or not member.name.startswith(MEDIA):
                continue
            name = member.name[len(MEDIA) :]
            if name not in manifest.files:
                continue  # only what the manifest lists, never a path an edited archive slipped in
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, ContentFile(archive.extractfile(member).read()))
            if saved != name:
                raise BackupError(f"The storage stored {name} as {saved}.")
    verify(manifest, settings_dict=settings_dict, storage=storage)
    return manifest


def verify(manifest: Manifest, *, settings_dict: dict, storage: Storage) -> None:
    counts = row_counts_of(settings_dict)
    wrong = {t: (n, counts.get(t)) for t, n in manifest.tables.items() if counts.get(t) != n}
    if wrong:
        raise BackupError(f"Rows differ after the restore (table: saved, restored): {wrong}")
    missing = []
    for name, expected in manifest.files.items():
        if not storage.exists(name):
            missing.append(name)
            continue
        with storage.open(name, "rb") as f:
            if checksum(f.read()) != expected:
                missing.append(name)
    if missing:
        raise BackupError(f"Files missing or changed after the restore: {missing}")
