"""The grants API (`/api/v1/grants`): one router per sub-feature, mounted here."""

from ninja import Router

router = Router(tags=["grants"])

# competitions
from .competitions import router as competitions_router  # noqa: E402

router.add_router("", competitions_router)
# offers
from .offers import router as offers_router  # noqa: E402

router.add_router("/offers", offers_router)
# evaluation
from .evaluation import router as evaluation_router  # noqa: E402

router.add_router("/evaluation", evaluation_router)
# small_grants ---
from .small_grants import router as small_grants_router  # noqa: E402

router.add_router("", small_grants_router)
# contracts ---
from .contracts import router as contracts_router  # noqa: E402

router.add_router("/contracts", contracts_router)
# reports ---
from .reports import router as reports_router  # noqa: E402

router.add_router("/reports", reports_router)
