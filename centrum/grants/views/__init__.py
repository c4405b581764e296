"""Pages of the grants app, one module per sub-feature (competitions, offers, evaluation)."""

# reports ---
from . import (  # noqa: F401
    competitions,
    evaluation,
    offers,
    reports,  # noqa: E402, F401
)
