"""Pure predicates: views, services, the API and commands all ask these, so they answer the same.

The council's secretary is the centre's staff or the municipality's official; organisations act through
their members (a member signs a joint request) and admins (nominate a candidate, cast the vote)."""

from django.utils import timezone

from centrum.core.permissions import has_centre_role
from centrum.core.roles import OFFICIAL, STAFF
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.permissions import is_organisation_admin, is_organisation_member

from .choices import ElectionStatus


def can_manage_councils(user, centre) -> bool:
    return has_centre_role(user, centre, STAFF, OFFICIAL)


def can_manage_body(user, body) -> bool:
    return can_manage_councils(user, body.centre)


def can_close_election(user, election) -> bool:
    return can_manage_councils(user, election.centre)


def can_publish_election(user, election) -> bool:
    return can_manage_councils(user, election.centre)


def can_decide_opinion(user, request) -> bool:
    return can_manage_councils(user, request.centre)


def acts_for(user, organisation, *, admin: bool) -> bool:
    if organisation.status != OrganisationStatus.ACTIVE:
        return False
    return is_organisation_admin(user, organisation) if admin else is_organisation_member(user, organisation)


def can_sign_request(user, joint_request, organisation) -> bool:
    return joint_request.body_id is None and acts_for(user, organisation, admin=False)


def nominations_open(election, now=None) -> bool:
    return election.status == ElectionStatus.OPEN and (now or timezone.now()) <= election.nominations_until


def voting_open(election, now=None) -> bool:
    now = now or timezone.now()
    return (
        election.status == ElectionStatus.OPEN
        and election.voting_from is not None
        and election.voting_from <= now <= election.voting_until
    )


def can_nominate(user, election, organisation) -> bool:
    return nominations_open(election) and acts_for(user, organisation, admin=True)


def can_vote(user, election, organisation) -> bool:
    return voting_open(election) and acts_for(user, organisation, admin=True)
