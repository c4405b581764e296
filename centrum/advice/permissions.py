"""Pure predicates: views, services, the API and commands all ask these, so they answer the same.

An adviser is a person holding the centre's adviser role; staff manage advisers' profiles. Confidential
notes of the advice log are for advisers only (not for other staff)."""

from centrum.core.permissions import has_centre_role, is_centre_staff

ADVISER_ROLE = "adviser"


def is_adviser(user, centre) -> bool:
    return has_centre_role(user, centre, ADVISER_ROLE)


def can_manage_advice(user, centre) -> bool:
    """Advisers' profiles, office hours, assignments, domains and targets: the centre's staff."""
    return is_centre_staff(user, centre)


def can_work_in_advice(user, centre) -> bool:
    """The advice desk's pages: staff and advisers."""
    return is_centre_staff(user, centre) or is_adviser(user, centre)


def is_own_adviser(user, adviser) -> bool:
    return (
        bool(getattr(user, "is_authenticated", False))
        and adviser.user_id == user.pk
        and is_adviser(user, adviser.centre)
    )


def can_manage_hours(user, adviser) -> bool:
    """Office hours and absences: staff, or the adviser for themselves (sickness, leave)."""
    return is_centre_staff(user, adviser.centre) or is_own_adviser(user, adviser)


def can_view_appointment(user, appointment) -> bool:
    return can_work_in_advice(user, appointment.centre) or (
        getattr(user, "is_authenticated", False) and appointment.user_id == user.pk
    )


def can_cancel_appointment(user, appointment) -> bool:
    """The person who booked it (logged in; the signed link acts as the system)."""
    return bool(getattr(user, "is_authenticated", False)) and appointment.user_id == user.pk


def can_cancel_appointment_for_centre(user, appointment) -> bool:
    return is_centre_staff(user, appointment.centre) or is_own_adviser(user, appointment.adviser)


def can_log_appointment(user, appointment) -> bool:
    """The advice log of a meeting: its adviser, or any adviser or staff member standing in."""
    return can_work_in_advice(user, appointment.centre)


def can_see_confidential(user, centre) -> bool:
    return is_adviser(user, centre)


def can_view_assignment(user, assignment) -> bool:
    return is_centre_staff(user, assignment.centre) or is_own_adviser(user, assignment.adviser)


def can_log_assignment(user, assignment) -> bool:
    return can_view_assignment(user, assignment)


def can_view_caretaken(user, centre) -> bool:
    return is_adviser(user, centre)


def can_view_statistics(user, centre) -> bool:
    return is_centre_staff(user, centre)
