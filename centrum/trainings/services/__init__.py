"""Writes of trainings and events: atomic, permission checked again, audited, mail through the outbox."""

from .exhibitors import exhibitor_decide, exhibitor_request
from .needs import need_declare, need_plan, topic_key
from .registrations import (
    attendance_record,
    attended_sessions,
    certificate_refusal,
    feedback_give,
    registration_cancel,
    registration_cancel_by_token,
    registration_create,
    registration_from_token,
    registration_window_error,
    registrations_remind,
    sessions_required,
)
from .trainings import session_remove, session_save, training_save

__all__ = [
    "attendance_record",
    "attended_sessions",
    "certificate_refusal",
    "exhibitor_decide",
    "exhibitor_request",
    "feedback_give",
    "need_declare",
    "need_plan",
    "registration_cancel",
    "registration_cancel_by_token",
    "registration_create",
    "registration_from_token",
    "registration_window_error",
    "registrations_remind",
    "session_remove",
    "session_save",
    "sessions_required",
    "topic_key",
    "training_save",
]
