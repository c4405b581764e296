"""Polish identifiers: NIP, REGON (9 and 14), KRS, IBAN — validated with python-stdnum.

Each `clean_*` returns the normalised value or raises `ValidationError` with a message that says
what is wrong, so a person can fix it.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum import iban
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.pl import nip, regon

# What people type around a number: its name ("KRS", "Nr KRS:", "NIP PL"), spaces, dashes, dots, slashes.
_LABEL = re.compile(r"^\s*(?:(?:nr|numer)\.?\s*)?(?:krs|nip|regon)\b\s*(?:nr\.?\s*)?[:.]?", re.IGNORECASE)
# python-stdnum's `compact` drops " -" (and "./" for some numbers); so do we, with any kind of space or dash.
_SEPARATORS = re.compile(r"[\s\-./\u00a0\u2009\u202f\u2010-\u2014]+")


def compact(value: str) -> str:
    """A number as typed reduced to its characters: "KRS: 0000-431 452" → "0000431452" (python-stdnum's
    `compact`, after the number's name). The one normaliser of KRS, NIP and REGON for every caller."""
    value = value or ""
    if not value.isdigit():
        value = _SEPARATORS.sub("", _LABEL.sub("", value))
    return value


def _digits(value: str) -> str:
    return compact(value)


def clean_nip(value: str) -> str:
    raw = _digits(value).upper()
    if raw.startswith("PL"):
        raw = raw[2:]
    if not raw:
        return ""
    if not raw.isdigit():
        raise ValidationError(
            _("NIP może zawierać tylko cyfry (opcjonalnie prefiks PL i myślniki)."), code="format"
        )
    if len(raw) != 10:
        raise ValidationError(_("NIP ma 10 cyfr, a podano %(count)d.") % {"count": len(raw)}, code="length")
    try:
        return nip.validate(raw)
    except InvalidChecksum:
        raise ValidationError(
            _("Cyfra kontrolna NIP się nie zgadza – sprawdź, czy nie ma literówki."), code="checksum"
        )


def format_nip(value: str) -> str:
    return f"{value[:3]}-{value[3:6]}-{value[6:8]}-{value[8:]}" if len(value or "") == 10 else value or ""


def clean_regon(value: str) -> str:
    raw = _digits(value)
    if not raw:
        return ""
    if not raw.isdigit():
        raise ValidationError(_("REGON może zawierać tylko cyfry."), code="format")
    if len(raw) not in (9, 14):
        raise ValidationError(
            _("REGON ma 9 albo 14 cyfr, a podano %(count)d.") % {"count": len(raw)}, code="length"
        )
    # The KRS register writes a 9-digit REGON padded with "00000"; that fails the 14-digit check.
    if len(raw) == 14 and raw.endswith("00000") and regon.is_valid(raw[:9]):
        return raw[:9]
    try:
        return regon.validate(raw)
    except InvalidChecksum:
        if len(raw) == 14 and not regon.is_valid(raw[:9]):
            raise ValidationError(
                _("Pierwsze 9 cyfr 14-cyfrowego REGON-u nie jest poprawnym REGON-em."), code="checksum"
            )
        raise ValidationError(
            _("Cyfra kontrolna REGON się nie zgadza – sprawdź, czy nie ma literówki."), code="checksum"
        )


def clean_krs(value: str) -> str:
    raw = _digits(value)
    if not raw:
        return ""
    if not raw.isdigit():
        raise ValidationError(_("Numer KRS może zawierać tylko cyfry."), code="format")
    if len(raw) > 10:
        raise ValidationError(
            _("Numer KRS ma najwyżej 10 cyfr, a podano %(count)d.") % {"count": len(raw)}, code="length"
        )
    if int(raw) == 0:
        raise ValidationError(_("Numer KRS nie może składać się z samych zer."), code="format")
    return raw.zfill(10)


def clean_iban(value: str) -> str:
    raw = _digits(value).upper()
    if not raw:
        return ""
    if raw.isdigit() and len(raw) == 26:  # Polish account number written without the country code
        raw = "PL" + raw
    try:
        return iban.validate(raw)
    except InvalidLength:
        raise ValidationError(
            _("Numer rachunku ma złą długość (polski IBAN to PL i 26 cyfr)."), code="length"
        )
    except InvalidChecksum:
        raise ValidationError(_("Suma kontrolna numeru rachunku się nie zgadza."), code="checksum")
    except (InvalidFormat, InvalidComponent):
        raise ValidationError(_("To nie jest poprawny numer rachunku (IBAN)."), code="format")


def format_iban(value: str) -> str:
    return iban.format(value) if value else ""


def validate_nip(value: str) -> None:
    clean_nip(value)


def validate_regon(value: str) -> None:
    clean_regon(value)


def validate_krs(value: str) -> None:
    if value and not re.fullmatch(r"\d{10}", value):
        raise ValidationError(_("Numer KRS to 10 cyfr (z zerami na początku)."), code="format")


def validate_iban(value: str) -> None:
    clean_iban(value)
