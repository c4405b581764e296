"""Backup and restore: `manage.py backup` writes the database and every uploaded file into one archive;
`manage.py restore` puts them into a fresh database and storage, where every table has its rows and every
file its checksum (PostgreSQL: pg_dump / pg_restore; SQLite: its online backup API)."""

import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from centrum.core.backup import MANIFEST, file_checksums, read_manifest, row_counts, row_counts_of
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.models import ImportBatch
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.models import RoomPhoto
from centrum.spaces.tests.factories import BookingFactory, RoomFactory

pytestmark = pytest.mark.django_db(transaction=True)

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _world():
    centre = CentreFactory(slug="kalisz", host="kalisz.localhost")
    centre.logo.save("kalisz.png", ContentFile(PNG))
    organisations = [OrganisationFactory(centre=centre, name=f"Fundacja Kopii {i}") for i in range(3)]
    organisations[0].logo.save("fundacja.png", ContentFile(PNG + b"fundacja"))
    room = RoomFactory(centre=centre, name="Sala kominkowa")
    photo = RoomPhoto(centre=centre, room=room, alt_text="Sala z kominkiem")
    photo.image.save("sala.png", ContentFile(PNG + b"sala"))
    BookingFactory(room=room, organisation=organisations[1])
    batch = ImportBatch(centre=centre, original_name="lista.csv", total_rows=1)
    batch.file.save("lista.csv", ContentFile("nazwa;krs\nFundacja Łódź;0000431452\n".encode("cp1250")))


@pytest.fixture(autouse=True)
def empty_storage(settings):
    """A storage of this test's files only (the tests' in-memory storage keeps other tests' files)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database beside the test database (PostgreSQL: same server; SQLite: a new file)."""
    if connection.vendor == "sqlite":
        yield str(tmp_path / "odtworzona.sqlite3")
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name}")
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_backup_restores_into_a_fresh_database_with_every_row_and_file(tmp_path, fresh_database):
    _world()
    rows, files = row_counts(connection), file_checksums(default_storage)
    assert rows["organisations_organisation"] == 3 and rows["spaces_booking"] == 1
    assert len(files) == 4 and any(name.startswith("imports/") for name in files)
    archive = tmp_path / "centrum.tar.gz"
    call_command("backup", str(archive))
    with tarfile.open(archive) as tar:
        assert MANIFEST in tar.getnames()
    assert read_manifest(archive).files == files

    for name in files:  # the files are lost
        default_storage.delete(name)
    call_command("restore", str(archive), database_name=fresh_database)

    restored = {**connection.settings_dict, "NAME": fresh_database}
    assert row_counts_of(restored) == rows
    assert file_checksums(default_storage) == files


def test_a_backup_is_tried_out_beside_the_live_site(tmp_path, fresh_database):
    _world()
    rows, files = row_counts(connection), file_checksums(default_storage)
    archive = tmp_path / "centrum.tar.gz"
    call_command("backup", str(archive))
    media = tmp_path / "media"
    call_command("restore", str(archive), database_name=fresh_database, media_root=str(media))
    assert row_counts_of({**connection.settings_dict, "NAME": fresh_database}) == rows
    assert file_checksums(FileSystemStorage(location=media)) == files


def test_a_missing_or_damaged_backup_is_reported(tmp_path, fresh_database):
    _world()
    archive = tmp_path / "centrum.tar.gz"
    call_command("backup", str(archive))
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "nie-ma.tar.gz"), database_name=fresh_database)
    damaged = tmp_path / "uszkodzona.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            if not member.name.startswith("media/imports/"):
                target.addfile(member, source.extractfile(member))
    for name in file_checksums(default_storage):
        default_storage.delete(name)
    with pytest.raises(CommandError, match="imports/"):
        call_command("restore", str(damaged), database_name=fresh_database)
