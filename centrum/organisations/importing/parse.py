"""Reading an uploaded CSV list of organisations: its columns, matched by headers written by hand.

Encoding (UTF-8 or Windows-1250) and separator are detected by `centrum.core.tabular`.

File-level problems (encoding, separator, missing columns, limits) raise ApplicationError: the upload is
refused and nothing is stored.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError
from centrum.core.tabular import CsvStream, header_key, missing_columns_error, open_csv, too_many_rows_error


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("name", "nazwa", ("nazwa organizacji", "pełna nazwa", "nazwa pełna"), required=True),
    Column("short_name", "nazwa skrócona", ("skrót", "nazwa krótka")),
    Column(
        "legal_form", "forma prawna", ("forma", "forma organizacyjna", "rodzaj organizacji"), required=True
    ),
    Column("krs", "KRS", ("numer KRS", "nr KRS")),
    Column("nip", "NIP", ("numer NIP", "nr NIP")),
    Column("regon", "REGON", ("numer REGON", "nr REGON")),
    Column("registry_kind", "rejestr", ("rodzaj rejestru",)),
    Column("registry_number", "numer w rejestrze", ("nr w rejestrze", "numer ewidencyjny", "nr ewidencji")),
    Column("street", "ulica", ("adres", "ulica i numer", "adres siedziby", "ulica i nr")),
    Column("postal_code", "kod pocztowy", ("kod",)),
    Column("city", "miejscowość", ("miasto", "siedziba", "miejscowosc siedziby")),
    Column("email", "e-mail", ("email", "adres e-mail", "mail", "poczta elektroniczna")),
    Column("phone", "telefon", ("tel", "nr telefonu", "numer telefonu", "telefon kontaktowy")),
    Column("website", "www", ("strona", "strona www", "strona internetowa", "adres www")),
    Column("is_opp", "OPP", ("status OPP", "organizacja pożytku publicznego", "pożytek publiczny")),
    Column("district", "dzielnica", ("osiedle", "sołectwo")),
    Column("areas", "sfery", ("sfery działalności", "sfery pożytku", "obszary", "obszary działalności")),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}


@dataclass
class ParsedFile:
    rows: list[tuple[int, dict[str, str]]]
    encoding: str
    delimiter: str
    headers: dict[str, str]  # column key → header as written in the file
    ignored_headers: list[str] = field(default_factory=list)


_HEADER_LOOKUP: dict[str, str] = {
    header_key(name): column.key for column in COLUMNS for name in (column.header, *column.aliases)
}


@dataclass
class StreamedList:
    """A CSV list of organisations read row by row from its file (`open_list`), never held whole."""

    stream: CsvStream
    headers: dict[str, str]  # column key → header as written in the file
    sources: dict[str, str]  # column key → the `header_key` the file's rows are keyed by
    total_rows: int
    ignored_headers: list[str] = field(default_factory=list)

    @property
    def encoding(self) -> str:
        return self.stream.encoding

    @property
    def delimiter(self) -> str:
        return self.stream.delimiter

    def rows(self, start: int = 0) -> Iterator[tuple[int, dict[str, str]]]:
        """(row number, {column key: text}) of the data rows from the `start`-th (0-based) on."""
        sources = self.sources
        for number, cells in self.stream.rows(start):
            yield number, {column: cells.get(key, "") for column, key in sources.items()}


def open_list(handle: BinaryIO, *, max_rows: int | None = None) -> StreamedList:
    """The CSV list of organisations in the binary file `handle` (seekable, left open), read through once
    to count its rows; file-level problems raise ApplicationError."""
    stream = open_csv(handle)
    headers: dict[str, str] = {}
    sources: dict[str, str] = {}
    ignored = []
    for title, key in zip(stream.header, stream.keys, strict=True):
        column = _HEADER_LOOKUP.get(key)
        if column and column not in sources:
            sources[column] = key
            headers[column] = title
        elif title:
            ignored.append(title)
    missing = [c.header for c in COLUMNS if c.required and c.key not in sources]
    if missing:
        raise missing_columns_error(stream, missing)
    total = stream.count()
    if not total:
        raise ApplicationError(_("Plik zawiera tylko nagłówki, bez żadnej organizacji."), field="file")
    if max_rows is not None and total > max_rows:
        raise too_many_rows_error(total, max_rows)
    return StreamedList(
        stream=stream, headers=headers, sources=sources, total_rows=total, ignored_headers=ignored
    )


def parse_csv(data: bytes, *, max_rows: int | None = None) -> ParsedFile:
    """The data rows of a CSV list of organisations, all in memory (a short file); see `open_list`."""
    listing = open_list(io.BytesIO(data), max_rows=max_rows)
    return ParsedFile(
        rows=list(listing.rows()),
        encoding=listing.encoding,
        delimiter=listing.delimiter,
        headers=listing.headers,
        ignored_headers=listing.ignored_headers,
    )


def template_csv() -> bytes:
    """An empty list with every column the import understands, as Excel opens it (UTF-8 BOM, `;`)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow([c.header for c in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
