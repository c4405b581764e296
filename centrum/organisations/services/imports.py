"""The import batch: upload, chunked check with committed progress, and the all-or-nothing import.

Small files are checked and imported during the request; large ones by the `organisations.import_batches`
job. Every state change is audited.
"""

import contextlib
import time
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.text import fold
from centrum.core.workflow import workflow_apply

from ..centre_settings import IMPORT_MAX_FILE_KB, IMPORT_MAX_ROWS
from ..choices import OrganisationStatus
from ..importing.check import RowChecker, import_error, name_city
from ..importing.parse import COLUMNS, ParsedFile, parse_csv
from ..models import ActivityArea, District, ImportBatch, ImportStatus
from ..permissions import can_import_organisations
from .registry import organisation_create

# Files up to this many rows are checked (and imported) during the request; longer ones by the job.
INLINE_MAX_ROWS = 300
CHUNK_ROWS = 200
# One job run stops taking new chunks after this long, so the scheduler's other jobs are not starved.
JOB_TIME_BUDGET_SECONDS = 20.0
PREVIEW_ROWS = 20
ERRORS_SHOWN = 500


def import_batch_get(*, centre: Centre, pk: int) -> ImportBatch:
    batch = ImportBatch.objects.filter(centre=centre, pk=pk).select_related("created_by").first()
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
    data = upload.read()
    parsed = parse_csv(data, max_rows=limits["max_rows"])
    name = (getattr(upload, "name", "") or "import.csv").rsplit("/", 1)[-1][:255]
    batch = ImportBatch(centre=centre, created_by=actor, original_name=name, total_rows=len(parsed.rows))
    batch.file.save(name, ContentFile(data), save=False)
    with transaction.atomic():
        batch.save()
        audit_log(
            actor=actor,
            obj=batch,
            action="organisation_import.uploaded",
            new={"file": name, "rows": batch.total_rows, "status": batch.status},
        )
    if batch.total_rows <= INLINE_MAX_ROWS:
        batch = import_batch_check(batch=batch, parsed=parsed)
    return batch


def import_batch_check(
    *, batch: ImportBatch, parsed: ParsedFile | None = None, time_budget: float | None = None
) -> ImportBatch:
    """Check the rows not yet checked, one committed chunk at a time, until done or out of time."""
    if parsed is None:
        try:
            with batch.file.open("rb") as handle:
                parsed = parse_csv(handle.read())
        except (ApplicationError, OSError) as exc:
            message = getattr(exc, "message", None)
            error = (
                {"row": 1, "column": "", "message": str(message)}
                if message
                else import_error(1, "", "file_unreadable")
            )
            try:
                return _apply(batch, "invalidate", None, values={"errors": [error]})
            except ApplicationError:
                batch.refresh_from_db()  # checked meanwhile by another worker
                return batch
    checker = RowChecker(centre=batch.centre, headers=parsed.headers)
    started = time.monotonic()
    while True:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
            if locked.status != ImportStatus.UPLOADED:
                return locked
            seen = {}
            for data in locked.preview:
                for key in ("krs", "nip", "regon"):
                    if data.get(key):
                        seen.setdefault(f"{key}:{data[key]}", data["row"])
                if data.get("name"):
                    seen.setdefault(f"name_city:{name_city(data)}", data["row"])
            start = locked.processed_rows
            cleaned, errors = checker.check_chunk(parsed.rows[start : start + CHUNK_ROWS], seen)
            locked.preview = locked.preview + cleaned
            locked.errors = locked.errors + errors
            locked.processed_rows = min(start + CHUNK_ROWS, len(parsed.rows))
            locked.total_rows = len(parsed.rows)
            locked.save(update_fields=["preview", "errors", "processed_rows", "total_rows", "updated_at"])
            if locked.processed_rows >= locked.total_rows:
                locked = _apply(locked, "invalidate" if locked.errors else "validate", None)
        if locked.status != ImportStatus.UPLOADED:
            return locked
        if time_budget is not None and time.monotonic() - started > time_budget:
            return locked


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
    rows = [r for r in batch.preview if r.get("ok")]
    if len(rows) != batch.total_rows or not rows:
        raise _RowFailed(import_error(1, "", "not_checked"))
    districts = _districts_for(batch, actor, {r["district"] for r in rows if r.get("district")})
    areas = {a.code: a for a in ActivityArea.objects.all()}
    headers = {c.key: c.header for c in COLUMNS}
    for row in rows:
        data = {k: v for k, v in row.items() if k not in {"row", "ok", "areas", "district"}}
        data["district"] = districts.get(fold(row.get("district", ""))) if row.get("district") else None
        try:
            organisation_create(
                centre=batch.centre,
                actor=actor,
                data=data,
                areas=[areas[code] for code in row.get("areas", []) if code in areas],
                status=OrganisationStatus.ACTIVE,
                notify=False,
                reason=_("Import z pliku „%(file)s”, wiersz %(row)d.")
                % {"file": batch.original_name, "row": row["row"]},
            )
        except ApplicationError as exc:
            raise _RowFailed(
                {"row": row["row"], "column": headers.get(exc.field or "", ""), "message": str(exc.message)}
            )
    return len(rows)


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
