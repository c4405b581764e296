"""Pages of the grants app, one module per sub-feature (competitions, offers, evaluation)."""

from . import competitions, evaluation, offers  # noqa: F401

# small_grants ---
# isort: split
# contracts ---
from . import contracts as contracts  # noqa: E402, I001
from . import small_grants  # noqa: E402, F401

# reports ---
# isort: split
from . import reports  # noqa: E402, F401
