"""Every error the API returns is JSON with a `detail` in the request's language.

ApplicationError → 400 `{"detail", "field"}` (409 when the object's state no longer allows the action:
someone decided meanwhile); invalid input → 422 `{"detail", "field", "errors"}`;
no credentials → 401; not allowed → 403; not found (also another centre's object) → 404. An
unexpected failure is logged like any Django error and answered with a JSON 500.
"""

import ast
import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core import signals
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from centrum.core.exceptions import ApplicationError
from centrum.core.workflow import TransitionRefused

logger = logging.getLogger("django.request")

# Error types raised by our own validators carry their (already translated) message in ctx["message"].
CENTRUM_ERROR_TYPE = "centrum"


class ApiHttpError(HttpError):
    """An HTTP error whose message is already translated for the request."""


def invalid_input(field: str, message: str) -> ValidationError:
    """A 422 for one field, in the same shape as a schema validation error."""
    return ValidationError(
        [{"loc": ("body", field), "type": CENTRUM_ERROR_TYPE, "msg": message, "ctx": {"message": message}}]
    )


def _messages() -> dict[str, str]:
    return {
        "missing": _("To pole jest wymagane."),
        "extra_forbidden": _("Nieznane pole – usuń je z zapytania."),
        "string_type": _("Podaj tekst."),
        "string_pattern_mismatch": _("Niepoprawny format."),
        "int_type": _("Podaj liczbę całkowitą."),
        "int_parsing": _("Podaj liczbę całkowitą."),
        "int_from_float": _("Podaj liczbę całkowitą."),
        "int_parsing_size": _("Liczba jest za duża."),
        "bool_type": _("Podaj wartość true albo false."),
        "bool_parsing": _("Podaj wartość true albo false."),
        "greater_than_equal": _("Wartość musi wynosić co najmniej %(ge)s."),
        "greater_than": _("Wartość musi być większa niż %(gt)s."),
        "less_than_equal": _("Wartość może wynosić najwyżej %(le)s."),
        "less_than": _("Wartość musi być mniejsza niż %(lt)s."),
        "enum": _("Niedozwolona wartość. Dozwolone: %(expected)s."),
        "literal_error": _("Niedozwolona wartość. Dozwolone: %(expected)s."),
        "date_type": _("Podaj datę w formacie RRRR-MM-DD."),
        "date_parsing": _("Podaj datę w formacie RRRR-MM-DD."),
        "date_from_datetime_parsing": _("Podaj datę w formacie RRRR-MM-DD."),
        "date_from_datetime_inexact": _("Podaj datę w formacie RRRR-MM-DD."),
        "list_type": _("Podaj listę."),
        "model_type": _("Podaj obiekt JSON."),
        "model_attributes_type": _("Podaj obiekt JSON."),
        "dict_type": _("Podaj obiekt JSON."),
    }


# Messages about a number of things (characters, items): the grammar follows the number (Polish has three
# forms: 1 znak, 2 znaki, 5 znaków), so they are chosen with ngettext when the error is put into words.
_COUNTED: dict[str, tuple[str, Callable[[int], str]]] = {
    "string_too_long": (
        "max_length",
        lambda n: ngettext(
            "Tekst może mieć najwyżej %(max_length)s znak.",
            "Tekst może mieć najwyżej %(max_length)s znaków.",
            n,
        ),
    ),
    "string_too_short": (
        "min_length",
        lambda n: ngettext(
            "Tekst musi mieć co najmniej %(min_length)s znak.",
            "Tekst musi mieć co najmniej %(min_length)s znaków.",
            n,
        ),
    ),
    "too_long": (
        "max_length",
        lambda n: ngettext(
            "Lista może mieć najwyżej %(max_length)s element.",
            "Lista może mieć najwyżej %(max_length)s elementów.",
            n,
        ),
    ),
}
# One value of pydantic's `expected` list ("'a', 'b' or 3"): a quoted string or a bare number.
_EXPECTED_VALUE = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?""")


def allowed_values(expected: str) -> str:
    """Pydantic's English list of allowed values ("'a', 'b' or 'c'") in the active language."""
    values = []
    for token in _EXPECTED_VALUE.findall(expected):
        try:
            value = ast.literal_eval(token)
        except (SyntaxError, ValueError):
            return expected
        values.append(f"'{value}'" if isinstance(value, str) else str(value))
    if len(values) < 2:
        return values[0] if values else expected
    return _("%(values)s albo %(last)s") % {"values": ", ".join(values[:-1]), "last": values[-1]}


def _field_name(loc: Iterable[Any]) -> str:
    """`("body", "payload", "areas", 0)` → `areas.0`; the source and the body parameter are dropped."""
    parts = list(loc)
    if parts and parts[0] in {"body", "query", "path", "header", "cookie", "form"}:
        source, parts = parts[0], parts[1:]
        if source == "body" and parts and parts[0] == "payload":
            parts = parts[1:]
    return ".".join(str(p) for p in parts)


def _error_message(error: dict[str, Any], messages: dict[str, str]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == CENTRUM_ERROR_TYPE and ctx.get("message"):
        return str(ctx["message"])
    if kind in _COUNTED:
        key, template_for = _COUNTED[kind]
        count = ctx.get(key)
        if isinstance(count, int) and not isinstance(count, bool):
            return template_for(count) % {key: count}
        return _("Niepoprawna wartość.")
    if kind in {"enum", "literal_error"} and isinstance(ctx.get("expected"), str):
        ctx = {**ctx, "expected": allowed_values(ctx["expected"])}
    template = messages.get(kind)
    if template is None:
        return _("Niepoprawna wartość.")
    try:
        return template % {key: value for key, value in ctx.items() if isinstance(value, str | int | float)}
    except (KeyError, TypeError, ValueError):
        return _("Niepoprawna wartość.")


def validation_errors(errors: list[dict[str, Any]]) -> dict[str, Any]:
    messages = _messages()
    items = []
    for error in errors:
        field = _field_name(error.get("loc", ()))
        items.append({"field": field, "message": _error_message(error, messages), "type": error.get("type")})
    if not items:
        return {"detail": _("Niepoprawne dane."), "field": None, "errors": []}
    parts = [f"{item['field']}: {item['message']}" if item["field"] else item["message"] for item in items]
    if items[0]["field"] == "" and items[0]["type"] in {"model_attributes_type", "model_type", "dict_type"}:
        parts = [_("Treść zapytania musi być obiektem JSON.")]
    return {
        "detail": _("Popraw dane: %(errors)s") % {"errors": " ".join(parts)},
        "field": items[0]["field"] or None,
        "errors": items,
    }


def _http_error_detail(exc: HttpError) -> str:
    if isinstance(exc, ApiHttpError):
        return exc.message
    if isinstance(exc, Throttled):
        return _("Za dużo zapytań – spróbuj ponownie za chwilę.")
    if exc.status_code == 400:
        # The only 400 django-ninja raises itself: a body that is not JSON.
        return _("Treść zapytania nie jest poprawnym JSON-em.")
    return {
        401: _("Zaloguj się albo podaj token API (nagłówek Authorization: Bearer …)."),
        403: _("Nie masz uprawnień do tej czynności."),
        404: _("Nie znaleziono."),
    }.get(exc.status_code, _("Nie można wykonać zapytania."))


def register_exception_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, body: dict[str, Any], status: int) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(ApplicationError)
    def application_error(request, exc: ApplicationError):
        body = {"detail": str(exc.message), "field": exc.field}
        body.update({key: value for key, value in exc.extra.items() if key not in body})
        return respond(request, body, 409 if isinstance(exc, TransitionRefused) else 400)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        return respond(request, validation_errors(exc.errors), 422)

    @api.exception_handler(AuthenticationError)
    def authentication_error(request, exc: AuthenticationError):
        response = respond(request, {"detail": _http_error_detail(exc)}, 401)
        response["WWW-Authenticate"] = 'Bearer realm="centrum"'
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return respond(request, {"detail": _http_error_detail(exc)}, exc.status_code)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, {"detail": _("Nie znaleziono.")}, 404)

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc):
        return respond(request, {"detail": _("Nie masz uprawnień do tej czynności.")}, 403)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return respond(request, {"detail": _("Zapytanie jest za duże.")}, 413)

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request, exc):
        logging.getLogger(f"django.security.{exc.__class__.__name__}").error(str(exc))
        return respond(request, {"detail": _("Nie można wykonać zapytania.")}, 400)

    @api.exception_handler(Exception)
    def server_error(request, exc: Exception):
        if settings.DEBUG:
            raise exc
        # What Django does for an unhandled exception (error reports, test client), but answered as JSON.
        signals.got_request_exception.send(sender=None, request=request)
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=(type(exc), exc, exc.__traceback__),
            extra={"status_code": 500, "request": request},
        )
        return respond(
            request, {"detail": _("Wystąpił błąd serwera. Spróbuj ponownie lub zgłoś problem.")}, 500
        )
