"""Migrate once, copy many times: the test database is built by the migrations once per set of
migrations and copied into every later test database (each xdist worker, each stage, each date of
`scripts/test.sh dates`).

Running the ~60 migrations costs several CPU seconds per test database (SQLite rebuilds a table for most
schema changes, and Django renders the model states again and again); the suite creates one per xdist
worker, per stage and per frozen date, 17 times in `scripts/test.sh all`. The migrations still run, in
full, whenever they (or the code they import) change, so a broken migration fails as before.

* SQLite (in-memory test database): the migrated database is saved to `var/test-db/sqlite-<key>.sqlite3`
  and later databases are filled from it with SQLite's online backup. The key is a hash of every
  migration file of every installed app, the project's own Python code (data migrations import it),
  the installed package versions and the database settings, so a stale copy is never used.
* PostgreSQL: the first worker migrates its database and copies it to a template database
  (`CREATE DATABASE … TEMPLATE …`); the other workers clone the template, which is much faster than
  migrating. The throwaway cluster of `scripts/test.sh postgres` takes the templates with it.

CENTRUM_TEST_DB_TEMPLATE=0 turns this off (every test database migrated, as Django does it).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sqlite3
import time
from importlib import metadata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CACHE_DIR = REPO_ROOT / "var" / "test-db"
ENABLED = os.environ.get("CENTRUM_TEST_DB_TEMPLATE", "1") not in ("", "0")
_OWN_CODE = ("centrum", "config")


def _template_key(settings_dict: dict) -> str:
    """A hash of everything the migrated database depends on."""
    from django.apps import apps

    digest = hashlib.sha256()
    files: set[Path] = set()
    for config in apps.get_app_configs():
        migrations = Path(config.path) / "migrations"
        if migrations.is_dir():
            files.update(migrations.rglob("*.py"))
    for top in _OWN_CODE:  # data migrations and post_migrate handlers import the project's own code
        files.update(
            p for p in (REPO_ROOT / top).rglob("*.py") if "tests" not in p.relative_to(REPO_ROOT).parts
        )
    for path in sorted(files):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join(versions).encode())
    # Not the names: they differ between xdist workers and do not change what the migrations build.
    digest.update(
        repr(sorted((k, str(v)) for k, v in settings_dict.items() if k not in ("NAME", "TEST"))).encode()
    )
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def _locked(path: Path):
    """An exclusive lock across processes (the xdist workers of one run, or two runs at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def install() -> None:
    """Replace DatabaseCreation.create_test_db for SQLite (in memory) and PostgreSQL."""
    if not ENABLED:
        return
    from django.db.backends.base.creation import BaseDatabaseCreation

    original = BaseDatabaseCreation.create_test_db
    if getattr(original, "_centrum_template", False):
        return

    def create_test_db(self, verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        vendor = self.connection.vendor
        if keepdb or vendor not in ("sqlite", "postgresql") or not _own_apps_only():
            return original(self, verbosity, autoclobber, serialize, keepdb)
        if vendor == "sqlite":
            if not self.is_in_memory_db(self._get_test_db_name()):
                return original(self, verbosity, autoclobber, serialize, keepdb)
            return _sqlite_from_template(self, original, verbosity, autoclobber, serialize)
        return _postgres_from_template(self, original, verbosity, autoclobber, serialize)

    create_test_db._centrum_template = True
    BaseDatabaseCreation.create_test_db = create_test_db


def _prune(keep: Path) -> None:
    """Forget copies of other migration sets no run has used for a day."""
    for old in CACHE_DIR.glob("sqlite-*.sqlite3"):
        with contextlib.suppress(OSError):
            if old != keep and time.time() - old.stat().st_mtime > 86_400:
                old.unlink()


def _own_apps_only() -> bool:
    """False when an app lives outside the repository and the installed packages (the app template's
    test renders a throwaway app in a temporary directory): migrate as Django does."""
    import sys

    from django.apps import apps

    roots = (str(REPO_ROOT), sys.prefix, sys.base_prefix)
    return all(str(Path(config.path).resolve()).startswith(roots) for config in apps.get_app_configs())


def _finish(creation, test_database_name: str, serialize: bool) -> str:
    """What Django's create_test_db does after migrating."""
    from django.core.management import call_command

    if serialize:
        creation.connection._test_serialized_contents = creation.serialize_db_to_string()
    call_command("createcachetable", database=creation.connection.alias)
    creation.connection.ensure_connection()
    return test_database_name


def _point_at(creation, test_database_name: str) -> None:
    from django.conf import settings

    creation.connection.close()
    settings.DATABASES[creation.connection.alias]["NAME"] = test_database_name
    creation.connection.settings_dict["NAME"] = test_database_name


def _sqlite_from_template(creation, original, verbosity, autoclobber, serialize) -> str:
    path = CACHE_DIR / f"sqlite-{_template_key(creation.connection.settings_dict)}.sqlite3"
    with _locked(CACHE_DIR / "sqlite"):
        if not path.exists():
            name = original(creation, verbosity, autoclobber, serialize, False)
            creation.connection.ensure_connection()
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            target = sqlite3.connect(partial)
            creation.connection.connection.backup(target)
            target.close()
            os.replace(partial, path)
            _prune(path)
            return name
        os.utime(path)  # in use: kept by _prune
    test_database_name = creation._get_test_db_name()
    if verbosity >= 1:
        creation.log(
            f"Copying the migrated test database for alias {creation.connection.alias!r} from {path.name}"
        )
    creation._create_test_db(verbosity, autoclobber, False)
    _point_at(creation, test_database_name)
    creation.connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(creation.connection.connection)
    finally:
        source.close()
    return _finish(creation, test_database_name, serialize)


def _postgres_from_template(creation, original, verbosity, autoclobber, serialize) -> str:
    connection = creation.connection
    test_database_name = creation._get_test_db_name()
    base = connection.settings_dict.get("TEST", {}).get("NAME") or f"test_{connection.settings_dict['NAME']}"
    template = f"{base.rsplit('_gw', 1)[0]}_template_{_template_key(connection.settings_dict)}"[:63]
    qn = connection.ops.quote_name
    with _locked(CACHE_DIR / f"postgres-{connection.settings_dict.get('PORT') or 5432}"):
        with creation._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            exists = cursor.fetchone() is not None
        if not exists:
            name = original(creation, verbosity, autoclobber, serialize, False)
            connection.close()
            with creation._nodb_cursor() as cursor:
                cursor.execute(f"CREATE DATABASE {qn(template)} TEMPLATE {qn(test_database_name)}")
            connection.ensure_connection()
            return name
        if verbosity >= 1:
            creation.log(f"Cloning the migrated test database for alias {connection.alias!r} from {template}")
        with creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {qn(test_database_name)}")
            cursor.execute(f"CREATE DATABASE {qn(test_database_name)} TEMPLATE {qn(template)}")
    _point_at(creation, test_database_name)
    return _finish(creation, test_database_name, serialize)
