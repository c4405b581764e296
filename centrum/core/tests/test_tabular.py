"""The one reader of uploaded tables: CSV as Polish Excel writes it, and XLSX."""

import io

import pytest
from openpyxl import Workbook

from centrum.core.exceptions import ApplicationError
from centrum.core.tabular import (
    header_key,
    missing_columns_error,
    read_table,
    sniff_delimiter,
    too_many_rows_error,
)

ROWS = [["Nazwa", "Nr KRS (10 cyfr)", "Miejscowość"], ["Fundacja Żółta Łódź", "0000123456", "Kalisz"]]


def csv_bytes(rows, *, delimiter=";", encoding="utf-8", bom=False) -> bytes:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def xlsx_bytes(*sheets) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for rows in sheets:
        sheet = workbook.create_sheet()
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, encoding, delimiter",
    [
        (csv_bytes(ROWS, encoding="cp1250"), "Windows-1250", ";"),
        (csv_bytes(ROWS, delimiter=",", bom=True), "UTF-8", ","),
        (csv_bytes(ROWS, delimiter="\t"), "UTF-8", "\t"),
        (xlsx_bytes(ROWS), "XLSX", ""),
    ],
    ids=["cp1250-semicolon", "utf8-bom-comma", "tab", "xlsx"],
)
def test_rows_come_as_dicts_keyed_by_normalised_headers(data, encoding, delimiter):
    table = read_table(data)
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert table.header == ROWS[0]
    assert table.keys == ["nazwa", "nrkrs", "miejscowosc"]
    assert table.rows == [
        (2, {"nazwa": "Fundacja Żółta Łódź", "nrkrs": "0000123456", "miejscowosc": "Kalisz"})
    ]


def test_header_below_a_title_is_found_and_rows_keep_their_numbers():
    rows = [["Wykaz OPP, stan na 2025"], [], *ROWS, ["", "", ""], ["Stowarzyszenie", "206867", "Opatówek"]]
    score = lambda keys: ("nrkrs" in keys) * 10  # noqa: E731
    for data in (csv_bytes([r or [""] for r in rows]), xlsx_bytes([["Inny arkusz"]], rows)):
        table = read_table(data, header_score=score, header_search_rows=5)
        assert table.header_row == 2
        assert [number for number, _cells in table.rows] == [3, 4]
        assert table.rows[1][1]["nrkrs"] == "206867"


def test_numbers_stored_by_a_spreadsheet_read_as_text():
    table = read_table(xlsx_bytes([["KRS", "Nazwa"], [206867.0, "Echo"], [None, "Bez numeru"]]))
    assert table.rows == [(2, {"krs": "206867", "nazwa": "Echo"}), (3, {"krs": "", "nazwa": "Bez numeru"})]


def test_short_rows_and_duplicate_headers():
    table = read_table(csv_bytes([["KRS", "Nazwa", "KRS"], ["1"]]))
    assert table.rows == [(2, {"krs": "1", "nazwa": ""})]


@pytest.mark.parametrize(
    "data, kwargs, message",
    [
        (b"", {}, "Plik jest pusty."),
        (b"\r\n ;; \r\n", {}, "Plik jest pusty."),
        (b"%PDF-1.7\n" + bytes(50), {}, "To jest plik PDF"),
        (b"PK\x03\x04" + bytes(50), {"allow_xlsx": False}, "plik arkusza (Excel), nie CSV"),
        (b"PK\x03\x04" + bytes(50), {}, "nie jest poprawnym arkuszem XLSX"),
        (b"\xd0\xcf\x11\xe0" + bytes(50), {}, "starym formacie Excela"),
        (csv_bytes(ROWS, encoding="utf-16"), {}, "UTF-16"),
        (csv_bytes(ROWS, encoding="iso-8859-2"), {}, "UTF-8 ani Windows-1250"),
    ],
    ids=["empty", "blank", "pdf", "xlsx-not-allowed", "broken-xlsx", "xls", "utf-16", "iso-8859-2"],
)
def test_files_that_are_not_tables_are_refused_with_a_message(data, kwargs, message):
    with pytest.raises(ApplicationError) as caught:
        read_table(data, **kwargs)
    assert message in caught.value.message
    assert caught.value.field == "file"


def test_header_key_and_delimiter():
    assert header_key("Numer KRS (10 cyfr)") == "numerkrs"
    assert header_key("(KRS)") == "krs"
    assert header_key(None) == ""
    assert sniff_delimiter(['"a;b",c,d']) == ","
    assert sniff_delimiter(["tylko tytuł"]) == ";"


def test_missing_columns_name_what_the_file_has_instead():
    one_column = missing_columns_error(read_table(b"nazwa|krs\r\nA|1\r\n"), ["KRS"])
    assert "Brak wymaganych kolumn: KRS." in one_column.message and "jedną kolumnę" in one_column.message
    others = missing_columns_error(read_table(csv_bytes(ROWS)), ["Gmina"])
    assert "Znalezione nagłówki: Nazwa, Nr KRS (10 cyfr), Miejscowość." in others.message
    assert "2 wiersze z danymi" in too_many_rows_error(2, 1).message


@pytest.mark.parametrize(
    "line",
    [
        'Fundacja;SIEDLISKA 80 "B";Kalisz',  # unquoted cell
        'Fundacja;"SIEDLISKA 80 ""B""";Kalisz',  # as Excel writes it
        'Fundacja;"SIEDLISKA 80 "B"";Kalisz',  # a quoted cell whose quotes were not doubled
    ],
)
def test_quotes_inside_an_address_are_kept(line):
    table = read_table(f"Nazwa;Adres;Miejscowość\r\n{line}\r\n".encode())
    assert table.rows[0][1] == {"nazwa": "Fundacja", "adres": 'SIEDLISKA 80 "B"', "miejscowosc": "Kalisz"}


def test_a_cell_across_lines_and_a_quoted_name_after_it():
    data = 'Nazwa;Adres\r\n"Klub ""Orzeł""";"ul. Długa 1\r\nlokal 2"\r\n"Fundacja "Echo"";Kalisz\r\n'
    rows = [cells for _n, cells in read_table(data.encode()).rows]
    assert rows == [
        {"nazwa": 'Klub "Orzeł"', "adres": "ul. Długa 1\r\nlokal 2"},
        {"nazwa": 'Fundacja "Echo"', "adres": "Kalisz"},
    ]
