"""Reading the tables people upload: CSV as Polish Excel writes it, and XLSX.

Excel in Poland saves "CSV (rozdzielany średnikami)" in Windows-1250 with `;`, "CSV UTF-8" with a BOM and
`,` or `;`, and text exports use tabs; headers are written by hand ("Nr KRS", "Numer KRS (10 cyfr)"). One
reader serves every upload: it detects the encoding and the separator, finds the header row (which may sit
below a title), and gives each data row as a dict keyed by the normalised header (`header_key`), so callers
match columns by meaning. File-level problems raise `ApplicationError(field="file")` with a message a person
can act on; nothing here knows what the columns mean.
"""

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .exceptions import ApplicationError
from .text import fold

DELIMITERS = (";", ",", "\t")  # in order of preference when a line cannot decide

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # .xls (and .doc) before 2007
_POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Letters of neighbouring languages that turn up in names; anything else decoded from Windows-1250
# (±, ¶, Ä…, Ĺ‚ …) means the file was in another encoding and would import as gibberish.
_OTHER_LETTERS = set("áàâäéèêëíîïöôúüûýçñčšžřťďňěůőűÖÜÉ")
_TYPOGRAPHY = set("–—„”“‘’«»…§•€°\u00a0")


@dataclass
class Table:
    """An uploaded table: the header as written, and the data rows keyed by `header_key` of their column.

    Rows are numbered as a person counts the non-empty rows of the sheet (the header row included), so a
    message can say "row 7". Blank rows are left out; a cell missing at the end of a short row is "".
    """

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    encoding: str  # "UTF-8", "Windows-1250" or "XLSX"
    delimiter: str  # "" for XLSX
    header_row: int  # the header's number, counted like the rows

    @property
    def keys(self) -> list[str]:
        """`header_key` of every header cell, in order (blank headers give "")."""
        return [header_key(cell) for cell in self.header]


def header_key(text) -> str:
    """A header reduced to its meaning: `Numer KRS (10 cyfr)` → `numerkrs`, `Miejscowość` → `miejscowosc`.

    Lower case without diacritics, remarks in brackets dropped, letters and digits only.
    """
    text = str(text or "")
    without_remarks = re.sub(r"\(.*?\)", "", text)
    key = re.sub(r"[^a-z0-9]", "", fold(without_remarks))
    return key or re.sub(r"[^a-z0-9]", "", fold(text))


def read_table(
    data: bytes,
    *,
    allow_xlsx: bool = True,
    header_score: Callable[[list[str]], int] | None = None,
    header_search_rows: int = 1,
    read_limit: int | None = None,
) -> Table:
    """The table in `data` (CSV or, when allowed, XLSX); ApplicationError for a file that is not one.

    `header_score(keys)` rates a row's `header_key`s as a header; the best of the first
    `header_search_rows` non-empty rows is the header (the first one on a tie), and in a workbook the
    sheet with the best header is read. Without it the first non-empty row of the first sheet is the
    header. `read_limit` stops reading a huge sheet after that many rows (the caller reports the count).
    """
    if not data or not data.strip():
        raise ApplicationError(_("Plik jest pusty."), field="file")
    if data.startswith(b"%PDF"):
        raise ApplicationError(
            _(
                "To jest plik PDF. Zapisz dane w arkuszu jako XLSX albo CSV – z pliku PDF nie da się "
                "wiarygodnie odczytać tabeli."
            ),
            field="file",
        )
    score = header_score or (lambda keys: 0)
    if data.startswith((_ZIP, _OLE)) and not allow_xlsx:
        raise ApplicationError(
            _(
                "To jest plik arkusza (Excel), nie CSV. W arkuszu wybierz „Zapisz jako” → "
                "„CSV UTF-8 (rozdzielany przecinkami)” albo „CSV (rozdzielany średnikami)”."
            ),
            field="file",
        )
    if data.startswith(_OLE):
        raise ApplicationError(
            _(
                "To jest plik w starym formacie Excela (.xls). Otwórz go w arkuszu i zapisz jako "
                "„Skoroszyt programu Excel (.xlsx)” albo „CSV UTF-8”."
            ),
            field="file",
        )
    if data.startswith(_ZIP):
        records = _xlsx_records(data, score, header_search_rows, read_limit)
        return _table(records, score, header_search_rows, encoding="XLSX", delimiter="")
    text, encoding = decode_text(data)
    text = text.lstrip("\ufeff")
    lines = [line for line in text.splitlines() if line.strip()]
    delimiter = sniff_delimiter(lines[: max(header_search_rows, 1)])
    text = repair_stray_quotes(text, delimiter)
    try:
        records = [
            [cell.strip() for cell in record]
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise ApplicationError(
            _("Plik nie jest poprawnym plikiem CSV (%(error)s).") % {"error": exc}, field="file"
        )
    return _table(records, score, header_search_rows, encoding=encoding, delimiter=delimiter)


def missing_columns_error(table: Table, missing: list[str]) -> ApplicationError:
    """ "Required columns missing", with what the file shows instead: a single column (a wrong separator)
    or the headers it has."""
    message = _("Brak wymaganych kolumn: %(columns)s.") % {"columns": ", ".join(missing)}
    found = [header for header in table.header if header]
    if len(found) == 1 and table.encoding != "XLSX":
        message += " " + _(
            "Pierwszy wiersz ma tylko jedną kolumnę – kolumny muszą być oddzielone średnikiem (;) "
            "albo przecinkiem (,)."
        )
    elif found:
        message += " " + _("Znalezione nagłówki: %(found)s.") % {"found": ", ".join(found[:15])}
    return ApplicationError(message, field="file")


def too_many_rows_error(count: int, limit: int) -> ApplicationError:
    return ApplicationError(
        ngettext(
            "Plik ma %(count)d wiersz z danymi, a centrum przyjmuje najwyżej %(limit)d. Podziel go na części.",
            "Plik ma %(count)d wierszy z danymi, a centrum przyjmuje najwyżej %(limit)d. Podziel go na części.",
            count,
        )
        % {"count": count, "limit": limit},
        field="file",
    )


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of UTF-8 (with or without BOM) or Windows-1250; ApplicationError otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 2:
        raise ApplicationError(
            _(
                "Nie udało się odczytać pliku: jest zapisany w kodowaniu UTF-16 albo nie jest plikiem "
                "tekstowym. Zapisz go w arkuszu jako „CSV UTF-8” i prześlij ponownie."
            ),
            field="file",
        )
    encodings = ["utf-8-sig"] if data.startswith(b"\xef\xbb\xbf") else ["utf-8", "cp1250"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text, strict=encoding == "cp1250"):
            return text, "UTF-8" if encoding.startswith("utf") else "Windows-1250"
    raise ApplicationError(
        _(
            "Nie udało się odczytać pliku: nie jest zapisany w kodowaniu UTF-8 ani Windows-1250 albo nie jest "
            "plikiem tekstowym. Zapisz go w arkuszu jako „CSV UTF-8” i prześlij ponownie."
        ),
        field="file",
    )


def sniff_delimiter(lines: list[str]) -> str:
    """The separator used most on any one of `lines` (outside quotes); `;` when none is used."""
    best, best_count = DELIMITERS[0], 0
    for delimiter in DELIMITERS:
        count = max((_count_outside_quotes(line, delimiter) for line in lines), default=0)
        if count > best_count:
            best, best_count = delimiter, count
    return best


def repair_stray_quotes(text: str, delimiter: str) -> str:
    """Quotes inside a quoted cell that were not doubled, as some exports and hand-edited files write them
    (`"SIEDLISKA 80 "B""`), doubled so the cell reads as written (`SIEDLISKA 80 "B"`); the csv module would
    drop them and move the rest (`SIEDLISKA 80 B""`). Text without such a quote is returned as it is."""
    candidate = re.compile(f'[^{re.escape(delimiter)}"\r\n]"[^{re.escape(delimiter)}"\r\n]')
    if not candidate.search(text):
        return text
    ends = {delimiter, "\r", "\n", ""}
    out: list[str] = []
    at_start, quoted, broken, i = True, False, False, 0
    while i < len(text):
        char = text[i]
        following = text[i + 1 : i + 2]
        if quoted and char == '"':
            if following == '"':
                closes = broken and text[i + 2 : i + 3] in ends
                out.append('"""' if closes else '""')
                quoted = not closes
                i += 2
                continue
            if following in ends:
                out.append('"')
                quoted = False
            else:  # a quote inside the cell that does not close it
                out.append('""')
                broken = True
        elif quoted:
            out.append(char)
        elif at_start and char == '"':
            out.append(char)
            quoted, broken = True, False
        else:
            out.append(char)
        at_start = not quoted and char in (delimiter, "\r", "\n")
        i += 1
    return "".join(out)


def _looks_like_text(text: str, *, strict: bool) -> bool:
    for char in text:
        if char in "\t\r\n" or " " <= char <= "~":
            continue
        if unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"}:
            return False
        if strict and not (char in _POLISH_LETTERS or char in _OTHER_LETTERS or char in _TYPOGRAPHY):
            return False
    return True


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def _cell_text(value) -> str:
    """Spreadsheets store KRS and NIP as numbers: 206867.0 must read as "206867"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _non_empty(records: list[list[str]]) -> list[list[str]]:
    return [record for record in records if any(cell.strip() for cell in record)]


def _best_header(records: list[list[str]], score, search_rows: int) -> tuple[int, int]:
    """(index of the header among `records`, its score)."""
    best_index, best_score = 0, None
    for index, record in enumerate(records[: max(search_rows, 1)]):
        value = score([header_key(cell) for cell in record])
        if best_score is None or value > best_score:
            best_index, best_score = index, value
    return best_index, best_score or 0


def _xlsx_records(data: bytes, score, search_rows: int, read_limit: int | None) -> list[list[str]]:
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
        best: tuple[int, list[list[str]]] | None = None
        for sheet in workbook.worksheets:
            records = []
            for values in sheet.iter_rows(values_only=True):
                record = [_cell_text(v) for v in values]
                if any(record):
                    records.append(record)
                if read_limit is not None and len(records) > read_limit + search_rows:
                    break
            _index, value = _best_header(records, score, search_rows)
            if records and (best is None or value > best[0]):
                best = (value, records)
        return best[1] if best else []
    finally:
        workbook.close()


def _table(records: list[list[str]], score, search_rows: int, *, encoding: str, delimiter: str) -> Table:
    records = _non_empty(records)
    if not records:
        raise ApplicationError(_("Plik jest pusty."), field="file")
    index, _value = _best_header(records, score, search_rows)
    header = [str(cell).strip() for cell in records[index]]
    columns: dict[str, int] = {}
    for position, cell in enumerate(header):
        key = header_key(cell)
        if key and key not in columns:
            columns[key] = position
    rows = []
    for offset, record in enumerate(records[index + 1 :]):
        number = index + offset + 2  # the header is row index + 1
        rows.append(
            (
                number,
                {key: (record[pos].strip() if pos < len(record) else "") for key, pos in columns.items()},
            )
        )
    return Table(header=header, rows=rows, encoding=encoding, delimiter=delimiter, header_row=index + 1)
