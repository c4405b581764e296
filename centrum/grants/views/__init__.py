"""Pages of the grants app, one module per sub-feature (competitions, offers, evaluation)."""

from . import competitions, evaluation, offers  # noqa: F401

# reports ---
# isort: split
from . import reports  # noqa: E402, F401
