"""Every state change of a CSV import leaves an audit record: the upload, the queueing and the outcome."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry
from centrum.organisations.models import ImportBatch, ImportStatus
from centrum.organisations.services import imports

from .test_import import ROWS, csv_bytes


def _upload(data: bytes, name: str = "lista.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, "text/csv")


def _entries(batch, action):
    return AuditEntry.objects.filter(action=action, object_id=str(batch.pk))


def test_upload_is_audited(centre, staff_user):
    batch = imports.import_batch_create(centre=centre, actor=staff_user, upload=_upload(csv_bytes(ROWS)))
    entry = _entries(batch, "organisation_import.uploaded").get()
    assert entry.actor == staff_user and entry.centre == centre
    assert entry.new_state == {"file": "lista.csv", "rows": 3, "status": ImportStatus.UPLOADED}


def test_refused_upload_leaves_no_batch_and_no_record(centre, staff_user, plain_user):
    with pytest.raises(ApplicationError):
        imports.import_batch_create(centre=centre, actor=plain_user, upload=_upload(csv_bytes(ROWS)))
    with pytest.raises(ApplicationError):
        imports.import_batch_create(centre=centre, actor=staff_user, upload=_upload(b"\x00\x01binary"))
    assert not ImportBatch.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="organisation_import.").exists()


def test_queueing_a_large_file_is_audited(centre, staff_user, monkeypatch):
    monkeypatch.setattr(imports, "INLINE_MAX_ROWS", 2)
    batch = imports.import_batch_create(centre=centre, actor=staff_user, upload=_upload(csv_bytes(ROWS)))
    imports.import_batches_process()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.VALIDATED, batch.errors

    batch = imports.import_batch_start(batch=batch, actor=staff_user)
    assert batch.status == ImportStatus.IMPORTING
    entry = _entries(batch, "organisation_import.queued").get()
    assert entry.actor == staff_user and entry.centre == centre
    assert entry.old_state == {"status": ImportStatus.VALIDATED}
    assert entry.new_state == {"status": ImportStatus.IMPORTING}

    # A second press finds nothing waiting: refused, and not recorded again.
    with pytest.raises(ApplicationError):
        imports.import_batch_start(batch=batch, actor=staff_user)
    assert _entries(batch, "organisation_import.queued").count() == 1


def test_small_file_started_records_its_outcome(centre, staff_user):
    batch = imports.import_batch_create(centre=centre, actor=staff_user, upload=_upload(csv_bytes(ROWS)))
    assert batch.status == ImportStatus.VALIDATED, batch.errors
    imports.import_batch_start(batch=batch, actor=staff_user)
    actions = list(
        AuditEntry.objects.filter(object_id=str(batch.pk), action__startswith="organisation_import.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "organisation_import.uploaded",
        "organisation_import.validated",
        "organisation_import.done",
    ]
    done = _entries(batch, "organisation_import.done").get()
    assert done.old_state["status"] == ImportStatus.VALIDATED and done.new_state["created_count"] == 3


def test_start_by_a_non_staff_person_is_refused_and_not_recorded(centre, staff_user, plain_user):
    batch = imports.import_batch_create(centre=centre, actor=staff_user, upload=_upload(csv_bytes(ROWS)))
    with pytest.raises(ApplicationError):
        imports.import_batch_start(batch=batch, actor=plain_user)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.VALIDATED
    assert not AuditEntry.objects.filter(actor=plain_user).exists()
