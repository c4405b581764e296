"""Client of the National Court Register (KRS) open API: the current extract (`OdpisAktualny`) of one entity.

Plain HTTP and parsing, no database: `fetch_extract("0000206867")` asks the register (register S, then P)
and returns the JSON payload; `parse_extract(payload)` maps it onto `Organisation` fields in a
`KrsLookupResult`. Caching extracts and writing organisations are services
(`centrum.organisations.services.krs`).
"""

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from centrum.core.text import fold

from ..choices import KrsRegisterStatus, LegalForm, RegistryKind
from ..identifiers import clean_krs, clean_nip, clean_regon

logger = logging.getLogger(__name__)

# An NGO that runs a business can be in both registers under one number; the S register is the NGO's own.
REGISTERS = ("S", "P")

_POSTAL_CODE = re.compile(r"^\d{2}-\d{3}$")
_WRAPPING_QUOTES = {('"', '"'), ("„", "”"), ("“", "”"), ("»", "«"), ("«", "»")}

# Folded `formaPrawna` of the register → our legal form. An association of physical culture is a
# sports club run as an association (ustawa o sporcie, art. 3), which the directory lists as a sports club.
_LEGAL_FORMS: dict[str, str] = {
    "stowarzyszenie": LegalForm.ASSOCIATION,
    "fundacja": LegalForm.FOUNDATION,
    "stowarzyszenie kultury fizycznej": LegalForm.SPORTS_CLUB,
    "uczniowski klub sportowy": LegalForm.SPORTS_CLUB,
    "klub sportowy": LegalForm.SPORTS_CLUB,
    "zwiazek stowarzyszen": LegalForm.ASSOCIATION_UNION,
    "zwiazek sportowy": LegalForm.ASSOCIATION_UNION,
    "polski zwiazek sportowy": LegalForm.ASSOCIATION_UNION,
    "zwiazek stowarzyszen kultury fizycznej": LegalForm.ASSOCIATION_UNION,
    "stowarzyszenie jednostek samorzadu terytorialnego": LegalForm.JST_ASSOCIATION,
    "spoldzielnia socjalna": LegalForm.SOCIAL_COOPERATIVE,
    "kolo gospodyn wiejskich": LegalForm.RURAL_WOMENS_CIRCLE,
}


class KrsError(Exception):
    """Anything that stops a KRS look-up; `message` is fit to show to a person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class KrsNotFound(KrsError):
    """No entity with this number in register S nor P (or the number cannot be a KRS number)."""


class KrsUnavailable(KrsError):
    """The register did not answer usefully (timeout, connection refused, 5xx, not JSON) and nothing is cached."""


@dataclass(frozen=True)
class KrsLookupResult:
    data: dict[str, Any]
    is_liquidated: bool
    as_of: date | None
    register: str
    raw: dict[str, Any] = field(repr=False)
    fetched_at: datetime | None = None
    from_cache: bool = False
    is_stale: bool = False
    # KrsRegisterStatus: "" (registered), "liquidation" (liquidation or dissolution), "removed" (struck off).
    register_status: str = ""


def parse_extract(payload: dict[str, Any], *, register: str = "S") -> KrsLookupResult:
    """Map an `OdpisAktualny` JSON payload onto Organisation fields (no network, no database)."""
    return _result(payload, register)


def clean_number(krs: str) -> str:
    """`0000206867` from any common spelling ("206867", "KRS 0000 206 867"); KrsNotFound if it cannot be one."""
    try:
        number = clean_krs(krs or "")
    except ValidationError as exc:
        raise KrsNotFound(" ".join(exc.messages))
    if not number:
        raise KrsNotFound(_("Podaj numer KRS."))
    return number


def fetch_extract(number: str) -> tuple[str, dict[str, Any]]:
    """(register, payload) of the current extract of a cleaned number; KrsNotFound or KrsUnavailable."""
    for register in REGISTERS:
        payload = _get(number, register)
        if payload is not None:
            return register, payload
    raise KrsNotFound(
        _("W Krajowym Rejestrze Sądowym nie ma podmiotu o numerze %(number)s.") % {"number": number}
    )


def _get(number: str, register: str) -> dict[str, Any] | None:
    """The payload, None for a 404, KrsUnavailable for anything else that is not a usable extract."""
    url = f"{settings.KRS_API_URL.rstrip('/')}/OdpisAktualny/{number}"
    unavailable = KrsUnavailable(_("Rejestr KRS nie odpowiada. Spróbuj ponownie za kilka minut."))
    try:
        response = requests.get(
            url,
            params={"rejestr": register, "format": "json"},
            timeout=settings.KRS_API_TIMEOUT,
            headers={"Accept": "application/json"},
        )
    except requests.RequestException as exc:
        logger.warning("KRS request %s (%s) failed: %s", number, register, exc)
        raise unavailable
    if response.status_code == 404:
        return None
    if response.status_code != 200:
        logger.warning("KRS answered %s for %s (%s)", response.status_code, number, register)
        raise unavailable
    try:
        payload = response.json()
    except ValueError:
        logger.warning("KRS answered with something that is not JSON for %s (%s)", number, register)
        raise unavailable
    if not isinstance(payload, dict) or not isinstance(payload.get("odpis"), dict):
        logger.warning("KRS answered with an unexpected document for %s (%s)", number, register)
        raise unavailable
    return payload


def _result(payload: dict[str, Any], register: str) -> KrsLookupResult:
    extract = payload.get("odpis") or {}
    header = extract.get("naglowekA") or {}
    register = {"RejS": "S", "RejP": "P"}.get(header.get("rejestr"), register)
    sections = extract.get("dane") or {}
    section1 = sections.get("dzial1") or {}
    entity = section1.get("danePodmiotu") or {}
    identifiers = entity.get("identyfikatory") or {}
    seat = section1.get("siedzibaIAdres") or {}
    address = seat.get("adres") or {}
    liquidation = sections.get("dzial6") or {}
    name = _strip_quotes(entity.get("nazwa") or "")
    data = {
        "name": name[:300],
        "legal_form": _legal_form(entity.get("formaPrawna") or "", name),
        "registry_kind": RegistryKind.KRS_P if register == "P" else RegistryKind.KRS_S,
        "krs": _or_blank(clean_krs, header.get("numerKRS") or ""),
        "nip": _or_blank(clean_nip, identifiers.get("nip") or ""),
        "regon": _or_blank(clean_regon, identifiers.get("regon") or ""),
        "street": _street(address),
        "postal_code": _postal_code(address.get("kodPocztowy") or ""),
        "city": _squash(address.get("miejscowosc") or (seat.get("siedziba") or {}).get("miejscowosc") or ""),
        "is_opp": bool(entity.get("czyPosiadaStatusOPP")),
        "registered_on": _date(header.get("dataRejestracjiWKRS")),
    }
    data["registry_number"] = data["krs"]
    register_status = _register_status(header, liquidation)
    return KrsLookupResult(
        data=data,
        is_liquidated=bool(register_status),
        register_status=register_status,
        as_of=_date(header.get("stanZDnia")),
        register=register,
        raw=payload,
    )


def statutory_goals(payload: dict[str, Any]) -> str:
    """The organisation's statutory goals from dział 3 of the extract (celDzialaniaOrganizacji), or ""."""
    section3 = ((payload.get("odpis") or {}).get("dane") or {}).get("dzial3") or {}
    goals = (section3.get("celDzialaniaOrganizacji") or {}).get("celDzialania") or ""
    if isinstance(goals, list):
        goals = "\n".join(str(g.get("celDzialania", g) if isinstance(g, dict) else g) for g in goals)
    return "\n".join(line.strip() for line in str(goals).splitlines() if line.strip())


@dataclass(frozen=True)
class Representation:
    """Dział 2 of the extract: the organ that represents the entity, how it does (sposobReprezentacji), and
    its members as the register shows them (the open API masks names with asterisks)."""

    organ: str
    method: str
    persons: tuple[tuple[str, str], ...]  # (name, function)


def representation(payload: dict[str, Any]) -> Representation:
    section2 = ((payload.get("odpis") or {}).get("dane") or {}).get("dzial2") or {}
    rep = section2.get("reprezentacja") or {}
    if isinstance(rep, list):
        rep = rep[0] if rep and isinstance(rep[0], dict) else {}
    persons = []
    for person in rep.get("sklad") or []:
        if not isinstance(person, dict):
            continue
        names = person.get("imiona") or {}
        surname = (person.get("nazwisko") or {}).get("nazwiskoICzlon") or ""
        name = _squash(" ".join(p for p in (names.get("imie"), names.get("imieDrugie"), surname) if p))
        if name:
            persons.append((name, _squash(person.get("funkcjaWOrganie") or "")))
    return Representation(
        organ=_squash(rep.get("nazwaOrganu") or ""),
        method=_squash(rep.get("sposobReprezentacji") or ""),
        persons=tuple(persons),
    )


def _register_status(header: dict[str, Any], section6: dict[str, Any]) -> str:
    """Struck off (a deletion date in the header, "dataWykreslenia…"), in liquidation or dissolved (section 6)."""
    if any(key.startswith("dataWykreslenia") and value for key, value in header.items()):
        return KrsRegisterStatus.REMOVED
    if section6.get("likwidacja") or section6.get("rozwiazanieUniewaznienie"):
        return KrsRegisterStatus.LIQUIDATION
    return ""


def _squash(text: str) -> str:
    return " ".join(str(text).split())


def _strip_quotes(name: str) -> str:
    """`"DRZEWO ŻYCIA"` → `DRZEWO ŻYCIA`; a name that only quotes a part (`"ECHO" - FUNDACJA`) is kept."""
    name = _squash(name)
    if len(name) >= 2 and (name[0], name[-1]) in _WRAPPING_QUOTES:
        inner = name[1:-1]
        if not any(q in inner for pair in _WRAPPING_QUOTES for q in pair):
            return inner.strip()
    return name


def _legal_form(register_form: str, name: str) -> str:
    folded = fold(register_form)
    if folded == "stowarzyszenie" and "ochotnicza straz pozarna" in fold(name):
        return LegalForm.VOLUNTEER_FIRE_BRIGADE
    return _LEGAL_FORMS.get(folded, LegalForm.OTHER)


def _or_blank(cleaner, value: str) -> str:
    try:
        return cleaner(str(value))
    except ValidationError:
        logger.info("KRS identifier %r does not pass %s; left blank", value, cleaner.__name__)
        return ""


def _street(address: dict[str, Any]) -> str:
    number = _squash(address.get("nrDomu") or "")
    if address.get("nrLokalu"):
        number = f"{number}/{_squash(address['nrLokalu'])}" if number else _squash(address["nrLokalu"])
    # Villages have no streets: the address is the place and the house number ("Krzemienica 608").
    street = _squash(address.get("ulica") or "") or (
        _squash(address.get("miejscowosc") or "") if number else ""
    )
    return " ".join(part for part in (street, number) if part)[:200]


def _postal_code(value: str) -> str:
    value = _squash(value)
    if re.fullmatch(r"\d{5}", value):
        value = f"{value[:2]}-{value[2:]}"
    return value if _POSTAL_CODE.match(value) else ""


def _date(value: Any) -> date | None:
    if not value:
        return None
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(str(value).strip(), pattern).date()
        except ValueError:
            continue
    return None
