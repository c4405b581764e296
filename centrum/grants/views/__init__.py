"""Pages of the grants app, one module per sub-feature (competitions, offers, evaluation)."""

from . import competitions, evaluation, offers  # noqa: F401

# contracts ---
from . import contracts as contracts  # noqa: E402, I001
