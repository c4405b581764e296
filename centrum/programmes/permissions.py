"""Pure predicates: views, services, the API and commands all ask these, so they answer the same."""

from centrum.core.permissions import has_centre_role
from centrum.core.roles import OFFICIAL

from .choices import PUBLIC_STATUSES


def can_manage_programmes(user, centre) -> bool:
    """Officials of the NGO-cooperation unit prepare the programme and keep its figures."""
    return has_centre_role(user, centre, OFFICIAL)


def can_view_programme(user, programme) -> bool:
    return programme.status in PUBLIC_STATUSES or can_manage_programmes(user, programme.centre)
