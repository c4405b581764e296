"""What a signed document of the grants app shares, whatever it is (an offer's confirmation, a contract, an
annex): the canonical checksum of its content, and the check that an uploaded signed file (PAdES PDF or
XAdES XML) carries that checksum. Pure functions, no database."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError

from . import budget as B

MAX_SIGNED_FILE = 20 * 1024 * 1024
_DIGEST = re.compile(rb"DigestValue[^>]*>\s*([A-Za-z0-9+/=\s]+?)\s*<", re.IGNORECASE)


def plain(value):
    """A value as canonical JSON keeps it: amounts as strings to the grosz, dates ISO."""
    if isinstance(value, Decimal):
        return str(B.money(value)) if value == value.quantize(B.GROSZ) else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def checksum_of(canonical: dict) -> str:
    """SHA-256 of the canonical serialisation: JSON, keys sorted, no spaces, UTF-8."""
    data = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def offer_mismatch(checksum: str) -> str:
    return _(
        "Podpisany dokument nie zawiera sumy kontrolnej tej oferty (%(checksum)s): podpisz potwierdzenie "
        "złożenia tej oferty, a nie innej ani jej wcześniejszej wersji."
    ) % {"checksum": checksum}


def signed_file_problem(content: bytes, checksum: str, *, mismatch=offer_mismatch) -> str | None:
    """None when `content` is a signed PDF (PAdES) or XAdES XML carrying `checksum`; else why not.

    What is checked: the container is a PDF with a signature dictionary (`/ByteRange` and a `/Sig` field)
    or an XML with a `Signature` element; and the checksum appears in the PDF's text layer, its
    uncompressed bytes, its metadata or an embedded file, or in the XML's text or as one of its digests
    (base64 of the checksum's bytes). The signature's cryptography and the signer's certificate are not
    verified. `mismatch(checksum)` words the refusal for the document concerned."""
    needle = checksum.lower().encode()
    if content.startswith(b"%PDF"):
        if b"/ByteRange" not in content or b"/Sig" not in content:
            return _("Plik PDF nie zawiera podpisu elektronicznego (PAdES).")
        if (
            needle in content.lower()
            or checksum in _pdf_text(content).replace(" ", "").replace("\n", "").lower()
        ):
            return None
        return mismatch(checksum)
    head = content[:4096].lstrip(b"\xef\xbb\xbf \r\n\t")
    if head.startswith(b"<"):
        if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
            return _("Plik XML zawiera deklaracje DOCTYPE lub ENTITY, których nie przyjmujemy.")
        if not re.search(rb"<(\w+:)?Signature[\s>]", content):
            return _("Plik XML nie zawiera podpisu elektronicznego (XAdES).")
        if needle in content.lower():
            return None
        digest = base64.b64encode(bytes.fromhex(checksum))
        for match in _DIGEST.finditer(content):
            if re.sub(rb"\s", b"", match.group(1)) == digest:
                return None
        return mismatch(checksum)
    return _("Dołącz plik PDF podpisany w formacie PAdES albo plik XML w formacie XAdES.")


def read_signed_upload(upload, checksum: str, *, mismatch=offer_mismatch, field: str = "signed_file"):
    """(bytes, extension, sha256) of an uploaded signed file that carries `checksum`; ApplicationError at
    `field` otherwise (too big, not signed, another document). The upload is rewound for storing."""
    if upload.size > MAX_SIGNED_FILE:
        raise ApplicationError(_("Plik jest zbyt duży (najwyżej 20 MB)."), field=field)
    data = upload.read()
    problem = signed_file_problem(data, checksum, mismatch=mismatch)
    if problem:
        raise ApplicationError(problem, field=field)
    upload.seek(0)
    extension = "pdf" if data.startswith(b"%PDF") else "xml"
    return data, extension, hashlib.sha256(data).hexdigest()


def _pdf_text(content: bytes) -> str:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(content))
        parts = [page.extract_text() or "" for page in reader.pages[:20]]
        parts.append(json.dumps({str(k): str(v) for k, v in (reader.metadata or {}).items()}))
        for datas in (reader.attachments or {}).values():
            parts.extend(d.decode("utf-8", "replace") for d in datas)
        return "\n".join(parts)
    except Exception:  # a damaged PDF is refused by the caller's message, never a 500
        return ""
