"""The grants app's tables, one module per sub-feature; callers import from `centrum.grants.models`."""

from .competitions import (
    Competition,
    CompetitionPublication,
    FormalRequirement,
    ReasonsRequest,
    ScoringCriterion,
)
from .contracts import Contract, ContractCostLine, ContractResult
from .evaluation import Commission, CommissionMember, Declaration, FormalCheck, Score
from .offers import (
    Offer,
    OfferAction,
    OfferComment,
    OfferCostLine,
    OfferCostShare,
    Offeror,
    OfferResult,
    OfferReviewer,
)

__all__ = [
    "Contract",
    "ContractCostLine",
    "ContractResult",
    "Commission",
    "CommissionMember",
    "Declaration",
    "FormalCheck",
    "Score",
    "Competition",
    "CompetitionPublication",
    "FormalRequirement",
    "Offer",
    "OfferAction",
    "OfferCostLine",
    "OfferCostShare",
    "OfferComment",
    "OfferResult",
    "OfferReviewer",
    "Offeror",
    "ReasonsRequest",
    "ScoringCriterion",
]

# small_grants ---
from .small_grants import (  # noqa: E402
    SmallGrantComment,
    SmallGrantCostLine,
    SmallGrantOffer,
    SmallGrantPublication,
    SmallGrantResult,
)

__all__ += [
    "SmallGrantComment",
    "SmallGrantCostLine",
    "SmallGrantOffer",
    "SmallGrantPublication",
    "SmallGrantResult",
]

# contracts ---
from .contracts import (  # noqa: E402
    BudgetUpdate,
    BudgetUpdateAction,
    BudgetUpdateLine,
    BudgetUpdateShare,
    ContractAnnex,
)

__all__ += ["BudgetUpdate", "BudgetUpdateAction", "BudgetUpdateLine", "BudgetUpdateShare", "ContractAnnex"]

# reports ---
from .reports import (  # noqa: E402
    Control,
    ControlRecommendation,
    DeadlineReminder,
    GrantReturn,
    Report,
    ReportCostLine,
    ReportResult,
)

__all__ += [
    "Control",
    "ControlRecommendation",
    "DeadlineReminder",
    "GrantReturn",
    "Report",
    "ReportCostLine",
    "ReportResult",
]
