"""Checking an answer against its question: the answering form and the service (so the API and imports
too) refuse the same values with the same message."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError

from .choices import QuestionKind as K

TEXT_MAX = 5000


def _missing(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def clean_answer(question, value, other: str = ""):
    """The stored form of `value` for `question`, or ApplicationError on the question's field. None: no
    answer (allowed for a question that is not required)."""
    field = f"q{question.pk}"
    other = (other or "").strip()[:300]
    if _missing(value) and not (question.allow_other and other):
        if question.required:
            raise ApplicationError(_("Odpowiedz na to pytanie."), field=field)
        return None
    options = question.options or []
    try:
        if question.kind == K.SINGLE:
            if _missing(value):
                return None
            index = int(value)
            if not 0 <= index < len(options):
                raise ValueError
            return index
        if question.kind == K.MULTIPLE:
            indexes = sorted({int(v) for v in (value or [])})
            if any(not 0 <= i < len(options) for i in indexes):
                raise ValueError
            return indexes
        if question.kind == K.SCALE:
            number = int(value)
            if not 1 <= number <= (question.scale_max or 5):
                raise ValueError
            return number
        if question.kind == K.NUMBER:
            number = Decimal(str(value).replace(",", ".").replace(" ", ""))
            if not number.is_finite():
                raise ValueError
            if question.number_min is not None and number < question.number_min:
                raise ApplicationError(
                    _("Podaj liczbę nie mniejszą niż %(min)s.") % {"min": question.number_min}, field=field
                )
            if question.number_max is not None and number > question.number_max:
                raise ApplicationError(
                    _("Podaj liczbę nie większą niż %(max)s.") % {"max": question.number_max}, field=field
                )
            return str(number)
        if question.kind == K.TEXT:
            text = str(value).strip()
            if len(text) > TEXT_MAX:
                raise ApplicationError(
                    _("Odpowiedź może mieć najwyżej %(max)s znaków.") % {"max": TEXT_MAX}, field=field
                )
            return text
        if question.kind == K.MATRIX:
            rows = {}
            for key, mark in dict(value).items():
                row = int(key)
                if not 0 <= row < len(options):
                    raise ValueError
                if _missing(mark):
                    continue
                mark = int(mark)
                if not 1 <= mark <= (question.scale_max or 5):
                    raise ValueError
                rows[str(row)] = mark
            if question.required and len(rows) < len(options):
                raise ApplicationError(_("Oceń każdy wiersz."), field=field)
            return rows or None
    except (TypeError, ValueError, InvalidOperation, AttributeError):
        raise ApplicationError(_("Ta odpowiedź nie pasuje do pytania."), field=field) from None
    raise ApplicationError(_("Ta odpowiedź nie pasuje do pytania."), field=field)
