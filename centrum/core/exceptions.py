class ApplicationError(Exception):
    """A business rule was broken; `message` is shown to the person as it is."""

    def __init__(self, message: str, *, field: str | None = None, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.extra = extra or {}
