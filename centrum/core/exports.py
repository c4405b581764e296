"""Spreadsheet downloads: CSV as Polish Excel opens it with a double click (UTF-8 with BOM, `;`) and XLSX,
both streamed while the rows are still being read, in the request's centre scope.

    return table_response(rows, fmt=fmt, filename=f"zwroty-{centre.slug}", title="zwroty")

`rows` is the header row then the data rows (an iterator is read once, lazily). Aware moments are written
as Warsaw wall time (spreadsheets have no time zones); a text cell that a spreadsheet would run as a
formula is prefixed with an apostrophe (CSV injection).
"""

import csv
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from django.http import Http404, StreamingHttpResponse
from django.utils.http import content_disposition_header

from .calendar import WARSAW
from .scopes import active_scope, scoped_iterator
from .xlsx import xlsx_stream

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """UTF-8 with BOM and semicolons: what Polish Excel opens correctly with a double click."""
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff".encode()
    for row in rows:
        yield writer.writerow(["" if v is None else _safe(v) for v in row]).encode("utf-8")


def local_cells(row: Iterable[Any]) -> list[Any]:
    """The row with aware moments as Warsaw wall time."""
    return [
        v.astimezone(WARSAW).replace(tzinfo=None) if isinstance(v, datetime) and v.tzinfo is not None else v
        for v in row
    ]


def table_response(
    rows: Iterable[list[Any]], *, fmt: str, filename: str, title: str = ""
) -> StreamingHttpResponse:
    """`rows` as `<filename>.<fmt>` (csv or xlsx; any other format is a 404), streamed."""
    if fmt not in FORMATS:
        raise Http404
    lines = (local_cells(row) for row in rows)
    stream = csv_stream(lines) if fmt == "csv" else xlsx_stream(lines, title=title or filename)
    response = StreamingHttpResponse(scoped_iterator(stream, active_scope()), content_type=FORMATS[fmt])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{filename}.{fmt}"
    )
    return response
