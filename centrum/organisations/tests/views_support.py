"""Helpers for the registry's page tests: organisations with valid identifiers, images, form data."""

import io
import itertools

from PIL import Image

from centrum.organisations.choices import LegalForm, RegistryKind
from centrum.organisations.tests.factories import OrganisationFactory

_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
_counter = itertools.count(1)


def valid_nip(seed: int | None = None) -> str:
    """A NIP with a correct check digit (deterministic per seed)."""
    number = 123456000 + (next(_counter) if seed is None else seed) * 7
    while True:
        base = str(number)[-9:]
        check = sum(int(d) * w for d, w in zip(base, _NIP_WEIGHTS, strict=True)) % 11
        if base[0] != "0" and check != 10:
            return base + str(check)
        number += 1


def make_org(**kwargs):
    """OrganisationFactory with a valid NIP (the factory's own NIP generator needs a newer python-stdnum)."""
    kwargs.setdefault("nip", valid_nip())
    return OrganisationFactory(**kwargs)


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 92, 173)).save(buffer, format=fmt)
    return buffer.getvalue()


# Real identifiers from DOMAIN.md (the KRS API's Fundacja example): KRS 0000206867, NIP 5261040828.
VALID_REGISTRATION = {
    "name": "Fundacja Łódzka Żyrafa",
    "short_name": "Żyrafa",
    "legal_form": LegalForm.FOUNDATION,
    "registry_kind": RegistryKind.KRS_S,
    "krs": "206867",
    "registry_number": "",
    "nip": "526-104-08-28",
    "regon": "30204683000000",
    "registered_on": "2004-05-12",
    "street": "ul. Piotrkowska 1",
    "postal_code": "62800",
    "city": "Kalisz",
    "correspondence_address": "",
    "email": "biuro@zyrafa.example.org",
    "phone": "+48 62 765 43 21",
    "website": "zyrafa.example.org",
    "description": "Edukacja ekologiczna dzieci.",
    "bank_account": "PL61 1090 1014 0000 0712 1981 2874",
}
