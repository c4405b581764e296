"""Reading the national list of OPPs entitled to 1.5% of income tax (art. 27a).

The NIW-CRSO publishes the list every December; its file format is not fixed, so the reader is tolerant:
XLSX (the sheet that has a KRS column) or CSV in UTF-8 or Windows-1250 separated by `;` or `,` (read by
`centrum.core.tabular`). The header row may sit below a title, and headers are matched by meaning ("Nr
KRS", "Numer KRS", "KRS" …). Comparing the list with the registry is `selectors.opp`.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from centrum.core.exceptions import ApplicationError
from centrum.core.tabular import missing_columns_error, read_table, too_many_rows_error

from ..identifiers import clean_krs

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
HEADER_SEARCH_ROWS = 20  # a title or a date may stand above the header row
INVALID_ROWS_KEPT = 200

# Column key → (label shown to people, test on the header's `header_key`).
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


def _match_headers(keys: list[str]) -> dict[str, str]:
    """Column key → the `header_key` of the first header that means it."""
    found: dict[str, str] = {}
    for key in keys:
        if not key:
            continue
        for column, (_label, test) in COLUMNS.items():
            if column not in found and test(key):
                found[column] = key
                break
    return found


def _header_score(keys: list[str]) -> int:
    """The row naming KRS is the header; failing that, the row naming the most columns (for the message)."""
    found = _match_headers(keys)
    return len(found) + (100 if "krs" in found else 0)


def parse_opp_list(data: bytes) -> ParsedOppList:
    """The list's rows with a valid KRS number; rows with a broken one are listed in `invalid`."""
    if len(data) > MAX_FILE_BYTES:
        raise ApplicationError(
            _("Plik ma %(size)d MB, a przyjmujemy pliki do %(limit)d MB.")
            % {"size": len(data) // (1024 * 1024), "limit": MAX_FILE_BYTES // (1024 * 1024)},
            field="file",
        )
    table = read_table(
        data, header_score=_header_score, header_search_rows=HEADER_SEARCH_ROWS, read_limit=MAX_ROWS
    )
    sources = _match_headers(table.keys)
    missing = [str(COLUMNS[key][0]) for key in REQUIRED_COLUMNS if key not in sources]
    if missing:
        raise missing_columns_error(table, missing)
    body = table.rows
    if not body:
        raise ApplicationError(_("Plik zawiera tylko nagłówki, bez żadnej organizacji."), field="file")
    if len(body) > MAX_ROWS:
        raise too_many_rows_error(len(body), MAX_ROWS)

    place_columns = [key for key in PLACE_COLUMNS if key in sources]
    rows, invalid = [], []
    for number, cells in body:
        raw_krs = cells.get(sources["krs"], "")
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
                name=cells.get(sources["name"], "")[:300],
                nip=re.sub(r"\D", "", cells.get(sources.get("nip", ""), ""))[:10],
                places={key: cells.get(sources[key], "")[:120] for key in place_columns},
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
    header_by_key = {}
    for title, key in zip(table.header, table.keys, strict=True):
        header_by_key.setdefault(key, title)
    columns = {column: header_by_key[key] for column, key in sources.items()}
    return ParsedOppList(rows=rows, columns=columns, invalid=invalid, total_rows=len(body))
