"""The grants app's reads, one module per sub-feature (competitions, offers, evaluation); re-exported here."""

from .competitions import PUBLIC_COMPETITION_STATUSES, competitions_public

__all__ = ["PUBLIC_COMPETITION_STATUSES", "competitions_public"]
