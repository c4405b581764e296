"""Pages of the grants app, one module per sub-feature (competitions, offers, evaluation)."""

from . import competitions, evaluation, offers  # noqa: F401

# small_grants ---
# isort: split
from . import small_grants  # noqa: E402, F401
