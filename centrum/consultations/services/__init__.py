"""Writes of the consultations app: atomic, permission checked again, audited, mail through the outbox."""

from .cocreation import call_save, proposal_accept, proposal_submit, team_produce_draft, team_save
from .comments import comment_answer, comment_confirm, comment_for_token, comment_submit
from .consultations import (
    consultation_save,
    consultations_close_due,
    consultations_open_due,
    kind_save,
    kinds_ensure_defaults,
    reports_remind,
    unit_add,
    unit_remove,
    unit_revise,
    units_import,
    units_paste,
    version_create,
)

__all__ = [
    "call_save",
    "comment_answer",
    "comment_confirm",
    "comment_for_token",
    "comment_submit",
    "consultation_save",
    "consultations_close_due",
    "reports_remind",
    "consultations_open_due",
    "kind_save",
    "kinds_ensure_defaults",
    "proposal_accept",
    "proposal_submit",
    "team_produce_draft",
    "team_save",
    "unit_add",
    "unit_remove",
    "unit_revise",
    "units_import",
    "units_paste",
    "version_create",
]
