"""Export of the organisation directory as CSV (UTF-8 with BOM, `;`, as Excel opens it) and XLSX.

Both honour the directory's filters (q, area, legal_form, opp, district from the query string). The public
export has what the directory shows; staff may ask for the extended one (status, NIP, REGON, e-mail, phone).
Rows are read with an iterator in chunks, and both files are streamed (the XLSX's ZIP written as the rows
come), so a large registry is neither held in memory nor waited for before the first byte.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.http import QueryDict
from django.utils.translation import gettext as _

from centrum.core.models import Centre

from .choices import LegalForm
from .identifiers import format_nip
from .models import ActivityArea
from .selectors import organisation_directory

CHUNK = 1000
_TRUE = {"1", "tak", "true", "yes", "on"}
_FALSE = {"0", "nie", "false", "no", "off"}


@dataclass(frozen=True)
class ExportColumn:
    header: str
    value: Any  # callable(organisation) -> value


def directory_filters(params: QueryDict) -> dict[str, Any]:
    """The directory's filters from a query string, ignoring values that cannot be valid."""
    filters: dict[str, Any] = {"q": params.get("q", "")[:200]}
    if params.get("area"):
        filters["area"] = params["area"][:5]
    if params.get("legal_form") in LegalForm.values:
        filters["legal_form"] = params["legal_form"]
    opp = (params.get("opp") or "").lower()
    if opp in _TRUE:
        filters["opp"] = True
    elif opp in _FALSE:
        filters["opp"] = False
    district = params.get("district") or ""
    if district.isdigit():
        filters["district"] = int(district)
    return filters


def export_columns(*, extended: bool) -> list[ExportColumn]:
    columns = [
        ExportColumn(_("nazwa"), lambda o: o.name),
        ExportColumn(_("nazwa skrócona"), lambda o: o.short_name),
        ExportColumn(_("forma prawna"), lambda o: o.get_legal_form_display()),
        ExportColumn(_("KRS"), lambda o: o.krs),
        ExportColumn(_("OPP"), lambda o: _("tak") if o.is_opp else _("nie")),
        ExportColumn(_("ulica"), lambda o: o.street),
        ExportColumn(_("kod pocztowy"), lambda o: o.postal_code),
        ExportColumn(_("miejscowość"), lambda o: o.city),
        ExportColumn(_("dzielnica"), lambda o: o.district.name if o.district else ""),
        ExportColumn(_("www"), lambda o: o.website),
        ExportColumn(_("sfery"), lambda o: ", ".join(a.code for a in o.export_areas)),
    ]
    if extended:
        columns += [
            ExportColumn(_("status"), lambda o: o.get_status_display()),
            ExportColumn(_("NIP"), lambda o: format_nip(o.nip)),
            ExportColumn(_("REGON"), lambda o: o.regon),
            ExportColumn(_("e-mail"), lambda o: o.email),
            ExportColumn(_("telefon"), lambda o: o.phone),
            ExportColumn(_("data rejestracji"), lambda o: o.registered_on),
        ]
    return columns


_PUBLIC_FIELDS = [
    "id",
    "name",
    "short_name",
    "legal_form",
    "krs",
    "is_opp",
    "street",
    "postal_code",
    "city",
    "website",
    "district",
    "district__name",
]
_EXTENDED_FIELDS = ["status", "nip", "regon", "email", "phone", "registered_on"]


def export_queryset(*, centre: Centre, filters: dict[str, Any], extended: bool):
    fields = _PUBLIC_FIELDS + (_EXTENDED_FIELDS if extended else [])
    return (
        organisation_directory(centre=centre, **filters)
        .only(*fields)
        .prefetch_related(
            Prefetch("areas", queryset=ActivityArea.objects.order_by("position"), to_attr="export_areas")
        )
    )


def export_rows(*, centre: Centre, filters: dict[str, Any], extended: bool) -> Iterator[list[Any]]:
    """The header row, then one row per organisation, read in chunks."""
    columns = export_columns(extended=extended)
    yield [c.header for c in columns]
    for org in export_queryset(centre=centre, filters=filters, extended=extended).iterator(chunk_size=CHUNK):
        yield [c.value(org) for c in columns]


def export_filename(centre: Centre, extension: str, *, today) -> str:
    return f"organizacje-{centre.slug}-{today.isoformat()}.{extension}"
