"""The grants API (`/api/v1/grants`): one router per sub-feature, mounted here."""

from ninja import Router

router = Router(tags=["grants"])

# evaluation
from .evaluation import router as evaluation_router  # noqa: E402

router.add_router("/evaluation", evaluation_router)
