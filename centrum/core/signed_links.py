"""Links that act without logging in (cancel a registration, confirm a pickup…), forged links refused.

`signed_token(purpose, pk, version=…)` makes a token for one object and one purpose;
`read_signed_token(purpose, token, max_age=…)` gives `(pk, version)` back or raises `ApplicationError` with
a clear message. A token for one purpose never opens another. The caller loads the row by pk (in its centre:
another centre's row is a 404) and compares `version` with the row's (e.g. a secret stored on the row), so
a reissued link voids the old one. Put the token in the URL: `/…/anuluj/<token>/`.
"""

from datetime import timedelta

from django.core import signing
from django.utils.translation import gettext as _

from .exceptions import ApplicationError

_SALT = "centrum.signed-link."


def signed_token(purpose: str, pk: int, *, version: str = "") -> str:
    """A URL-safe token for object `pk`; `version` (e.g. the row's creation time) lets a reissue void old links."""
    return signing.dumps([pk, version], salt=_SALT + purpose, compress=True)


def read_signed_token(purpose: str, token: str, *, max_age: timedelta | None = None) -> tuple[int, str]:
    try:
        pk, signed_version = signing.loads(token, salt=_SALT + purpose, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ApplicationError(_("Ten link wygasł.")) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise ApplicationError(_("Ten link jest nieprawidłowy.")) from exc
    if not isinstance(pk, int) or isinstance(pk, bool) or not isinstance(signed_version, str):
        raise ApplicationError(_("Ten link jest nieprawidłowy."))
    return pk, signed_version
