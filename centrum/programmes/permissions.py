"""Pure predicates: views, services, the API and commands all ask these, so they answer the same."""

from centrum.core.permissions import has_centre_role
from centrum.core.roles import OFFICIAL
from centrum.organisations.permissions import is_organisation_admin, is_organisation_member

from .choices import PUBLIC_STATUSES


def can_manage_programmes(user, centre) -> bool:
    """Officials of the NGO-cooperation unit prepare the programme and keep its figures."""
    return has_centre_role(user, centre, OFFICIAL)


def can_view_programme(user, programme) -> bool:
    return programme.status in PUBLIC_STATUSES or can_manage_programmes(user, programme.centre)


def can_manage_programme(user, programme) -> bool:
    return can_manage_programmes(user, programme.centre)


def can_comment_for(user, organisation) -> bool:
    return is_organisation_member(user, organisation)


def can_file_proposal_for(user, organisation) -> bool:
    return is_organisation_admin(user, organisation)


def can_view_proposal(user, proposal) -> bool:
    return can_manage_programmes(user, proposal.centre) or is_organisation_member(user, proposal.organisation)


def can_answer_proposal(user, proposal) -> bool:
    return can_manage_programmes(user, proposal.centre)
