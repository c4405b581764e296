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
