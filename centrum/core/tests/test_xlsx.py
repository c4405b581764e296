"""The streamed XLSX writer: a workbook spreadsheet programs open, written while its rows are read."""

import io
from datetime import date

import openpyxl

from centrum.core.xlsx import column_letter, xlsx_stream


def test_the_workbook_opens_with_typed_cells_a_bold_frozen_header_and_text_never_a_formula():
    rows = [
        ["nazwa", "liczba", "data", "OPP", "puste"],
        ['=HYPERLINK("x")', 12, date(2026, 6, 17), True, None],
        ["Łąka „B” & <Spółka>\x07", 1.5, None, False, ""],
    ]
    data = b"".join(xlsx_stream(iter(rows), title="Organizacje: wykaz/2026 z bardzo długim tytułem"))
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.active
    assert sheet.title == "Organizacje  wykaz 2026 z bardzo"[:31]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold and not sheet["A2"].font.bold
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["nazwa", "liczba", "data", "OPP", "puste"]
    assert values[1][:2] == ['=HYPERLINK("x")', 12] and sheet["A2"].data_type == "s"
    assert values[1][2].date() == date(2026, 6, 17) and sheet["C2"].is_date
    assert values[1][3] is True and values[1][4] is None
    assert values[2][:4] == ["Łąka „B” & <Spółka>", 1.5, None, False]


def test_the_first_bytes_leave_before_the_first_row_is_read():
    read = []

    def rows():
        for i in range(3):
            read.append(i)
            yield [f"wiersz {i}"]

    chunks = xlsx_stream(rows(), title="Arkusz")
    first = next(chunks)
    assert first.startswith(b"PK\x03\x04") and read == []
    rest = b"".join(chunks)
    assert read == [0, 1, 2]
    sheet = openpyxl.load_workbook(io.BytesIO(first + rest)).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["wiersz 0", "wiersz 1", "wiersz 2"]


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
