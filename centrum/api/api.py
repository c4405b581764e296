"""The one NinjaAPI of Centrum, served at /api/v1/ (OpenAPI at /api/v1/openapi.json).

Routers are added here, before `api.urls` is read by `centrum/api/urls.py`; see the package
docstring for how another app adds its own.
"""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from .docs import AccessibleDocs
from .errors import register_exception_handlers

DESCRIPTION = """\
API platformy Centrum dla jednego centrum organizacji pozarządowych; centrum wybiera nazwa hosta
(np. `https://kalisz.example.org/api/v1/`). Dane publiczne (katalog organizacji) są dostępne bez
logowania. Skrypty uwierzytelnia token API w nagłówku `Authorization: Bearer <token>` (token
należy do jednego centrum); przeglądarka korzysta z sesji, a zapisy wymagają nagłówka
`X-CSRFToken`. Błędy mają postać JSON z polem `detail` w języku zapytania (`Accept-Language`:
domyślnie polski, `en` – angielski).

The Centrum API of one NGO support centre; the host name selects the centre. Public data (the
directory of organisations) needs no sign-in. Scripts authenticate with an API token in the
`Authorization: Bearer <token>` header (a token belongs to one centre); the browser uses its
session, and writes need the `X-CSRFToken` header. Errors are JSON with a `detail` in the
request's language (`Accept-Language`: Polish by default, `en` for English).
"""


class Utf8JSONRenderer(JSONRenderer):
    """UTF-8 JSON as it is (`Łódź`, not `\\u0141\\u00f3d\\u017a`): the content type says charset=utf-8."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Centrum API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=AccessibleDocs(),
    renderer=Utf8JSONRenderer(),
)
register_exception_handlers(api)

api.add_router("", "centrum.organisations.api.catalogue_router")
api.add_router("/me", "centrum.api.routers.accounts.router")
api.add_router("/organisations", "centrum.organisations.api.router")
api.add_router("/rooms", "centrum.spaces.api.router")
api.add_router("/equipment", "centrum.spaces.api.equipment_router")
api.add_router("/loans", "centrum.spaces.api.loans_router")
api.add_router("/advice", "centrum.advice.api.router")
api.add_router("/trainings", "centrum.trainings.api.router")
api.add_router("/programmes", "centrum.programmes.api.router")
api.add_router("/grants", "centrum.grants.api.router")
api.add_router("/initiatives", "centrum.initiatives.api.router")
api.add_router("/promotion", "centrum.promotion.api.router")
api.add_router("/addresses", "centrum.addresses.api.router")
api.add_router("/volunteers", "centrum.volunteers.api.router")
api.add_router("/news", "centrum.news.api.router")
api.add_router("/knowledge", "centrum.knowledge.api.router")
api.add_router("/newsletter", "centrum.newsletter.api.router")
api.add_router("/consultations", "centrum.consultations.api.router")
api.add_router("/councils", "centrum.councils.api.router")
api.add_router("/surveys", "centrum.surveys.api.router")
