from django.core.exceptions import ValidationError


class ApplicationError(Exception):
    """A business rule was broken; `message` is shown to the person as it is."""

    def __init__(self, message: str, *, field: str | None = None, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.extra = extra or {}


def full_clean_or_raise(obj, **kwargs) -> None:
    """`obj.full_clean(**kwargs)`; the first invalid field becomes an ApplicationError on that field."""
    try:
        obj.full_clean(**kwargs)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(" ".join(messages), field=None if field == "__all__" else field)
