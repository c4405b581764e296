"""The registry's rules for an organisation's data, one place for every caller.

The services apply them before saving (so the web form, the API, imports and any future caller get
the same answer, in the same words); the form calls the same functions to show the error next to
its field at once. Each raises `ValidationError` with the message a person reads.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from centrum.core.calendar import warsaw_today

from .choices import KRS_REGISTRY_KINDS

_PHONE = re.compile(r"^\+?[\d\s()\-/.]+(\s*(wew\.?|w\.)\s*\d{1,6})?$", re.IGNORECASE)
_POSTAL_CODE = re.compile(r"^(\d{2})-?(\d{3})$")

KRS_REQUIRED = _("Organizacja wpisana do KRS: podaj numer KRS.")
OPP_NEEDS_KRS = _("Status OPP mają tylko organizacje wpisane do KRS – podaj też numer KRS.")


def clean_phone(value: str) -> str:
    """A phone number with digits (spaces collapsed); an optional extension (wew. 12)."""
    value = " ".join((value or "").split())
    if not value:
        return ""
    digits = re.sub(r"\D", "", re.split(r"(?i)w", value)[0])
    if not _PHONE.match(value) or not 7 <= len(digits) <= 15:
        raise ValidationError(
            _("Podaj numer telefonu z cyframi, np. +48 62 765 43 21 lub 62 765 43 21 wew. 12."),
            code="format",
        )
    return value


def clean_postal_code(value: str) -> str:
    """00-000; typed as 00000 or with spaces it is put in that form."""
    value = (value or "").replace(" ", "")
    if not value:
        return ""
    match = _POSTAL_CODE.match(value)
    if not match:
        raise ValidationError(_("Kod pocztowy wpisz w formacie 00-000, np. 62-800."), code="format")
    return f"{match[1]}-{match[2]}"


def check_registered_on(value: date | None) -> date | None:
    if value and value > warsaw_today():
        raise ValidationError(_("Data wpisu do rejestru nie może być w przyszłości."), code="future")
    if value and value.year < 1800:
        raise ValidationError(_("Sprawdź rok wpisu do rejestru."), code="too_old")
    return value


def registry_errors(*, registry_kind: str, krs: str, is_opp: bool) -> dict[str, str]:
    """A KRS registry needs the KRS number; so does the OPP status (granted by an entry in KRS)."""
    errors = {}
    if registry_kind in KRS_REGISTRY_KINDS and not krs:
        errors["krs"] = KRS_REQUIRED
    if is_opp and not krs:
        errors["is_opp"] = OPP_NEEDS_KRS
    return errors
