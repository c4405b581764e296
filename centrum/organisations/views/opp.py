"""Staff pages of the yearly OPP list import: upload with the tax year, preview of the changes, apply."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.views import staff_required

from ..forms.opp import OppListApplyForm, OppListUploadForm
from ..importing.opp_list import COLUMNS, MAX_FILE_BYTES
from ..selectors.opp import (
    compare_with_registry,
    opp_import_get,
    opp_import_list,
    opp_latest_applied_year,
)
from ..services.opp import opp_import_apply, opp_import_create
from .uploads import upload_page

OUTSIDE_ROWS_SHOWN = 500
INVALID_ROWS_SHOWN = 50


@staff_required
@require_http_methods(["GET", "POST"])
def opp_upload(request: HttpRequest) -> HttpResponse:
    return upload_page(
        request,
        form=OppListUploadForm(request.POST or None, request.FILES or None),
        create=lambda data: opp_import_create(
            centre=request.centre, actor=request.user, upload=data["file"], year=data["year"]
        ),
        preview_url="organisations:opp_preview",
        template="organisations/opp/upload.html",
        context=lambda: {
            "imports": opp_import_list(centre=request.centre)[:10],
            "max_mb": MAX_FILE_BYTES // (1024 * 1024),
        },
    )


@staff_required
@require_GET
def opp_preview(request: HttpRequest, pk: int) -> HttpResponse:
    record = opp_import_get(centre=request.centre, pk=pk)
    comparison = None
    latest = None
    if record.applied_at is None:
        comparison = compare_with_registry(centre=request.centre, krs_numbers=record.krs_numbers)
        latest = opp_latest_applied_year(centre=request.centre)
    missing_optional = [
        str(label) for key, (label, _test) in COLUMNS.items() if key in ("nip",) and key not in record.columns
    ]
    return render(
        request,
        "organisations/opp/preview.html",
        {
            "record": record,
            "comparison": comparison,
            "blocked_by_year": latest if latest is not None and record.year < latest else None,
            "form": OppListApplyForm(),
            "columns": [(str(COLUMNS[k][0]), v) for k, v in record.columns.items() if k in COLUMNS],
            "missing_optional": missing_optional,
            "outside_rows": record.outside_rows[:OUTSIDE_ROWS_SHOWN],
            "outside_hidden": max(record.outside_count - OUTSIDE_ROWS_SHOWN, 0),
            "invalid_rows": record.invalid_rows[:INVALID_ROWS_SHOWN],
            "krs_count": len(record.krs_numbers),
        },
    )


@staff_required
@require_POST
def opp_apply(request: HttpRequest, pk: int) -> HttpResponse:
    record = opp_import_get(centre=request.centre, pk=pk)
    form = OppListApplyForm(request.POST)
    form.is_valid()  # a single optional checkbox: always valid
    try:
        record = opp_import_apply(
            opp_import=record, actor=request.user, clear_missing=form.cleaned_data.get("clear_missing", False)
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Zastosowano wykaz OPP za rok %(year)d: nadano status %(gained)d, odebrano %(lost)d.")
            % {"year": record.year, "gained": record.gained_count, "lost": record.lost_count},
        )
    return redirect("organisations:opp_preview", pk=record.pk)
