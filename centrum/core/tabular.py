"""Reading the tables people upload: CSV as Polish Excel writes it, and XLSX.

Excel in Poland saves "CSV (rozdzielany średnikami)" in Windows-1250 with `;`, "CSV UTF-8" with a BOM and
`,` or `;`, and text exports use tabs; headers are written by hand ("Nr KRS", "Numer KRS (10 cyfr)"). One
reader serves every upload: it detects the encoding and the separator, finds the header row (which may sit
below a title), and gives each data row as a dict keyed by the normalised header (`header_key`), so callers
match columns by meaning. File-level problems raise `ApplicationError(field="file")` with a message a person
can act on; nothing here knows what the columns mean.
"""

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

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
_NOT_PLAIN_ASCII = re.compile(r"[^\t\r\n -~]+")
# A quote between two characters of a cell (neither the separator, a quote nor a line end): a quote inside a
# quoted cell that was not doubled, for `repair_stray_quotes`.
_STRAY_QUOTE = {
    delimiter: re.compile(f'[^{re.escape(delimiter)}"\r\n]"[^{re.escape(delimiter)}"\r\n]')
    for delimiter in DELIMITERS
}


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
    score = header_score or (lambda keys: 0)
    _refuse_other_formats(data[:8], allow_xlsx=allow_xlsx)
    if data.startswith(_ZIP):
        records = _xlsx_records(data, score, header_search_rows, read_limit)
        return _table(records, score, header_search_rows, encoding="XLSX", delimiter="")
    stream = open_csv(io.BytesIO(data), header_score=header_score, header_search_rows=header_search_rows)
    return Table(
        header=stream.header,
        rows=list(stream.rows()),
        encoding=stream.encoding,
        delimiter=stream.delimiter,
        header_row=stream.header_row,
    )


class CsvStream:
    """A CSV file read row by row from a seekable binary handle, never held whole: what `read_table` gives
    for CSV, for files of 100,000 rows (an import checks them a chunk at a time, and may resume later).

    Made by `open_csv`, which reads the file once to detect the encoding and the separator and finds the
    header; `rows()` reads it again from the start each time it is called. A file with a stray quote to
    repair (`repair_stray_quotes`) is repaired and held in memory: the repair needs the whole text.
    """

    def __init__(self, handle: BinaryIO, *, codec: str, encoding: str, delimiter: str, repair: bool):
        self.handle = handle
        self.codec = codec
        self.encoding = encoding  # "UTF-8" or "Windows-1250"
        self.delimiter = delimiter
        self.header: list[str] = []
        self.header_row = 0  # the header's number, counted like the rows
        self._repaired: str | None = None
        if repair:
            self.handle.seek(0)
            text = io.TextIOWrapper(self.handle, encoding=codec, newline="")
            try:
                self._repaired = repair_stray_quotes(text.read().lstrip("\ufeff"), delimiter)
            finally:
                text.detach()

    @property
    def keys(self) -> list[str]:
        return [header_key(cell) for cell in self.header]

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """(number, stripped cells) of every non-empty record from the top, numbered from 1."""
        if self._repaired is not None:
            lines: Iterator[str] = io.StringIO(self._repaired, newline="")
            text = None
        else:
            self.handle.seek(0)
            text = io.TextIOWrapper(self.handle, encoding=self.codec, newline="")
            lines = _without_bom(text)
        try:
            number = 0
            for record in csv.reader(lines, delimiter=self.delimiter):
                cells = [cell.strip() for cell in record]
                if any(cells):
                    number += 1
                    yield number, cells
        except csv.Error as exc:
            raise ApplicationError(
                _("Plik nie jest poprawnym plikiem CSV (%(error)s).") % {"error": exc}, field="file"
            )
        finally:
            if text is not None:
                text.detach()  # the handle stays open for the next reading

    def rows(self, start: int = 0) -> Iterator[tuple[int, dict[str, str]]]:
        """The data rows after the header as `Table.rows` has them, from the `start`-th (0-based) on."""
        columns: dict[str, int] = {}
        for position, cell in enumerate(self.header):
            key = header_key(cell)
            if key and key not in columns:
                columns[key] = position
        skip = self.header_row + start
        for number, cells in self.records():
            if number <= skip:
                continue
            yield number, {key: (cells[pos] if pos < len(cells) else "") for key, pos in columns.items()}

    def count(self) -> int:
        """How many data rows the file has (read through, nothing kept)."""
        return sum(1 for number, _cells in self.records() if number > self.header_row)


def open_csv(
    handle: BinaryIO,
    *,
    header_score: Callable[[list[str]], int] | None = None,
    header_search_rows: int = 1,
) -> CsvStream:
    """A CSV upload as a `CsvStream` (see `read_table` for `header_score` and `header_search_rows`);
    ApplicationError for a file that is not CSV text in UTF-8 or Windows-1250, or has no rows."""
    handle.seek(0)
    head = handle.read(_BLOCK)
    if not head or (not head.strip() and _blank_to_the_end(handle)):
        raise ApplicationError(_("Plik jest pusty."), field="file")
    _refuse_other_formats(head, allow_xlsx=False)
    codec, encoding, candidates = _detect_encoding(handle, head)
    stream = CsvStream(handle, codec=codec, encoding=encoding, delimiter=";", repair=False)
    lines: list[str] = []
    for line in _first_lines(stream, max(header_search_rows, 1)):
        lines.append(line)
    delimiter = sniff_delimiter(lines)
    stream = CsvStream(
        handle, codec=codec, encoding=encoding, delimiter=delimiter, repair=delimiter in candidates
    )
    records = []
    for _number, cells in stream.records():
        records.append(cells)
        if len(records) >= max(header_search_rows, 1):
            break
    if not records:
        raise ApplicationError(_("Plik jest pusty."), field="file")
    index, _value = _best_header(records, header_score or (lambda keys: 0), header_search_rows)
    stream.header = [str(cell).strip() for cell in records[index]]
    stream.header_row = index + 1
    return stream


_BLOCK = 1 << 20


def _blank_to_the_end(handle: BinaryIO) -> bool:
    while block := handle.read(_BLOCK):
        if block.strip():
            return False
    return True


def _without_bom(lines: Iterator[str]) -> Iterator[str]:
    first = True
    for line in lines:
        yield line.lstrip("\ufeff") if first else line
        first = False


def _first_lines(stream: CsvStream, count: int) -> Iterator[str]:
    """The first `count` non-blank lines of the text, as `str.splitlines` cuts them."""
    stream.handle.seek(0)
    text = io.TextIOWrapper(stream.handle, encoding=stream.codec, newline="")
    try:
        found = 0
        for raw in _without_bom(text):
            for line in raw.splitlines():
                if line.strip():
                    yield line
                    found += 1
                    if found >= count:
                        return
    finally:
        text.detach()


def _detect_encoding(handle: BinaryIO, head: bytes) -> tuple[str, str, set[str]]:
    """(codec, encoding name, the separators whose stray-quote pattern occurs) of the file, read a block at a
    time: the rules of `decode_text`."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(b"\x00") > 2:
        raise _utf16_error()
    codecs_to_try = ["utf-8-sig"] if head.startswith(b"\xef\xbb\xbf") else ["utf-8", "cp1250"]
    for codec in codecs_to_try:
        handle.seek(0)
        decoder = codecs.getincrementaldecoder(codec)()
        candidates: set[str] = set()
        tail = ""
        try:
            while True:
                block = handle.read(_BLOCK)
                text = decoder.decode(block, final=not block)
                if not _looks_like_text(text, strict=codec == "cp1250"):
                    break
                window = tail + text
                for delimiter, pattern in _STRAY_QUOTE.items():
                    if delimiter not in candidates and pattern.search(window):
                        candidates.add(delimiter)
                tail = window[-2:]
                if not block:
                    return codec, "UTF-8" if codec.startswith("utf") else "Windows-1250", candidates
        except UnicodeDecodeError:
            continue
    raise _undecodable_error()


def _refuse_other_formats(head: bytes, *, allow_xlsx: bool) -> None:
    if head.startswith(b"%PDF"):
        raise ApplicationError(
            _(
                "To jest plik PDF. Zapisz dane w arkuszu jako XLSX albo CSV – z pliku PDF nie da się "
                "wiarygodnie odczytać tabeli."
            ),
            field="file",
        )
    if head.startswith((_ZIP, _OLE)) and not allow_xlsx:
        raise ApplicationError(
            _(
                "To jest plik arkusza (Excel), nie CSV. W arkuszu wybierz „Zapisz jako” → "
                "„CSV UTF-8 (rozdzielany przecinkami)” albo „CSV (rozdzielany średnikami)”."
            ),
            field="file",
        )
    if head.startswith(_OLE):
        raise ApplicationError(
            _(
                "To jest plik w starym formacie Excela (.xls). Otwórz go w arkuszu i zapisz jako "
                "„Skoroszyt programu Excel (.xlsx)” albo „CSV UTF-8”."
            ),
            field="file",
        )


def missing_columns_error(table: "Table | CsvStream", missing: list[str]) -> ApplicationError:
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
        raise _utf16_error()
    encodings = ["utf-8-sig"] if data.startswith(b"\xef\xbb\xbf") else ["utf-8", "cp1250"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text, strict=encoding == "cp1250"):
            return text, "UTF-8" if encoding.startswith("utf") else "Windows-1250"
    raise _undecodable_error()


def _utf16_error() -> ApplicationError:
    return ApplicationError(
        _(
            "Nie udało się odczytać pliku: jest zapisany w kodowaniu UTF-16 albo nie jest plikiem "
            "tekstowym. Zapisz go w arkuszu jako „CSV UTF-8” i prześlij ponownie."
        ),
        field="file",
    )


def _undecodable_error() -> ApplicationError:
    return ApplicationError(
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
    if not _STRAY_QUOTE[delimiter].search(text):
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
    # Only the characters other than printable ASCII need a look, each once.
    for char in set("".join(set(_NOT_PLAIN_ASCII.findall(text)))):
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
