"""Writes of councils, one module per sub-feature, re-exported here."""

from .bodies import (
    body_create,
    body_update,
    joint_request_create,
    joint_request_sign,
    kind_save,
    kinds_add_statutory,
    member_add,
    member_end,
)
from .elections import (
    candidate_appoint,
    candidate_nominate,
    election_close,
    election_create,
    election_publish,
    vote_cast,
)
from .meetings import meeting_attendance, meeting_document_add, meeting_minutes, meeting_save, resolution_add
from .opinions import (
    opinion_give,
    opinion_request_create,
    opinions_remind,
    opinions_waive_overdue,
    requests_remind,
)

__all__ = [
    "body_create",
    "body_update",
    "candidate_appoint",
    "candidate_nominate",
    "election_close",
    "election_create",
    "election_publish",
    "joint_request_create",
    "joint_request_sign",
    "kind_save",
    "kinds_add_statutory",
    "meeting_attendance",
    "meeting_document_add",
    "meeting_minutes",
    "meeting_save",
    "member_add",
    "member_end",
    "opinion_give",
    "opinion_request_create",
    "opinions_remind",
    "opinions_waive_overdue",
    "requests_remind",
    "resolution_add",
    "vote_cast",
]
