"""Reading the national list of OPPs entitled to 1.5% of income tax (art. 27a) and comparing it with a
centre's registry.

The NIW-CRSO publishes the list every December; its file format is not fixed, so the reader is tolerant:
XLSX (the first sheet that has a KRS column) or CSV in UTF-8 or Windows-1250 separated by `;` or `,`. The
header row may sit below a title, and headers are matched by meaning ("Nr KRS", "Numer KRS", "KRS" …). A
file is read once, in memory; the join with the registry is a dict look-up, so the national list of about
10,000 rows takes a fraction of a second.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre, LocalGovernmentKind
from centrum.core.text import fold

from ..choices import OrganisationStatus
from ..identifiers import clean_krs
from ..importing import decode_csv_bytes
from ..models import OppListImport, Organisation

FIRST_YEAR = 2004  # the first tax year in which taxpayers could give 1% to an OPP
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
HEADER_SEARCH_ROWS = 20  # a title or a date may stand above the header row
OUTSIDE_ROWS_KEPT = 1000
INVALID_ROWS_KEPT = 200

# Column key → (label shown to people, test on the folded header with non-letters removed).
COLUMNS: dict[str, tuple] = {
    "krs": (gettext_lazy("Nr KRS"), lambda h: "krs" in h),
    "name": (gettext_lazy("Nazwa"), lambda h: h.startswith("nazwa")),
    "nip": (gettext_lazy("NIP"), lambda h: "nip" in h),
    "gmina": (gettext_lazy("Gmina"), lambda h: h.startswith("gmina")),
    "powiat": (gettext_lazy("Powiat"), lambda h: h.startswith("powiat")),
    "voivodeship": (gettext_lazy("Województwo"), lambda h: h.startswith("wojewodztwo")),
    "seat": (gettext_lazy("Siedziba"), lambda h: h.startswith(("siedziba", "miejscowosc", "miasto"))),
}
REQUIRED_COLUMNS = ("krs", "name")
PLACE_COLUMNS = ("gmina", "powiat", "seat")

_PLACE_PREFIXES = re.compile(r"^(m st|m|miasto|gmina|gm|g|powiat|pow|miasto na prawach powiatu)\s+")
_POSTAL_CODE = re.compile(r"\b\d{2}\s*-\s*\d{3}\b")


@dataclass
class OppRow:
    row: int
    krs: str
    name: str
    nip: str = ""
    places: dict[str, str] = field(default_factory=dict)  # gmina / powiat / seat as written, when present


@dataclass
class ParsedOppList:
    rows: list[OppRow]
    columns: dict[str, str]  # key → header as written in the file
    invalid: list[dict] = field(default_factory=list)  # [{row, value, message}]
    total_rows: int = 0

    @property
    def krs_numbers(self) -> list[str]:
        return sorted({r.krs for r in self.rows})


# ---------------------------------------------------------------- reading the file


def _header_key(text) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(str(text or "")))


def _match_headers(cells: list) -> dict[str, int]:
    positions: dict[str, int] = {}
    for position, cell in enumerate(cells):
        key = _header_key(cell)
        if not key:
            continue
        for column, (_label, test) in COLUMNS.items():
            if column not in positions and test(key):
                positions[column] = position
                break
    return positions


def _cell_text(value) -> str:
    """Spreadsheets store KRS and NIP as numbers: 206867.0 must read as "206867"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(data: bytes, filename: str = "") -> list[list[str]]:
    """The file's rows as text cells; a file that is not a readable XLSX or CSV raises ApplicationError."""
    if not data or not data.strip():
        raise ApplicationError(_("Plik jest pusty."), field="file")
    if len(data) > MAX_FILE_BYTES:
        raise ApplicationError(
            _("Plik ma %(size)d MB, a przyjmujemy pliki do %(limit)d MB.")
            % {"size": len(data) // (1024 * 1024), "limit": MAX_FILE_BYTES // (1024 * 1024)},
            field="file",
        )
    if data.startswith(b"%PDF"):
        raise ApplicationError(
            _(
                "To jest plik PDF. Pobierz wykaz w formacie arkusza (XLSX) albo CSV – "
                "z pliku PDF nie da się wiarygodnie odczytać numerów KRS."
            ),
            field="file",
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ApplicationError(
            _(
                "To jest plik w starym formacie Excela (.xls). Otwórz go w arkuszu i zapisz jako "
                "„Skoroszyt programu Excel (.xlsx)” albo „CSV UTF-8”."
            ),
            field="file",
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    try:
        text, _encoding = decode_csv_bytes(data)
    except ApplicationError:
        raise ApplicationError(
            _(
                "Nie udało się odczytać pliku „%(name)s”. Przyjmujemy arkusz XLSX albo plik CSV w kodowaniu "
                "UTF-8 lub Windows-1250 (kolumny oddzielone średnikiem lub przecinkiem)."
            )
            % {"name": filename or "?"},
            field="file",
        )
    return _read_csv(text.lstrip("\ufeff"))


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        # openpyxl raises many kinds of errors on broken or non-spreadsheet ZIP files.
        raise ApplicationError(
            _(
                "Plik wygląda na archiwum ZIP, ale nie jest poprawnym arkuszem XLSX. "
                "Otwórz go w arkuszu i zapisz ponownie jako .xlsx albo CSV."
            ),
            field="file",
        )
    try:
        fallback: list[list[str]] | None = None
        for sheet in workbook.worksheets:
            rows = []
            for values in sheet.iter_rows(values_only=True):
                rows.append([_cell_text(v) for v in values])
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break
            if any("krs" in _header_key(c) for row in rows[:HEADER_SEARCH_ROWS] for c in row):
                return rows
            if fallback is None:
                fallback = rows
        return fallback or []
    finally:
        workbook.close()


def _read_csv(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.strip()][:HEADER_SEARCH_ROWS]
    # The header row (the one naming KRS) decides the separator; a title line above it has none.
    header_line = next((line for line in lines if "krs" in fold(line)), lines[0] if lines else "")
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ";"
    try:
        return [
            [cell.strip() for cell in record]
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise ApplicationError(
            _("Plik nie jest poprawnym plikiem CSV (%(error)s).") % {"error": exc}, field="file"
        )


def parse_opp_list(data: bytes, filename: str = "") -> ParsedOppList:
    """The list's rows with a valid KRS number; rows with a broken one are listed in `invalid`."""
    records = [r for r in read_rows(data, filename) if any(c.strip() for c in r)]
    if not records:
        raise ApplicationError(_("Plik jest pusty."), field="file")
    header_index, positions = 0, {}
    for index, record in enumerate(records[:HEADER_SEARCH_ROWS]):
        found = _match_headers(record)
        if "krs" in found:
            header_index, positions = index, found
            break
        if len(found) > len(positions):
            header_index, positions = index, found
    missing = [str(COLUMNS[key][0]) for key in REQUIRED_COLUMNS if key not in positions]
    header = records[header_index]
    if missing:
        message = _("Brak wymaganych kolumn: %(columns)s.") % {"columns": ", ".join(missing)}
        found_headers = [h for h in header if h.strip()]
        if len(found_headers) == 1 and not data.startswith(b"PK"):
            message += " " + _(
                "Pierwszy wiersz ma tylko jedną kolumnę – kolumny muszą być oddzielone średnikiem (;) "
                "albo przecinkiem (,)."
            )
        elif found_headers:
            message += " " + _("Znalezione nagłówki: %(found)s.") % {"found": ", ".join(found_headers[:15])}
        raise ApplicationError(message, field="file")
    body = records[header_index + 1 :]
    if not body:
        raise ApplicationError(_("Plik zawiera tylko nagłówki, bez żadnej organizacji."), field="file")
    if len(body) > MAX_ROWS:
        raise ApplicationError(
            ngettext(
                "Plik ma %(count)d wiersz, a przyjmujemy najwyżej %(limit)d.",
                "Plik ma %(count)d wierszy, a przyjmujemy najwyżej %(limit)d.",
                len(body),
            )
            % {"count": len(body), "limit": MAX_ROWS},
            field="file",
        )

    def cell(record: list[str], key: str) -> str:
        position = positions.get(key)
        return record[position].strip() if position is not None and position < len(record) else ""

    place_columns = [key for key in PLACE_COLUMNS if key in positions]
    rows, invalid = [], []
    for offset, record in enumerate(body):
        number = header_index + offset + 2  # as the spreadsheet numbers rows (header is row header_index+1)
        raw_krs = cell(record, "krs")
        try:
            krs = clean_krs(raw_krs)
        except ValidationError as exc:
            krs, error = "", " ".join(exc.messages)
        else:
            error = "" if krs else _("Brak numeru KRS.")
        if error:
            if len(invalid) < INVALID_ROWS_KEPT:
                invalid.append({"row": number, "value": raw_krs[:40], "message": error})
            continue
        rows.append(
            OppRow(
                row=number,
                krs=krs,
                name=cell(record, "name")[:300],
                nip=re.sub(r"\D", "", cell(record, "nip"))[:10],
                places={key: cell(record, key)[:120] for key in place_columns},
            )
        )
    if not rows:
        raise ApplicationError(
            ngettext(
                "W pliku nie ma żadnego poprawnego numeru KRS (sprawdzono %(count)d wiersz).",
                "W pliku nie ma żadnego poprawnego numeru KRS (sprawdzono %(count)d wierszy).",
                len(body),
            )
            % {"count": len(body)},
            field="file",
        )
    columns = {key: str(header[pos]).strip() for key, pos in positions.items()}
    return ParsedOppList(rows=rows, columns=columns, invalid=invalid, total_rows=len(body))


# ---------------------------------------------------------------- places


def place_key(value: str) -> str:
    """ "M. Kalisz", "62-800 Kalisz", "ul. Babina 1, Kalisz", "gmina Kalisz" → "kalisz"."""
    text = _POSTAL_CODE.sub(" ", value or "")
    text = text.split(",")[-1]
    text = re.sub(r"[^a-z ]", " ", fold(text))
    text = re.sub(r"\s+", " ", text).strip()
    previous = None
    while previous != text:
        previous, text = text, _PLACE_PREFIXES.sub("", text)
    return text


def centre_place_keys(centre: Centre) -> set[str]:
    """How the centre's own municipality can be written in the list's place column."""
    keys = {place_key(centre.city), place_key(centre.municipality)}
    return {k for k in keys if k}


def is_local(row_place: str, keys: set[str]) -> bool:
    return place_key(row_place) in keys


# ---------------------------------------------------------------- comparing with the registry


@dataclass
class OppComparison:
    gain: list[Organisation]  # on the list, is_opp is False
    lose: list[Organisation]  # is_opp is True, has a KRS number, not on the list
    unchanged: list[Organisation]  # on the list and already OPP
    no_krs: list[Organisation]  # is_opp is True but no KRS number: cannot be checked, left alone

    @property
    def matched_count(self) -> int:
        return len(self.gain) + len(self.unchanged)


def registry_for_opp(*, centre: Centre, for_update: bool = False) -> QuerySet[Organisation]:
    """The centre's organisations whose OPP status the list may decide (rejected registrations are not)."""
    qs = Organisation.objects.filter(centre=centre).exclude(status=OrganisationStatus.REJECTED)
    if for_update:
        qs = qs.select_for_update()
    return qs.only("id", "centre_id", "name", "krs", "is_opp", "status").order_by("name", "id")


def compare_with_registry(
    *, centre: Centre, krs_numbers: list[str] | set[str], for_update: bool = False
) -> OppComparison:
    """One query over the centre's registry, joined with the list's KRS numbers in memory."""
    on_list = set(krs_numbers)
    result = OppComparison(gain=[], lose=[], unchanged=[], no_krs=[])
    for org in registry_for_opp(centre=centre, for_update=for_update):
        if not org.krs:
            if org.is_opp:
                result.no_krs.append(org)
        elif org.krs in on_list:
            (result.unchanged if org.is_opp else result.gain).append(org)
        elif org.is_opp:
            result.lose.append(org)
    return result


def outside_registry_rows(
    *, centre: Centre, parsed: ParsedOppList, registry_krs: set[str]
) -> tuple[list[dict], str]:
    """Rows of the list not in the centre's registry; only local ones when the list says where each is.

    Returns (rows, place filter used or ""). When the place column is gmina or powiat and the centre is a
    powiat, the powiat column is preferred.
    """
    keys = centre_place_keys(centre)
    present = [key for key in PLACE_COLUMNS if key in parsed.columns]
    if centre.government_kind == LocalGovernmentKind.POWIAT and "powiat" in present:
        column = "powiat"
    else:
        column = present[0] if present else None
    use_filter = column is not None and bool(keys)
    rows = []
    seen = set()
    for row in parsed.rows:
        if row.krs in registry_krs or row.krs in seen:
            continue
        place = row.places.get(column, "") if column else ""
        if use_filter and not is_local(place, keys):
            continue
        seen.add(row.krs)
        rows.append({"row": row.row, "krs": row.krs, "name": row.name, "nip": row.nip, "place": place})
    place_filter = f"{parsed.columns[column]}: {centre.city or centre.municipality}" if use_filter else ""
    return rows, place_filter


# ---------------------------------------------------------------- reading imports


def opp_import_get(*, centre: Centre, pk: int) -> OppListImport:
    found = (
        OppListImport.objects.filter(centre=centre, pk=pk).select_related("created_by", "applied_by").first()
    )
    if found is None:
        raise Http404
    return found


def opp_import_list(*, centre: Centre) -> QuerySet[OppListImport]:
    return (
        OppListImport.objects.filter(centre=centre)
        .select_related("created_by")
        .defer("krs_numbers", "outside_rows", "invalid_rows")
        .order_by("-created_at", "-id")
    )


def opp_latest_applied_year(*, centre: Centre) -> int | None:
    return (
        OppListImport.objects.filter(centre=centre, applied_at__isnull=False)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
