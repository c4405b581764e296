"""The import batch: upload, chunked check with committed progress, and the all-or-nothing import.

Small files are checked and imported during the request; large ones by the `organisations.import_batches`
job. Every state change is audited.
"""

import contextlib
import time
from itertools import islice
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.bulk import bulk_insert
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.text import fold
from centrum.core.versions import bump_data_version
from centrum.core.workflow import workflow_apply

from ..centre_settings import IMPORT_MAX_FILE_KB, IMPORT_MAX_ROWS
from ..choices import OrganisationStatus
from ..importing.check import RowChecker, import_error, row_keys
from ..importing.parse import COLUMNS, StreamedList, open_list
from ..models import ActivityArea, District, ImportBatch, ImportRow, ImportStatus
from ..permissions import can_import_organisations
from .registry import NewOrganisation, organisations_create_many, organisations_raise_if_registered

# Files up to this many rows are checked (and imported) during the request; longer ones by the job.
INLINE_MAX_ROWS = 300
CHUNK_ROWS = 200
# Organisations created (and audited) with one statement each per this many rows.
IMPORT_CHUNK_ROWS = 500
# One job run stops taking new chunks after this long, so the scheduler's other jobs are not starved.
JOB_TIME_BUDGET_SECONDS = 20.0
PREVIEW_ROWS = 20
ERRORS_SHOWN = 500


def import_batch_get(*, centre: Centre, pk: int, counters_only: bool = False) -> ImportBatch:
    """The centre's batch (404 otherwise); `counters_only` leaves out the preview and errors (the progress)."""
    batches = ImportBatch.objects.filter(centre=centre, pk=pk).select_related("created_by")
    if counters_only:
        batches = batches.defer("preview", "errors")
    batch = batches.first()
    if batch is None:
        raise Http404
    return batch


def import_batch_list(*, centre: Centre) -> QuerySet[ImportBatch]:
    return (
        ImportBatch.objects.filter(centre=centre)
        .select_related("created_by")
        .defer("preview", "errors")
        .order_by("-created_at", "-id")
    )


def import_limits(centre: Centre) -> dict[str, int]:
    return {
        "max_kb": centre_setting(centre, IMPORT_MAX_FILE_KB.key),
        "max_rows": centre_setting(centre, IMPORT_MAX_ROWS.key),
    }


def import_batch_create(*, centre: Centre, actor, upload) -> ImportBatch:
    """Store an uploaded CSV as a batch; small files are checked at once, large ones by the job."""
    if not can_import_organisations(actor, centre):
        raise ApplicationError(_("Tylko pracownik centrum może importować organizacje."))
    limits = import_limits(centre)
    if upload.size > limits["max_kb"] * 1024:
        raise ApplicationError(
            _("Plik ma %(size)s KB, a centrum przyjmuje pliki do %(limit)s KB.")
            % {"size": (upload.size + 1023) // 1024, "limit": limits["max_kb"]},
            field="file",
        )
    listing = open_list(upload, max_rows=limits["max_rows"])
    name = (getattr(upload, "name", "") or "import.csv").rsplit("/", 1)[-1][:255]
    batch = ImportBatch(centre=centre, created_by=actor, original_name=name, total_rows=listing.total_rows)
    upload.seek(0)
    batch.file.save(name, upload, save=False)
    with transaction.atomic():
        batch.save()
        audit_log(
            actor=actor,
            obj=batch,
            action="organisation_import.uploaded",
            new={"file": name, "rows": batch.total_rows, "status": batch.status},
        )
    if batch.total_rows <= INLINE_MAX_ROWS:
        batch = import_batch_check(batch=batch)
    return batch


def import_batch_check(*, batch: ImportBatch, time_budget: float | None = None) -> ImportBatch:
    """Check the rows not yet checked, one committed chunk at a time, until done or out of time.

    The stored file is read row by row (never held whole), so memory does not grow with the file."""
    try:
        handle = batch.file.open("rb")
    except OSError:
        return _unreadable(batch, import_error(1, "", "file_unreadable"))
    with handle:
        try:
            listing = open_list(handle)
        except ApplicationError as exc:
            return _unreadable(batch, {"row": 1, "column": "", "message": str(exc.message)})
        return _check_rows(batch, listing, time_budget)


def _unreadable(batch: ImportBatch, error: dict) -> ImportBatch:
    try:
        return _apply(batch, "invalidate", None, values={"errors": [error], "error_count": 1})
    except ApplicationError:
        batch.refresh_from_db()  # checked meanwhile by another worker
        return batch


def _check_rows(batch: ImportBatch, listing: StreamedList, time_budget: float | None) -> ImportBatch:
    checker = RowChecker(centre=batch.centre, headers=listing.headers)
    started = time.monotonic()
    seen: dict[str, int] = {}
    seen_upto = 0  # `seen` holds the markers of the rows this many rows into the file
    rows, position = None, 0  # the file's rows from `position` on
    while True:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().defer("preview", "errors").get(pk=batch.pk)
            if locked.status != ImportStatus.UPLOADED:
                return locked
            start = locked.processed_rows
            if start != seen_upto:  # resumed, or another worker checked some chunks meanwhile
                seen = _seen_markers(locked, start)
            if rows is None or start != position:
                rows, position = listing.rows(start), start
            chunk = list(islice(rows, CHUNK_ROWS))
            position += len(chunk)
            cleaned, errors = checker.check_chunk(chunk, seen)
            seen_upto = start + len(chunk)
            _store_checked(locked, cleaned, errors)
            locked.total_rows = listing.total_rows
            locked.processed_rows = min(start + len(chunk), locked.total_rows)
            if len(chunk) < CHUNK_ROWS:
                locked.processed_rows = locked.total_rows = start + len(chunk)  # the end of the file
            locked.save(
                update_fields=["processed_rows", "total_rows", "error_count", "ok_count", "updated_at"]
            )
            if locked.processed_rows >= locked.total_rows:
                locked = _apply(locked, "invalidate" if locked.error_count else "validate", None)
        if locked.status != ImportStatus.UPLOADED:
            return locked
        if time_budget is not None and time.monotonic() - started > time_budget:
            return locked


def _seen_markers(batch: ImportBatch, upto: int) -> dict[str, int]:
    """What the rows checked so far make a duplicate of (read once when a check resumes)."""
    seen: dict[str, int] = {}
    stored = ImportRow.objects.filter(batch=batch).order_by("number").values_list("number", "data")
    for number, data in stored[:upto].iterator(chunk_size=2000):
        for _key, marker in row_keys(data):
            seen.setdefault(marker, number)
    return seen


def _store_checked(batch: ImportBatch, cleaned: list[dict], errors: list[dict]) -> None:
    """One chunk's rows into their table; the counters and the first rows and errors onto the batch.

    Only what the preview page shows is kept on the batch (a bounded JSON append), so every chunk costs
    the same however far into the file it is.
    """
    by_row: dict[int, list[dict]] = {}
    for error in errors:
        by_row.setdefault(error["row"], []).append(error)
    bulk_insert(
        ImportRow,
        (
            {
                "centre_id": batch.centre_id,
                "batch_id": batch.pk,
                "number": data["row"],
                "data": data,
                "errors": by_row.get(data["row"], []),
                "ok": data["ok"],
            }
            for data in cleaned
        ),
    )
    ok_rows = [data for data in cleaned if data["ok"]]
    more_preview = batch.ok_count < PREVIEW_ROWS and ok_rows
    more_errors = batch.error_count < ERRORS_SHOWN and errors
    if more_preview or more_errors:
        preview, shown = ImportBatch.objects.filter(pk=batch.pk).values_list("preview", "errors").get()
        ImportBatch.objects.filter(pk=batch.pk).update(
            preview=preview + ok_rows[: max(PREVIEW_ROWS - len(preview), 0)],
            errors=shown + errors[: max(ERRORS_SHOWN - len(shown), 0)],
        )
    batch.ok_count += len(ok_rows)
    batch.error_count += len(errors)


def import_batch_start(*, batch: ImportBatch, actor) -> ImportBatch:
    """Staff pressed "Importuj": a small file is imported now, a large one is queued for the job."""
    if not can_import_organisations(actor, batch.centre):
        raise ApplicationError(_("Tylko pracownik centrum może importować organizacje."))
    if batch.total_rows <= INLINE_MAX_ROWS:
        return import_batch_run(batch=batch, actor=actor, expected_status=ImportStatus.VALIDATED)
    return _apply(batch, "queue", actor)


class _RowFailed(Exception):
    def __init__(self, error: dict[str, Any]):
        super().__init__(error["message"])
        self.error = error


def import_batch_run(
    *, batch: ImportBatch, actor, expected_status: str = ImportStatus.IMPORTING
) -> ImportBatch:
    """Create every organisation of the batch in one transaction; any failure leaves nothing behind."""
    try:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().select_related("centre").get(pk=batch.pk)
            if locked.status != expected_status:
                raise ApplicationError(_("Ten plik nie czeka na import (sprawdź jego stan)."))
            created = _create_all(locked, actor)
            values = {
                "created_count": created,
                "processed_rows": locked.total_rows,
                "finished_at": timezone.now(),
            }
            return _apply(locked, "finish", actor, values=values)
    except _RowFailed as failure:
        values = {"errors": [failure.error], "finished_at": timezone.now()}
        return _apply(batch, "fail", actor, reason=failure.error["message"], values=values)


def _apply(batch: ImportBatch, action: str, actor, *, reason: str = "", values=None) -> ImportBatch:
    """Every change of a file's state goes through its workflow (organisations/workflows.py) and is audited."""
    from ..workflows import IMPORT_BATCH_STATUS

    return workflow_apply(
        row=batch,
        action=action,
        actor=actor,
        reason=reason,
        values=values,
        workflow=IMPORT_BATCH_STATUS,
    )


def _create_all(batch: ImportBatch, actor) -> int:
    """The checked rows as organisations, a chunk at a time (a few queries per chunk, not per row)."""
    rows = ImportRow.objects.filter(batch=batch, ok=True)
    if not batch.total_rows or rows.count() != batch.total_rows:
        raise _RowFailed(import_error(1, "", "not_checked"))
    names = rows.values_list("data__district", flat=True).distinct()
    districts = _districts_for(batch, actor, {name for name in names if name})
    areas = {a.code: a for a in ActivityArea.objects.all()}
    headers = {c.key: c.header for c in COLUMNS}
    _raise_if_registered(batch, rows, headers)
    bump_data_version(batch.centre_id)  # once, not per chunk: see `organisations_create_many`
    created = 0
    chunk: list[dict] = []
    for data in rows.order_by("number").values_list("data", flat=True).iterator(chunk_size=IMPORT_CHUNK_ROWS):
        chunk.append(data)
        if len(chunk) == IMPORT_CHUNK_ROWS:
            created += _create_chunk(batch, actor, chunk, districts, areas, headers)
            chunk = []
    if chunk:
        created += _create_chunk(batch, actor, chunk, districts, areas, headers)
    return created


def _raise_if_registered(batch: ImportBatch, rows, headers) -> None:
    """The file's numbers looked up in the registry before anything is created, a chunk at a time: once
    the import has added rows, a look-up per chunk would be planned on statistics that know none of them
    (PostgreSQL read every row of the centre per chunk: quadratic)."""
    keys = ("krs", "nip", "regon")
    identifiers = rows.order_by("number").values_list("number", *(f"data__{key}" for key in keys))
    chunk = []
    for number, *values in identifiers.iterator(chunk_size=IMPORT_CHUNK_ROWS):
        # SQLite reads a key of JSON holding only digits (a NIP) as a number: str() gives the digits back.
        found = {key: str(value) if value else "" for key, value in zip(keys, values, strict=True)}
        chunk.append((number, found))
        if len(chunk) == IMPORT_CHUNK_ROWS:
            _raise_if_registered_chunk(batch, chunk, headers)
            chunk = []
    _raise_if_registered_chunk(batch, chunk, headers)


def _raise_if_registered_chunk(batch, chunk, headers) -> None:
    if not chunk:
        return
    try:
        organisations_raise_if_registered(centre=batch.centre, identifiers=chunk)
    except ApplicationError as exc:
        raise _RowFailed(
            {"row": exc.extra["key"], "column": headers.get(exc.field or "", ""), "message": str(exc.message)}
        )


def _create_chunk(batch, actor, chunk, districts, areas, headers) -> int:
    reason = _("Import z pliku „%(file)s”, wiersz %(row)d.")
    entries = []
    for row in chunk:
        data = {k: v for k, v in row.items() if k not in {"row", "ok", "areas", "district"}}
        data["district"] = districts.get(fold(row.get("district", ""))) if row.get("district") else None
        entries.append(
            NewOrganisation(
                data=data,
                areas=[areas[code] for code in row.get("areas", []) if code in areas],
                reason=reason % {"file": batch.original_name, "row": row["row"]},
                key=row["row"],
            )
        )
    try:
        organisations_create_many(
            centre=batch.centre,
            actor=actor,
            entries=entries,
            status=OrganisationStatus.ACTIVE,
            registry_checked=True,
            bump_version=False,  # once for the whole file, in `_create_all`
        )
    except ApplicationError as exc:
        row = exc.extra.get("key") if exc.extra else None
        raise _RowFailed(
            {
                "row": row or chunk[0]["row"],
                "column": headers.get(exc.field or "", ""),
                "message": str(exc.message),
            }
        )
    return len(chunk)


def _districts_for(batch: ImportBatch, actor, names: set[str]) -> dict[str, District]:
    """The centre's districts by folded name; names not known yet become new districts (audited)."""
    existing = {fold(d.name): d for d in District.objects.filter(centre=batch.centre)}
    for name in sorted(names):
        if fold(name) in existing:
            continue
        district = District(centre=batch.centre, name=name)
        district.full_clean(validate_constraints=False)
        district.save()
        audit_log(
            actor=actor,
            obj=district,
            action="district.created",
            new={"name": name},
            reason=_("Import z pliku „%(file)s”.") % {"file": batch.original_name},
        )
        existing[fold(name)] = district
    return existing


def import_batches_process(*, time_budget: float = JOB_TIME_BUDGET_SECONDS) -> dict[str, int]:
    """The job's work: check uploaded large files, then import the queued ones."""
    started = time.monotonic()
    checked = imported = 0
    for batch in (
        ImportBatch.objects.filter(status=ImportStatus.UPLOADED).select_related("centre").order_by("id")
    ):
        remaining = time_budget - (time.monotonic() - started)
        if remaining <= 0 and checked:
            break
        import_batch_check(batch=batch, time_budget=max(remaining, 0))
        checked += 1
    queued = ImportBatch.objects.filter(status=ImportStatus.IMPORTING).select_related("centre", "created_by")
    for batch in queued.order_by("id"):
        if batch.created_by is None or not can_import_organisations(batch.created_by, batch.centre):
            values = {"errors": [import_error(1, "", "requester_not_staff")], "finished_at": timezone.now()}
            with contextlib.suppress(ApplicationError):  # taken meanwhile by another worker
                _apply(batch, "fail", None, values=values)
            continue
        try:
            import_batch_run(batch=batch, actor=batch.created_by)
        except ApplicationError:
            continue  # another worker took it first
        imported += 1
    return {"checked": checked, "imported": imported}
