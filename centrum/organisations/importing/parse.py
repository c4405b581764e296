"""Reading an uploaded CSV list: encoding (UTF-8 or Windows-1250), separator, headers written by hand.

File-level problems (encoding, separator, missing columns, limits) raise ApplicationError: the upload is
refused and nothing is stored.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centrum.core.exceptions import ApplicationError
from centrum.core.text import fold


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

_POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Letters of neighbouring languages that turn up in names; anything else decoded from Windows-1250
# (±, ¶, Ä…, Ĺ‚ …) means the file was in another encoding and would import as gibberish.
_OTHER_LETTERS = set("áàâäéèêëíîïöôúüûýçñčšžřťďňěůőűÖÜÉ")
_TYPOGRAPHY = set("–—„”“‘’«»…§•€°\u00a0")


@dataclass
class ParsedFile:
    rows: list[tuple[int, dict[str, str]]]
    encoding: str
    delimiter: str
    headers: dict[str, str]  # column key → header as written in the file
    ignored_headers: list[str] = field(default_factory=list)


def _header_key(text: str) -> str:
    text = re.sub(r"\(.*?\)", "", text or "")
    return re.sub(r"[^a-z0-9]", "", fold(text))


_HEADER_LOOKUP: dict[str, str] = {
    _header_key(name): column.key for column in COLUMNS for name in (column.header, *column.aliases)
}


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of UTF-8 (with or without BOM) or Windows-1250; ApplicationError otherwise."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ApplicationError(
            _(
                "To jest plik arkusza (Excel), nie CSV. W arkuszu wybierz „Zapisz jako” → "
                "„CSV UTF-8 (rozdzielany przecinkami)” albo „CSV (rozdzielany średnikami)”."
            ),
            field="file",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 2:
        raise ApplicationError(
            _(
                "Plik jest zapisany w kodowaniu UTF-16 albo nie jest plikiem tekstowym. "
                "Zapisz go jako „CSV UTF-8” i prześlij ponownie."
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


def _looks_like_text(text: str, *, strict: bool) -> bool:
    for char in text:
        if char in "\t\r\n" or " " <= char <= "~":
            continue
        if unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"}:
            return False
        if strict and not (char in _POLISH_LETTERS or char in _OTHER_LETTERS or char in _TYPOGRAPHY):
            return False
    return True


def _delimiter(header_line: str) -> str:
    counts = {d: _count_outside_quotes(header_line, d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def parse_csv(data: bytes, *, max_rows: int | None = None) -> ParsedFile:
    """The data rows of a CSV list of organisations; file-level problems raise ApplicationError."""
    text, encoding = decode_csv_bytes(data)
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise ApplicationError(_("Plik jest pusty."), field="file")
    delimiter = _delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = [record for record in reader if any(cell.strip() for cell in record)]
    except csv.Error as exc:
        raise ApplicationError(
            _("Plik nie jest poprawnym plikiem CSV (%(error)s).") % {"error": exc}, field="file"
        )
    header, body = records[0], records[1:]
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    ignored = []
    for position, title in enumerate(header):
        key = _HEADER_LOOKUP.get(_header_key(title))
        if key and key not in positions:
            positions[key] = position
            headers[key] = title.strip()
        elif title.strip():
            ignored.append(title.strip())
    missing = [c.header for c in COLUMNS if c.required and c.key not in positions]
    if missing:
        message = _("Brak wymaganych kolumn: %(columns)s.") % {"columns": ", ".join(missing)}
        if len(header) == 1:
            message += " " + _(
                "Pierwszy wiersz ma tylko jedną kolumnę – kolumny muszą być oddzielone średnikiem (;) "
                "albo przecinkiem (,)."
            )
        else:
            message += " " + _("Znalezione nagłówki: %(found)s.") % {
                "found": ", ".join(h.strip() for h in header if h.strip())
            }
        raise ApplicationError(message, field="file")
    if not body:
        raise ApplicationError(_("Plik zawiera tylko nagłówki, bez żadnej organizacji."), field="file")
    if max_rows is not None and len(body) > max_rows:
        raise ApplicationError(
            ngettext(
                "Plik ma %(count)d wiersz z danymi, a centrum przyjmuje najwyżej %(limit)d. Podziel go na części.",
                "Plik ma %(count)d wierszy z danymi, a centrum przyjmuje najwyżej %(limit)d. Podziel go na części.",
                len(body),
            )
            % {"count": len(body), "limit": max_rows},
            field="file",
        )
    rows = []
    for number, record in enumerate(body, start=2):
        rows.append(
            (
                number,
                {key: (record[pos] if pos < len(record) else "").strip() for key, pos in positions.items()},
            )
        )
    return ParsedFile(
        rows=rows, encoding=encoding, delimiter=delimiter, headers=headers, ignored_headers=ignored
    )


def template_csv() -> bytes:
    """An empty list with every column the import understands, as Excel opens it (UTF-8 BOM, `;`)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow([c.header for c in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
