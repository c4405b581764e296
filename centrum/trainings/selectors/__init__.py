"""Reads of trainings and events. Every selector takes the centre: nothing runs unscoped."""

from .needs import need_demand, needs_of_organisations
from .reach import training_reach
from .trainings import (
    calendar_sessions,
    exhibitor_get_for,
    organisation_support_history,
    organisations_of_user,
    registration_get_for,
    registration_list_of_user,
    registration_rows,
    rooms_for_sessions,
    session_get_for,
    staff_dashboard_counts,
    training_feedback,
    training_for_staff_get,
    training_get_for,
    training_list_archive,
    training_list_for_staff,
    training_list_upcoming,
    training_seats,
)

__all__ = [
    "calendar_sessions",
    "exhibitor_get_for",
    "need_demand",
    "needs_of_organisations",
    "organisation_support_history",
    "organisations_of_user",
    "rooms_for_sessions",
    "training_feedback",
    "training_for_staff_get",
    "registration_get_for",
    "registration_list_of_user",
    "registration_rows",
    "session_get_for",
    "staff_dashboard_counts",
    "training_get_for",
    "training_list_archive",
    "training_list_for_staff",
    "training_list_upcoming",
    "training_reach",
    "training_seats",
]
