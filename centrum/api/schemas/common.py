"""Building blocks of input and output schemas shared by every router.

Input strings are stripped, length-limited and refuse characters a database cannot store
(NUL, lone surrogates), so bad input is a 422 and never reaches the database.
"""

from collections.abc import Callable, Mapping
from typing import Annotated, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from centrum.api.errors import CENTRUM_ERROR_TYPE


def input_error(message: str) -> PydanticCustomError:
    return PydanticCustomError(CENTRUM_ERROR_TYPE, "{message}", {"message": message})


class SchemaHint:
    """States in the OpenAPI document a rule a validator (or the service) enforces, so a client generated
    from it does not send what will be refused: `format`, `pattern`, `enum`, a date window. `hint` is a
    dict, or a callable filling the field's schema when the document is generated (today's dates, the
    centre's districts). Only the document changes; the validators decide."""

    def __init__(self, hint: Mapping[str, Any] | Callable[[dict], None]):
        self.hint = hint

    def __get_pydantic_json_schema__(self, core_schema, handler):
        schema = handler(core_schema)
        if callable(self.hint):
            self.hint(schema)
        else:
            schema.update(self.hint)
        return schema


def _whole_number(value):
    # Pydantic's lax mode reads JSON true/false as 1/0; a count or an id sent as a boolean is a client's bug.
    if isinstance(value, bool):
        raise input_error(_("Podaj liczbę całkowitą, nie true ani false."))
    return value


def Int(*, ge: int, le: int):  # noqa: N802 - reads as a type in schemas
    """A whole number in [ge, le] (both stated in the document); true/false is refused, not read as 1/0."""
    return Annotated[int, Field(ge=ge, le=le), BeforeValidator(_whole_number)]


# Primary keys are 64-bit; a larger number would overflow the database driver.
MAX_ID = 2**63 - 1
Id = Int(ge=1, le=MAX_ID)


def _storable(value: str) -> str:
    if "\x00" in value:
        raise input_error(_("Tekst zawiera niedozwolony znak (NUL)."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise input_error(_("Tekst zawiera niedozwolone znaki."))
    return value


def Text(max_length: int, *, min_length: int = 0):  # noqa: N802 - reads as a type in schemas
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length),
        AfterValidator(_storable),
    ]


def validated_by(validator: Callable[[str], object], *, returns_value: bool = False) -> AfterValidator:
    """A Django validator (or `clean_*` function) as a pydantic one; blank values pass untouched."""

    def check(value: str) -> str:
        if not value:
            return value
        try:
            result = validator(value)
        except DjangoValidationError as exc:
            raise input_error(" ".join(str(m) for m in exc.messages))
        return result if returns_value else value

    return AfterValidator(check)


Email = Annotated[Text(254), validated_by(EmailValidator()), SchemaHint({"format": "email"})]


class ErrorOut(Schema):
    detail: str = Field(description="Opis błędu w języku zapytania / the error in the request's language")
    field: str | None = Field(None, description="Pole, którego dotyczy błąd / the field at fault")


class FieldErrorOut(Schema):
    field: str
    message: str
    type: str | None = None


class ValidationErrorOut(Schema):
    detail: str
    field: str | None = None
    errors: list[FieldErrorOut]


ERRORS_READ = {401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
ERRORS_WRITE = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ValidationErrorOut,
}
