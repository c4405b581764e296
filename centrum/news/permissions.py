"""Pure predicates: views, services, the API and the workflow engine all ask these, so they answer the same."""

from centrum.core.permissions import is_centre_staff
from centrum.organisations.permissions import is_organisation_member

from .choices import AUTHOR_EDITS, PUBLIC_STATUSES


def can_moderate(user, centre) -> bool:
    """Staff of the centre moderate news and events, write their own and handle error reports."""
    return is_centre_staff(user, centre)


def is_author(user, item) -> bool:
    """Who submitted it, or any member of the organisation it was submitted for."""
    if not getattr(user, "is_authenticated", False):
        return False
    if item.author_id is not None and item.author_id == user.pk:
        return True
    return item.organisation_id is not None and is_organisation_member(user, item.organisation)


def can_view(user, item) -> bool:
    return item.status in PUBLIC_STATUSES or is_author(user, item) or can_moderate(user, item.centre)


def can_edit(user, item) -> bool:
    if can_moderate(user, item.centre):
        return True
    return item.status in AUTHOR_EDITS and is_author(user, item)


def can_decide(user, item) -> bool:
    return can_moderate(user, item.centre)


def can_resubmit(user, item) -> bool:
    return is_author(user, item) or can_moderate(user, item.centre)


def can_handle_report(user, report) -> bool:
    return can_moderate(user, report.centre)
