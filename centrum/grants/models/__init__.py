"""The grants app's tables, one module per sub-feature; callers import from `centrum.grants.models`."""

from .competitions import Competition, CompetitionPublication, FormalRequirement, ScoringCriterion
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
    "ScoringCriterion",
]
