"""Pure predicates: views, services, the API and jobs all ask these, so they answer the same."""

from centrum.core.permissions import has_centre_role
from centrum.core.roles import OFFICIAL
from centrum.organisations.permissions import is_organisation_admin

from .choices import AGREEMENT_EDITS, APPLICANT_EDITS, InitiativeStatus


def can_manage_initiatives(user, centre) -> bool:
    """Officials of the municipality assess applications and keep the resolution's data."""
    return has_centre_role(user, centre, OFFICIAL)


def is_applicant(user, initiative) -> bool:
    """The group's leader who filed it, or an administrator of the organisation it was filed through."""
    if not getattr(user, "is_authenticated", False):
        return False
    if initiative.leader_id is not None and initiative.leader_id == user.pk:
        return True
    return initiative.organisation_id is not None and is_organisation_admin(user, initiative.organisation)


def can_view_initiative(user, initiative) -> bool:
    if initiative.status == InitiativeStatus.COMPLETED:
        return True
    if is_applicant(user, initiative):
        return True
    return initiative.status != InitiativeStatus.DRAFT and can_manage_initiatives(user, initiative.centre)


def can_edit_application(user, initiative) -> bool:
    return initiative.status in APPLICANT_EDITS and is_applicant(user, initiative)


def can_submit(user, initiative) -> bool:
    return is_applicant(user, initiative)


def can_assess(user, initiative) -> bool:
    return can_manage_initiatives(user, initiative.centre)


def can_edit_agreement(user, initiative) -> bool:
    return initiative.status in AGREEMENT_EDITS and can_manage_initiatives(user, initiative.centre)


def can_complete(user, initiative) -> bool:
    return is_applicant(user, initiative) or can_manage_initiatives(user, initiative.centre)


def can_cancel(user, initiative) -> bool:
    """The applicant withdraws an application not yet decided; the official cancels one in any later stage."""
    if initiative.status in (InitiativeStatus.DRAFT, InitiativeStatus.SUBMITTED) and is_applicant(
        user, initiative
    ):
        return True
    return initiative.status != InitiativeStatus.DRAFT and can_manage_initiatives(user, initiative.centre)
