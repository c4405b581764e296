"""Every status field of the grants app, declared for the one engine (`centrum.core.workflow`).

The offer's workflow joins two sub-features' transitions: filing (`offers.py`: submit, withdraw, resubmit,
the signed confirmation) and evaluation (`evaluation.py`: the formal check and the decision)."""

from .competitions import COMPETITION_STATUS
from .contracts import CONTRACT_STATUS
from .offers import OFFER_STATUS

__all__ = ["COMPETITION_STATUS", "CONTRACT_STATUS", "OFFER_STATUS"]

# small_grants ---
from .small_grants import SMALL_GRANT_STATUS  # noqa: E402

__all__ += ["SMALL_GRANT_STATUS"]

# reports ---
from .reports import REPORT_STATUS  # noqa: E402

__all__ += ["REPORT_STATUS"]
