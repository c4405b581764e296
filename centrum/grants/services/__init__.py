"""The grants app's services, one module per sub-feature (competitions, offers, evaluation); re-exported here."""

from .competitions import (
    competition_create,
    competition_update,
    competitions_close_due,
    default_criteria,
    publication_record,
    reasons_request_answer,
    reasons_request_file,
    reasons_requests_remind,
)

__all__ = [
    "competition_create",
    "competition_update",
    "competitions_close_due",
    "default_criteria",
    "publication_record",
    "reasons_request_answer",
    "reasons_request_file",
    "reasons_requests_remind",
]
