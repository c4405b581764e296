"""Pages of the grants app, one module per sub-feature (competitions, offers, evaluation)."""

from . import (
    competitions,  # noqa: F401
    offers,  # noqa: F401
)
