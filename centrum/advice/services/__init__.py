"""Writes of the advice service, one module per sub-feature; the public names are re-exported here."""

from .advisers import (
    absence_create,
    adviser_save,
    domain_create,
    domains_ensure_defaults,
    office_hours_create,
    office_hours_delete,
)
from .appointments import (
    appointment_book,
    appointment_cancel_by_link,
    appointment_from_token,
    appointment_log,
    appointment_reminders_send,
    cancel_link,
    referral_create,
    referral_from_token,
    referral_token,
)
from .assignments import assignment_create, assignment_end, assignment_entry_create, reach_target_create

__all__ = [
    "absence_create",
    "adviser_save",
    "appointment_book",
    "appointment_cancel_by_link",
    "appointment_from_token",
    "appointment_log",
    "appointment_reminders_send",
    "assignment_create",
    "assignment_end",
    "assignment_entry_create",
    "cancel_link",
    "domain_create",
    "domains_ensure_defaults",
    "office_hours_create",
    "office_hours_delete",
    "reach_target_create",
    "referral_create",
    "referral_from_token",
    "referral_token",
]
