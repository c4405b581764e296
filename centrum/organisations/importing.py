"""CSV import of organisations by staff: upload → row-by-row check → import all or nothing.

The lists cities keep today come from Excel: UTF-8 (with or without BOM) or Windows-1250, separated by
semicolons or commas, with headers written by hand. File-level problems (encoding, separator, missing
columns, limits) are refused at upload and nothing is stored. Row-level problems are listed on the preview
page with row number, column and a message. Rows are checked in chunks, each in its own short transaction
that commits the progress counter, so the preview page (another connection) can show progress; large files
are checked and imported by the `organisations.import_batches` job.

The import itself creates each organisation with `organisation_create` inside one transaction: the same
normalisation, validation and duplicate checks as a form, one audit entry per organisation (its history
shows it came from this file and row), and nothing at all is stored if any row fails.
"""

import csv
import io
import re
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from centrum.core.audit import audit_log
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.text import fold

from . import import_settings
from .choices import LegalForm, OrganisationStatus, RegistryKind
from .identifiers import clean_krs, clean_nip, clean_regon
from .models import ActivityArea, District, ImportBatch, ImportStatus, Organisation
from .permissions import can_import_organisations
from .services import organisation_create

# Files up to this many rows are checked (and imported) during the request; longer ones by the job.
INLINE_MAX_ROWS = 300
CHUNK_ROWS = 200
# One job run stops taking new chunks after this long, so the scheduler's other jobs are not starved.
JOB_TIME_BUDGET_SECONDS = 20.0
PREVIEW_ROWS = 20
ERRORS_SHOWN = 500

# Row errors are stored (ImportBatch.errors) as a code and its parameters and put into words when shown,
# in the reader's language: `import_error_message`. Each also keeps `message`, the words at check time,
# which older rows have alone and which the audit log quotes.
IMPORT_ERROR_MESSAGES: dict[str, str] = {
    "required": gettext_noop("To pole jest wymagane."),
    "too_long": gettext_noop("Najwyżej %(limit)d znaków, a jest %(count)d."),
    "legal_form_unknown": gettext_noop("Nieznana forma prawna „%(value)s”. Dozwolone: %(allowed)s."),
    "registry_unknown": gettext_noop(
        "Nieznany rejestr „%(value)s”. Dozwolone: KRS, KRS P, starosta, ARiMR, inny."
    ),
    "krs_required": gettext_noop("Organizacja z rejestru KRS musi mieć numer KRS."),
    "postal_code": gettext_noop("Kod pocztowy w formacie 00-000."),
    "email": gettext_noop("To nie jest poprawny adres e-mail."),
    "website": gettext_noop("To nie jest poprawny adres strony internetowej."),
    "yes_no": gettext_noop("Wpisz „tak” albo „nie”."),
    "area_unknown": gettext_noop("Nieznana sfera „%(value)s” – podaj numer punktu z art. 4 ust. 1, np. 16."),
    "same_as_row": gettext_noop("Ta sama organizacja co w wierszu %(row)d."),
    "registered_name": gettext_noop(
        "Organizacja „%(name)s” z tej miejscowości jest już w rejestrze centrum."
    ),
    "registered_number": gettext_noop(
        "Organizacja o tym numerze %(label)s jest już w rejestrze centrum: „%(name)s”."
    ),
    "file_unreadable": gettext_noop("Nie udało się odczytać zapisanego pliku."),
    "not_checked": gettext_noop("Plik nie został w całości sprawdzony albo zawiera błędy."),
    "requester_not_staff": gettext_noop("Osoba, która zleciła import, nie jest już pracownikiem centrum."),
}
# Numbers are checked again when shown, so their message is in the reader's language too.
_IDENTIFIER_CLEANERS = {"krs": clean_krs, "nip": clean_nip, "regon": clean_regon}


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

_LEGAL_FORM_WORDS: dict[str, str] = {
    "stowarzyszenie": LegalForm.ASSOCIATION,
    "stowarzyszenie rejestrowe": LegalForm.ASSOCIATION,
    "stowarzyszenie zwykle": LegalForm.ORDINARY_ASSOCIATION,
    "fundacja": LegalForm.FOUNDATION,
    "osp": LegalForm.VOLUNTEER_FIRE_BRIGADE,
    "ochotnicza straz pozarna": LegalForm.VOLUNTEER_FIRE_BRIGADE,
    "klub sportowy": LegalForm.SPORTS_CLUB,
    "uks": LegalForm.SPORTS_CLUB,
    "uczniowski klub sportowy": LegalForm.SPORTS_CLUB,
    "stowarzyszenie kultury fizycznej": LegalForm.SPORTS_CLUB,
    "spoldzielnia socjalna": LegalForm.SOCIAL_COOPERATIVE,
    "kgw": LegalForm.RURAL_WOMENS_CIRCLE,
    "kolo gospodyn wiejskich": LegalForm.RURAL_WOMENS_CIRCLE,
    "koscielna osoba prawna": LegalForm.CHURCH_ENTITY,
    "zwiazek stowarzyszen": LegalForm.ASSOCIATION_UNION,
    "stowarzyszenie jst": LegalForm.JST_ASSOCIATION,
    "inna": LegalForm.OTHER,
}
_REGISTRY_WORDS: dict[str, str] = {
    "krs": RegistryKind.KRS_S,
    "krs s": RegistryKind.KRS_S,
    "krs p": RegistryKind.KRS_P,
    "starosta": RegistryKind.STAROSTA,
    "ewidencja": RegistryKind.STAROSTA,
    "ewidencja starosty": RegistryKind.STAROSTA,
    "arimr": RegistryKind.ARIMR,
    "inny": RegistryKind.OTHER,
}
_YES = {"tak", "t", "1", "x", "true", "yes", "y", "opp"}
_NO = {"nie", "n", "0", "false", "no", "-", ""}
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


# ---------------------------------------------------------------- reading the file


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


# ---------------------------------------------------------------- checking rows


class _RowChecker:
    """Cleans rows and finds duplicates in the file (via `seen`) and in the centre's registry."""

    def __init__(self, *, centre: Centre, headers: dict[str, str]):
        self.centre = centre
        self.headers = headers
        self.areas = {a.code: a.code for a in ActivityArea.objects.all()}
        self.areas.update(
            {fold(name): code for code, name in ActivityArea.objects.values_list("code", "name")}
        )
        self.registry_names = {
            (fold(name), fold(city)): name
            for name, city in Organisation.objects.filter(centre=centre).values_list("name", "city")
        }

    def label(self, key: str) -> str:
        return self.headers.get(key) or COLUMN_BY_KEY[key].header

    def check_chunk(
        self, rows: list[tuple[int, dict[str, str]]], seen: dict[str, int]
    ) -> tuple[list[dict], list[dict]]:
        cleaned, errors = [], []
        for number, raw in rows:
            data, row_errors = self.clean_row(raw)
            for key in ("krs", "nip", "regon", "name_city"):
                value = data.get(key) if key != "name_city" else _name_city(data)
                if not value:
                    continue
                marker = f"{key}:{value}"
                if marker in seen:
                    column = "name" if key == "name_city" else key
                    row_errors.append((column, "same_as_row", {"row": seen[marker]}))
                else:
                    seen[marker] = number
            data["row"] = number
            data["ok"] = not row_errors
            cleaned.append(data)
            errors += [
                import_error(number, self.label(key), code, **params) for key, code, params in row_errors
            ]
        errors += self._registry_duplicates(cleaned)
        errors.sort(key=lambda e: e["row"])
        failed = {e["row"] for e in errors}
        for data in cleaned:
            data["ok"] = data["row"] not in failed
        return cleaned, errors

    def _registry_duplicates(self, cleaned: list[dict]) -> list[dict]:
        errors = []
        by_identifier: dict[tuple[str, str], list[dict]] = {}
        for data in cleaned:
            for key in ("krs", "nip", "regon"):
                if data.get(key):
                    by_identifier.setdefault((key, data[key]), []).append(data)
            existing = self.registry_names.get(_name_city(data) or ("", ""))
            if existing and not any(data.get(k) for k in ("krs", "nip", "regon")):
                errors.append(import_error(data["row"], self.label("name"), "registered_name", name=existing))
        if not by_identifier:
            return errors
        wanted: dict[str, set[str]] = {"krs": set(), "nip": set(), "regon": set()}
        for key, value in by_identifier:
            wanted[key].add(value)
        found = Organisation.objects.filter(centre=self.centre).filter(
            _any_of({f"{key}__in": values for key, values in wanted.items() if values})
        )
        for org in found.only("id", "name", "krs", "nip", "regon"):
            for key in ("krs", "nip", "regon"):
                for data in by_identifier.get((key, getattr(org, key)), []):
                    errors.append(
                        import_error(
                            data["row"],
                            self.label(key),
                            "registered_number",
                            label=key.upper(),
                            name=org.name,
                        )
                    )
        return errors

    def clean_row(self, raw: dict[str, str]) -> tuple[dict[str, Any], list[tuple[str, str, dict]]]:
        """The cleaned row and its errors: (column key, message code, parameters)."""
        data: dict[str, Any] = {}
        errors: list[tuple[str, str, dict]] = []

        def text(key: str, limit: int, required: bool = False) -> None:
            value = " ".join(raw.get(key, "").split())
            if required and not value:
                errors.append((key, "required", {}))
            elif len(value) > limit:
                errors.append((key, "too_long", {"limit": limit, "count": len(value)}))
            data[key] = value[:limit]

        text("name", 300, required=True)
        text("short_name", 120)
        text("street", 200)
        text("city", 100)
        text("phone", 40)
        text("district", 120)
        text("registry_number", 50)

        form = fold(raw.get("legal_form", ""))
        data["legal_form"] = _LEGAL_FORM_WORDS.get(form) or _legal_form_by_label(form)
        if not form:
            errors.append(("legal_form", "required", {}))
        elif not data["legal_form"]:
            errors.append(("legal_form", "legal_form_unknown", {"value": raw["legal_form"]}))

        for key, cleaner in _IDENTIFIER_CLEANERS.items():
            try:
                data[key] = cleaner(raw.get(key, ""))
            except ValidationError:
                data[key] = ""
                errors.append((key, "identifier", {"kind": key, "value": raw.get(key, "")}))

        kind = fold(raw.get("registry_kind", ""))
        if kind and kind not in _REGISTRY_WORDS:
            errors.append(("registry_kind", "registry_unknown", {"value": raw["registry_kind"]}))
        data["registry_kind"] = _REGISTRY_WORDS.get(kind) or _default_registry(data)
        if data["registry_kind"] in (RegistryKind.KRS_S, RegistryKind.KRS_P) and not data["krs"]:
            try:
                data["krs"] = clean_krs(data["registry_number"])
            except ValidationError:
                errors.append(
                    ("registry_number", "identifier", {"kind": "krs", "value": data["registry_number"]})
                )
        if data["registry_kind"] in (RegistryKind.KRS_S, RegistryKind.KRS_P) and not (
            data["krs"] or data["registry_number"]
        ):
            errors.append(("krs", "krs_required", {}))

        postal = re.sub(r"\s", "", raw.get("postal_code", ""))
        if re.fullmatch(r"\d{5}", postal):
            postal = f"{postal[:2]}-{postal[2:]}"
        if postal and not re.fullmatch(r"\d{2}-\d{3}", postal):
            errors.append(("postal_code", "postal_code", {}))
            postal = ""
        data["postal_code"] = postal

        email = raw.get("email", "").strip().lower()
        if email.startswith("mailto:"):
            email = email[7:]
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(("email", "email", {}))
                email = ""
        data["email"] = email

        website = raw.get("website", "").strip()
        if website and not re.match(r"(?i)^https?://", website):
            website = "https://" + website
        if website:
            try:
                URLValidator()(website)
                if len(website) > 200:
                    raise ValidationError("")
            except ValidationError:
                errors.append(("website", "website", {}))
                website = ""
        data["website"] = website

        opp = fold(raw.get("is_opp", ""))
        if opp not in _YES | _NO:
            errors.append(("is_opp", "yes_no", {}))
        data["is_opp"] = opp in _YES

        data["areas"] = []
        for part in filter(None, (p.strip() for p in re.split(r"[,;|\n]", raw.get("areas", "")))):
            key = re.sub(r"^(pkt\.?|punkt)\s*", "", fold(part)).rstrip(").")
            code = self.areas.get(key) or self.areas.get(fold(part))
            if code is None:
                errors.append(("areas", "area_unknown", {"value": part}))
            elif code not in data["areas"]:
                data["areas"].append(code)
        return data, errors


def import_error(row: int, column: str, code: str, /, **params: Any) -> dict[str, Any]:
    """A row error as stored: code and parameters, and the message in the language of the moment."""
    error = {"row": row, "column": column, "code": code, "params": params}
    error["message"] = import_error_message(error)
    return error


def import_error_message(error: dict[str, Any]) -> str:
    """A stored row error in the active language; an error stored before codes keeps its `message`."""
    code, params = error.get("code"), dict(error.get("params") or {})
    try:
        if code == "identifier":
            _IDENTIFIER_CLEANERS[params["kind"]](params["value"])
        elif code in IMPORT_ERROR_MESSAGES:
            if code == "legal_form_unknown":
                params["allowed"] = ", ".join(str(label) for _v, label in LegalForm.choices)
            return _(IMPORT_ERROR_MESSAGES[code]) % params
    except ValidationError as exc:
        return " ".join(exc.messages)
    except (KeyError, TypeError, ValueError):
        pass
    return str(error.get("message") or _("Niepoprawna wartość."))


def _any_of(lookups: dict[str, Any]) -> Q:
    condition = Q()
    for lookup, value in lookups.items():
        condition |= Q(**{lookup: value})
    return condition


def _name_city(data: dict) -> tuple[str, str] | None:
    return (fold(data["name"]), fold(data.get("city", ""))) if data.get("name") else None


def _legal_form_by_label(folded: str) -> str | None:
    for value, label in LegalForm.choices:
        if folded in (fold(value.replace("_", " ")), fold(str(label))):
            return value
    return None


def _default_registry(data: dict) -> str:
    if data.get("krs"):
        return RegistryKind.KRS_S
    if data.get("legal_form") in (LegalForm.ORDINARY_ASSOCIATION, LegalForm.SPORTS_CLUB):
        return RegistryKind.STAROSTA
    if data.get("legal_form") == LegalForm.RURAL_WOMENS_CIRCLE:
        return RegistryKind.ARIMR
    return RegistryKind.OTHER


# ---------------------------------------------------------------- the batch


def import_batch_get(*, centre: Centre, pk: int) -> ImportBatch:
    batch = ImportBatch.objects.filter(centre=centre, pk=pk).select_related("created_by").first()
    if batch is None:
        raise Http404
    return batch


def import_batch_list(*, centre: Centre) -> QuerySet[ImportBatch]:
    return (
        ImportBatch.objects.filter(centre=centre)
        .select_related("created_by")
        .defer("preview", "errors")
        .order_by("-created_at", "-id")
    )


def import_limits(centre: Centre) -> dict[str, int]:
    return {
        "max_kb": centre_setting(centre, import_settings.IMPORT_MAX_FILE_KB.key),
        "max_rows": centre_setting(centre, import_settings.IMPORT_MAX_ROWS.key),
    }


def import_batch_create(*, centre: Centre, actor, upload) -> ImportBatch:
    """Store an uploaded CSV as a batch; small files are checked at once, large ones by the job."""
    if not can_import_organisations(actor, centre):
        raise ApplicationError(_("Tylko pracownik centrum może importować organizacje."))
    limits = import_limits(centre)
    if upload.size > limits["max_kb"] * 1024:
        raise ApplicationError(
            _("Plik ma %(size)s KB, a centrum przyjmuje pliki do %(limit)s KB.")
            % {"size": (upload.size + 1023) // 1024, "limit": limits["max_kb"]},
            field="file",
        )
    data = upload.read()
    parsed = parse_csv(data, max_rows=limits["max_rows"])
    name = (getattr(upload, "name", "") or "import.csv").rsplit("/", 1)[-1][:255]
    batch = ImportBatch(centre=centre, created_by=actor, original_name=name, total_rows=len(parsed.rows))
    batch.file.save(name, ContentFile(data), save=False)
    with transaction.atomic():
        batch.save()
        audit_log(
            actor=actor,
            obj=batch,
            action="organisation_import.uploaded",
            new={"file": name, "rows": batch.total_rows, "status": batch.status},
        )
    if batch.total_rows <= INLINE_MAX_ROWS:
        batch = import_batch_check(batch=batch, parsed=parsed)
    return batch


def import_batch_check(
    *, batch: ImportBatch, parsed: ParsedFile | None = None, time_budget: float | None = None
) -> ImportBatch:
    """Check the rows not yet checked, one committed chunk at a time, until done or out of time."""
    if parsed is None:
        try:
            with batch.file.open("rb") as handle:
                parsed = parse_csv(handle.read())
        except (ApplicationError, OSError) as exc:
            message = getattr(exc, "message", None)
            error = (
                {"row": 1, "column": "", "message": str(message)}
                if message
                else import_error(1, "", "file_unreadable")
            )
            ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.UPLOADED).update(
                status=ImportStatus.INVALID, errors=[error]
            )
            batch.refresh_from_db()
            return batch
    checker = _RowChecker(centre=batch.centre, headers=parsed.headers)
    started = time.monotonic()
    while True:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
            if locked.status != ImportStatus.UPLOADED:
                return locked
            seen = {}
            for data in locked.preview:
                for key in ("krs", "nip", "regon"):
                    if data.get(key):
                        seen.setdefault(f"{key}:{data[key]}", data["row"])
                if data.get("name"):
                    seen.setdefault(f"name_city:{_name_city(data)}", data["row"])
            start = locked.processed_rows
            cleaned, errors = checker.check_chunk(parsed.rows[start : start + CHUNK_ROWS], seen)
            locked.preview = locked.preview + cleaned
            locked.errors = locked.errors + errors
            locked.processed_rows = min(start + CHUNK_ROWS, len(parsed.rows))
            locked.total_rows = len(parsed.rows)
            fields = ["preview", "errors", "processed_rows", "total_rows", "updated_at"]
            if locked.processed_rows >= locked.total_rows:
                locked.status = ImportStatus.INVALID if locked.errors else ImportStatus.VALIDATED
                fields.append("status")
            locked.save(update_fields=fields)
        if locked.status != ImportStatus.UPLOADED:
            return locked
        if time_budget is not None and time.monotonic() - started > time_budget:
            return locked


def import_batch_start(*, batch: ImportBatch, actor) -> ImportBatch:
    """Staff pressed "Importuj": a small file is imported now, a large one is queued for the job."""
    if not can_import_organisations(actor, batch.centre):
        raise ApplicationError(_("Tylko pracownik centrum może importować organizacje."))
    if batch.total_rows <= INLINE_MAX_ROWS:
        return import_batch_run(batch=batch, actor=actor, expected_status=ImportStatus.VALIDATED)
    with transaction.atomic():
        queued = ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.VALIDATED).update(
            status=ImportStatus.IMPORTING, updated_at=timezone.now()
        )
        if not queued:
            raise ApplicationError(_("Ten plik nie czeka na import (sprawdź jego stan)."))
        batch.refresh_from_db()
        audit_log(
            actor=actor,
            obj=batch,
            action="organisation_import.queued",
            old={"status": ImportStatus.VALIDATED.value},
            new={"file": batch.original_name, "rows": batch.total_rows, "status": batch.status},
        )
    return batch


class _RowFailed(Exception):
    def __init__(self, error: dict[str, Any]):
        super().__init__(error["message"])
        self.error = error


def import_batch_run(
    *, batch: ImportBatch, actor, expected_status: str = ImportStatus.IMPORTING
) -> ImportBatch:
    """Create every organisation of the batch in one transaction; any failure leaves nothing behind."""
    try:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().select_related("centre").get(pk=batch.pk)
            if locked.status != expected_status:
                raise ApplicationError(_("Ten plik nie czeka na import (sprawdź jego stan)."))
            created = _create_all(locked, actor)
            locked.status = ImportStatus.DONE
            locked.created_count = created
            locked.processed_rows = locked.total_rows
            locked.finished_at = timezone.now()
            locked.save(
                update_fields=["status", "created_count", "processed_rows", "finished_at", "updated_at"]
            )
            audit_log(
                actor=actor,
                obj=locked,
                action="organisation_import.done",
                new={"file": locked.original_name, "created": created},
            )
            return locked
    except _RowFailed as failure:
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportStatus.FAILED, errors=[failure.error], finished_at=timezone.now()
        )
        batch.refresh_from_db()
        audit_log(
            actor=actor,
            obj=batch,
            action="organisation_import.failed",
            new={"file": batch.original_name, "row": failure.error["row"]},
            reason=failure.error["message"],
        )
        return batch


def _create_all(batch: ImportBatch, actor) -> int:
    rows = [r for r in batch.preview if r.get("ok")]
    if len(rows) != batch.total_rows or not rows:
        raise _RowFailed(import_error(1, "", "not_checked"))
    districts = _districts_for(batch, actor, {r["district"] for r in rows if r.get("district")})
    areas = {a.code: a for a in ActivityArea.objects.all()}
    headers = {c.key: c.header for c in COLUMNS}
    for row in rows:
        data = {k: v for k, v in row.items() if k not in {"row", "ok", "areas", "district"}}
        data["district"] = districts.get(fold(row.get("district", ""))) if row.get("district") else None
        try:
            organisation_create(
                centre=batch.centre,
                actor=actor,
                data=data,
                areas=[areas[code] for code in row.get("areas", []) if code in areas],
                status=OrganisationStatus.ACTIVE,
                notify=False,
                reason=_("Import z pliku „%(file)s”, wiersz %(row)d.")
                % {"file": batch.original_name, "row": row["row"]},
            )
        except ApplicationError as exc:
            raise _RowFailed(
                {"row": row["row"], "column": headers.get(exc.field or "", ""), "message": str(exc.message)}
            )
    return len(rows)


def _districts_for(batch: ImportBatch, actor, names: set[str]) -> dict[str, District]:
    """The centre's districts by folded name; names not known yet become new districts (audited)."""
    existing = {fold(d.name): d for d in District.objects.filter(centre=batch.centre)}
    for name in sorted(names):
        if fold(name) in existing:
            continue
        district = District(centre=batch.centre, name=name)
        district.full_clean(validate_constraints=False)
        district.save()
        audit_log(
            actor=actor,
            obj=district,
            action="district.created",
            new={"name": name},
            reason=_("Import z pliku „%(file)s”.") % {"file": batch.original_name},
        )
        existing[fold(name)] = district
    return existing


def import_batches_process(*, time_budget: float = JOB_TIME_BUDGET_SECONDS) -> dict[str, int]:
    """The job's work: check uploaded large files, then import the queued ones."""
    started = time.monotonic()
    checked = imported = 0
    for batch in (
        ImportBatch.objects.filter(status=ImportStatus.UPLOADED).select_related("centre").order_by("id")
    ):
        remaining = time_budget - (time.monotonic() - started)
        if remaining <= 0 and checked:
            break
        import_batch_check(batch=batch, time_budget=max(remaining, 0))
        checked += 1
    queued = ImportBatch.objects.filter(status=ImportStatus.IMPORTING).select_related("centre", "created_by")
    for batch in queued.order_by("id"):
        if batch.created_by is None or not can_import_organisations(batch.created_by, batch.centre):
            ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.IMPORTING).update(
                status=ImportStatus.FAILED,
                errors=[import_error(1, "", "requester_not_staff")],
                finished_at=timezone.now(),
            )
            continue
        try:
            import_batch_run(batch=batch, actor=batch.created_by)
        except ApplicationError:
            continue  # another worker took it first
        imported += 1
    return {"checked": checked, "imported": imported}
