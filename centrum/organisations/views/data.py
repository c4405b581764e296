"""Staff pages for the CSV import, the directory export (public and extended) and the KRS refresh."""

from collections.abc import Iterator
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.audit_display import display_date, field_label, format_value
from centrum.core.exceptions import ApplicationError
from centrum.core.exports import table_response
from centrum.core.permissions import is_centre_staff
from centrum.core.views import centre_required, staff_required

from ..choices import KrsRegisterStatus, LegalForm
from ..exporting import directory_filters, export_filename, export_rows
from ..forms.data import ImportUploadForm
from ..importing import template_csv
from ..models import ImportStatus, Organisation
from ..selectors.registry import organisation_get
from ..services.imports import (
    ERRORS_SHOWN,
    PREVIEW_ROWS,
    import_batch_create,
    import_batch_get,
    import_batch_list,
    import_batch_start,
    import_limits,
)
from ..services.krs import organisation_krs_preview, organisation_refresh_from_krs
from .uploads import upload_page

PENDING_STATUSES = (ImportStatus.UPLOADED, ImportStatus.IMPORTING)


@staff_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    return upload_page(
        request,
        form=ImportUploadForm(request.POST or None, request.FILES or None),
        create=lambda data: import_batch_create(
            centre=request.centre, actor=request.user, upload=data["file"]
        ),
        preview_url="organisations:import_preview",
        template="organisations/data/import_upload.html",
        context=lambda: {
            "limits": import_limits(request.centre),
            "batches": import_batch_list(centre=request.centre)[:10],
        },
    )


@staff_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="szablon-importu-organizacji.csv"'
    return response


@staff_required
@require_GET
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    batch = import_batch_get(centre=request.centre, pk=pk)
    labels = dict(LegalForm.choices)
    ok_rows = [row for row in batch.preview if row.get("ok")]
    rows = [
        {**row, "legal_form_label": labels.get(row.get("legal_form"), "")} for row in ok_rows[:PREVIEW_ROWS]
    ]
    errors = batch.errors[:ERRORS_SHOWN]
    # Batches checked before the counters existed have every row and error in the JSON.
    error_count = max(batch.error_count, len(batch.errors))
    ok_count = max(batch.ok_count, len(ok_rows))
    return render(
        request,
        "organisations/data/import_preview.html",
        {
            "batch": batch,
            "pending": batch.status in PENDING_STATUSES,
            "errors": errors,
            "error_count": error_count,
            "errors_hidden": max(error_count - len(errors), 0),
            "rows": rows,
            "rows_total": ok_count,
            "can_import": batch.status == ImportStatus.VALIDATED,
        },
    )


@staff_required
@require_GET
def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The polled fragment; once the work is over, htmx reloads the whole page to show the result."""
    batch = import_batch_get(centre=request.centre, pk=pk, counters_only=True)
    pending = batch.status in PENDING_STATUSES
    if not pending and request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("organisations:import_preview", args=[batch.pk])
        return response
    return render(request, "organisations/data/_import_progress.html", {"batch": batch, "pending": pending})


@staff_required
@require_POST
def import_run(request: HttpRequest, pk: int) -> HttpResponse:
    batch = import_batch_get(centre=request.centre, pk=pk)
    try:
        batch = import_batch_start(batch=batch, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        if batch.status == ImportStatus.DONE:
            messages.success(
                request, _("Zaimportowano organizacje: %(count)d.") % {"count": batch.created_count}
            )
        elif batch.status == ImportStatus.FAILED:
            messages.error(request, _("Import się nie udał – nie zapisano żadnej organizacji."))
        else:
            messages.info(request, _("Import trwa. Ta strona pokaże wynik, gdy się skończy."))
    return redirect("organisations:import_preview", pk=batch.pk)


def _directory_export(view):
    """An export view gets the directory rows the request asks for: the public fields, or every field
    (`?pola=rozszerzone`) for the centre's staff; a visitor asking for those logs in first."""

    @wraps(view)
    def with_rows(request: HttpRequest) -> HttpResponse:
        extended = request.GET.get("pola") == "rozszerzone"
        if extended and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if extended and not is_centre_staff(request.user, request.centre):
            raise PermissionDenied
        rows = export_rows(centre=request.centre, filters=directory_filters(request.GET), extended=extended)
        return view(request, rows)

    return with_rows


@centre_required
@require_GET
@_directory_export
def export_csv(request: HttpRequest, rows: Iterator[list]) -> HttpResponse:
    # Streamed after the middleware has returned: the rows are read in this request's centre scope.
    name = export_filename(request.centre, "csv", today=timezone.localdate())
    return table_response(rows, fmt="csv", filename=name.removesuffix(".csv"))


@centre_required
@require_GET
@_directory_export
def export_xlsx(request: HttpRequest, rows: Iterator[list]) -> HttpResponse:
    # Streamed like the CSV: the workbook's ZIP is written as the rows are read, in this centre's scope.
    name = export_filename(request.centre, "xlsx", today=timezone.localdate())
    return table_response(rows, fmt="xlsx", filename=name.removesuffix(".xlsx"), title=_("Organizacje"))


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_krs_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what KRS says differently from the registry (nothing changes); POST: apply it (audited)."""
    organisation = organisation_get(centre=request.centre, pk=pk)
    if request.method == "POST":
        return _krs_refresh_apply(request, organisation)
    context = {"organisation": organisation, "rows": [], "preview": None, "error": ""}
    try:
        preview = organisation_krs_preview(organisation=organisation, actor=request.user)
    except ApplicationError as exc:
        context["error"] = exc.message
    else:
        context["preview"] = preview
        context["rows"] = [
            (
                field_label(Organisation, field),
                format_value(Organisation, field, getattr(organisation, field)),
                format_value(Organisation, field, value),
            )
            for field, value in preview.changes.items()
        ]
        context["register_status"] = _register_status_label(preview.lookup.register_status)
    return render(request, "organisations/data/krs_refresh.html", context)


def _krs_refresh_apply(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    try:
        refresh = organisation_refresh_from_krs(organisation=organisation, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        lookup = refresh.lookup
        as_of = display_date(lookup.as_of) if lookup.as_of else "?"
        if refresh.changed_fields:
            messages.success(
                request,
                _("Zaktualizowano dane z KRS (stan na %(date)s): %(fields)s.")
                % {"date": as_of, "fields": format_value(Organisation, "changed", refresh.changed_fields)},
            )
        else:
            messages.success(request, _("Dane zgadzają się z KRS (stan na %(date)s).") % {"date": as_of})
        if lookup.is_stale:
            messages.warning(
                request, _("Rejestr KRS jest niedostępny – użyto zapisanej wcześniej kopii odpisu.")
            )
        if lookup.register_status:
            messages.warning(
                request,
                _("Według KRS organizacja jest %(state)s. Rozważ zmianę jej statusu.")
                % {"state": _register_status_label(lookup.register_status)},
            )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("organisations:detail", kwargs={"pk": organisation.pk})
    return redirect(target)


def _register_status_label(value: str) -> str:
    return str(KrsRegisterStatus(value).label) if value else ""
