"""Pure predicates: views, services, the API and the workflow engine ask these, so they answer the same."""

from centrum.core.permissions import is_centre_staff
from centrum.organisations.permissions import is_organisation_admin, is_organisation_member

from .choices import PUBLIC_STATUSES


def can_manage_trainings(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_edit_training(user, training) -> bool:
    return is_centre_staff(user, training.centre)


def can_view_training(user, training) -> bool:
    return training.status in PUBLIC_STATUSES or can_edit_training(user, training)


def is_registrant(user, registration) -> bool:
    return bool(getattr(user, "is_authenticated", False) and registration.user_id == user.pk)


def can_view_registration(user, registration) -> bool:
    return is_registrant(user, registration) or is_centre_staff(user, registration.centre)


def can_cancel_registration(user, registration) -> bool:
    return can_view_registration(user, registration)


def can_register_for_organisation(user, organisation) -> bool:
    return is_organisation_member(user, organisation)


def can_request_stand(user, organisation) -> bool:
    return is_organisation_admin(user, organisation) or is_organisation_member(user, organisation)


def can_decide_exhibitor(user, exhibitor) -> bool:
    return is_centre_staff(user, exhibitor.centre)


def can_withdraw_exhibitor(user, exhibitor) -> bool:
    return can_decide_exhibitor(user, exhibitor) or can_request_stand(user, exhibitor.organisation)


def can_declare_need(user, organisation) -> bool:
    return is_organisation_member(user, organisation)
