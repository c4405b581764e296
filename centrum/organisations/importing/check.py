"""Checking rows of a parsed list: cleaned values, errors by row and column, duplicates in the file and
in the centre's registry. Errors are stored as a code and parameters and worded when shown."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from centrum.core.models import Centre
from centrum.core.text import fold

from ..choices import LegalForm, RegistryKind
from ..identifiers import clean_krs, clean_nip, clean_regon
from ..models import ActivityArea, Organisation
from ..rules import clean_phone
from .parse import COLUMN_BY_KEY

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
    # The same rules and words as the registry's services (`organisations/rules.py`).
    "phone": gettext_noop("Podaj numer telefonu z cyframi, np. +48 62 765 43 21 lub 62 765 43 21 wew. 12."),
    "opp_needs_krs": gettext_noop("Status OPP mają tylko organizacje wpisane do KRS – podaj też numer KRS."),
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
# Compiled once: a long file is checked row by row.
_SPACE = re.compile(r"\s")
_FIVE_DIGITS = re.compile(r"\d{5}")
_POSTAL_CODE = re.compile(r"\d{2}-\d{3}")
_HTTP = re.compile(r"(?i)^https?://")
_AREA_SEPARATORS = re.compile(r"[,;|\n]")
_POINT_WORD = re.compile(r"^(pkt\.?|punkt)\s*")
_URL_VALIDATOR = URLValidator()
_YES = {"tak", "t", "1", "x", "true", "yes", "y", "opp"}
_NO = {"nie", "n", "0", "false", "no", "-", ""}


class RowChecker:
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
        """Cleaned rows and their errors; `seen` (identifier or name and city → first row) grows.

        A row that repeats an earlier one is reported once, at the first column they share; a row already in
        the registry once, at its first identifier found there (or its name and city without any number).
        """
        cleaned, errors = [], []
        for number, raw in rows:
            data, row_errors = self.clean_row(raw)
            repeated = None
            for key, value in row_keys(data):
                if value in seen:
                    repeated = repeated or (key, seen[value])
                else:
                    seen[value] = number
            if repeated:
                column = "name" if repeated[0] == "name_city" else repeated[0]
                row_errors.append((column, "same_as_row", {"row": repeated[1]}))
            data["row"] = number
            data["repeated"] = bool(repeated)
            cleaned.append(data)
            errors += [
                import_error(number, self.label(key), code, **params) for key, code, params in row_errors
            ]
        errors += self._registry_duplicates([data for data in cleaned if not data.pop("repeated")])
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
            existing = self.registry_names.get(name_city(data) or ("", ""))
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
        first: dict[int, tuple[int, str, str]] = {}  # row → (column order, column key, name in the registry)
        for org in found.only("id", "name", "krs", "nip", "regon"):
            for order, key in enumerate(("krs", "nip", "regon")):
                for data in by_identifier.get((key, getattr(org, key)), []):
                    if data["row"] not in first or order < first[data["row"]][0]:
                        first[data["row"]] = (order, key, org.name)
        for row, (_order, key, name) in first.items():
            errors.append(
                import_error(row, self.label(key), "registered_number", label=key.upper(), name=name)
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

        postal = _SPACE.sub("", raw.get("postal_code", ""))
        if _FIVE_DIGITS.fullmatch(postal):
            postal = f"{postal[:2]}-{postal[2:]}"
        if postal and not _POSTAL_CODE.fullmatch(postal):
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
        if website and not _HTTP.match(website):
            website = "https://" + website
        if website:
            try:
                _URL_VALIDATOR(website)
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
        if data["is_opp"] and not data["krs"] and "is_opp" not in {key for key, *_rest in errors}:
            errors.append(("is_opp", "opp_needs_krs", {}))
        try:
            data["phone"] = clean_phone(data["phone"])
        except ValidationError:
            errors.append(("phone", "phone", {}))
            data["phone"] = ""

        data["areas"] = []
        for part in filter(None, (p.strip() for p in _AREA_SEPARATORS.split(raw.get("areas", "")))):
            key = _POINT_WORD.sub("", fold(part)).rstrip(").")
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


def row_keys(data: dict) -> list[tuple[str, str]]:
    """What makes two rows the same organisation: (column key, marker) for each identifier, name and city."""
    keys = [(key, f"{key}:{data[key]}") for key in ("krs", "nip", "regon") if data.get(key)]
    if data.get("name"):
        keys.append(("name_city", f"name_city:{name_city(data)}"))
    return keys


def name_city(data: dict) -> tuple[str, str] | None:
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
