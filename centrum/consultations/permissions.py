"""Pure predicates: views, services, the API and commands all ask these, so they answer the same."""

from centrum.core.permissions import has_centre_role
from centrum.core.roles import OFFICIAL, STAFF
from centrum.organisations.permissions import is_organisation_member

from .choices import PUBLIC_STATUSES, ConsultationStatus


def can_manage_consultations(user, centre) -> bool:
    """The consultation officer: the centre's staff and the municipality's officials."""
    return has_centre_role(user, centre, STAFF, OFFICIAL)


def can_manage_consultation(user, consultation) -> bool:
    return can_manage_consultations(user, consultation.centre)


def can_view_consultation(user, consultation) -> bool:
    return consultation.status in PUBLIC_STATUSES or can_manage_consultation(user, consultation)


def can_answer_comment(user, comment) -> bool:
    return can_manage_consultations(user, comment.centre)


def can_comment_for(user, organisation) -> bool:
    """A member signs a comment for their organisation."""
    return is_organisation_member(user, organisation)


def comments_are_public(consultation) -> bool:
    """Public once the consultation ends, or at once where its kind says so."""
    if consultation.status == ConsultationStatus.DRAFT:
        return False
    return consultation.kind.comments_public_at_once or consultation.status != ConsultationStatus.OPEN


def can_view_comments(user, consultation) -> bool:
    return comments_are_public(consultation) or can_manage_consultation(user, consultation)
