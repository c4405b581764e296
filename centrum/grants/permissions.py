"""Pure predicates: views, services, the API and commands all ask these, so they answer the same.

Who works here: officials of the municipality's NGO-cooperation unit run competitions; members of a
competition's commission (the evaluator role, officials and NGO nominees) score offers; organisations
(their admins and members) prepare and file offers."""

from centrum.core.permissions import has_centre_role
from centrum.core.roles import OFFICIAL
from centrum.organisations.permissions import is_organisation_admin, is_organisation_member

EVALUATOR = "evaluator"


def is_grants_official(user, centre) -> bool:
    """An official of the NGO-cooperation unit (platform admins too): runs competitions and decides."""
    return has_centre_role(user, centre, OFFICIAL)


def is_evaluator(user, centre) -> bool:
    return has_centre_role(user, centre, EVALUATOR)


def can_prepare_offer_for(user, organisation) -> bool:
    """Members and admins of an organisation prepare its offers; only admins file and withdraw them."""
    return is_organisation_member(user, organisation)


def can_file_offer_for(user, organisation) -> bool:
    return is_organisation_admin(user, organisation)


def evaluator_may_read_offer(user, offer) -> bool:
    """A commission member reads an offer only after declaring, for that offer, no grounds of exclusion
    (KPA art. 24)."""
    from .models import Declaration

    if not getattr(user, "is_authenticated", False):
        return False
    return Declaration.objects.filter(
        centre_id=offer.centre_id,
        offer=offer,
        no_conflict=True,
        member__in=_memberships(user, offer.competition_id),
    ).exists()


# evaluation
def _memberships(user, competition_id):
    """The user's seats (as a member who scores or advises) in the competition's commission: the member
    row names the account, or the address the organisation nominated, once the person signs in with it."""
    from django.db.models import Q

    from .choices import MemberStatus
    from .models import CommissionMember

    return CommissionMember.objects.filter(
        Q(user=user) | Q(user__isnull=True, email__iexact=user.email),
        commission__competition_id=competition_id,
        status=MemberStatus.APPOINTED,
    )


def commission_member_of(user, competition):
    """The user's appointed seat in the competition's commission, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return _memberships(user, competition.pk).select_related("commission").first()


def can_run_evaluation(user, competition) -> bool:
    return is_grants_official(user, competition.centre)


def can_view_evaluation(user, competition) -> bool:
    """Officials, and the members of its commission (who see only what their declarations allow)."""
    return can_run_evaluation(user, competition) or commission_member_of(user, competition) is not None


# offers
def can_view_offer(user, offer) -> bool:
    """The organisation's members, officials, commission members who declared for it (evaluation), and an
    adviser the draft was shared with."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        can_prepare_offer_for(user, offer.organisation)
        or is_grants_official(user, offer.centre)
        or evaluator_may_read_offer(user, offer)
        or is_offer_reviewer(user, offer)
    )


def is_offer_reviewer(user, offer) -> bool:
    """An adviser the organisation shared the offer with for comments (still an adviser of the centre)."""
    from centrum.advice.permissions import is_adviser

    if not getattr(user, "is_authenticated", False) or not is_adviser(user, offer.centre):
        return False
    return any(r.user_id == user.pk for r in offer.reviewers.all())


def can_edit_offer(user, offer) -> bool:
    from .choices import EDITABLE_OFFER_STATUSES

    return offer.status in EDITABLE_OFFER_STATUSES and can_prepare_offer_for(user, offer.organisation)


def can_comment_offer(user, offer) -> bool:
    return can_prepare_offer_for(user, offer.organisation) or is_offer_reviewer(user, offer)


# small_grants ---
def can_view_small_grant(user, offer) -> bool:
    """The organisation's members and the officials (a published offer's public page is for anyone)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return can_prepare_offer_for(user, offer.organisation) or is_grants_official(user, offer.centre)


def can_edit_small_grant(user, offer) -> bool:
    from .choices import SmallGrantStatus

    return offer.status == SmallGrantStatus.DRAFT and can_prepare_offer_for(user, offer.organisation)


# contracts ---
def can_view_contract(user, contract) -> bool:
    """Officials of the centre and the members of the contracted organisation."""
    if not getattr(user, "is_authenticated", False):
        return False
    return is_grants_official(user, contract.centre) or is_organisation_member(user, contract.organisation)


def can_manage_contract(user, contract) -> bool:
    """Officials draft, edit, sign and annex contracts."""
    return is_grants_official(user, contract.centre)


def can_prepare_budget_update(user, update) -> bool:
    """The organisation's members prepare the updated budget while it is a draft or returned."""
    from .choices import BudgetUpdateStatus

    return update.status in (BudgetUpdateStatus.DRAFT, BudgetUpdateStatus.RETURNED) and (
        can_prepare_offer_for(user, update.offer.organisation)
    )


def can_file_budget_update(user, update) -> bool:
    """Its admins file it."""
    return can_file_offer_for(user, update.offer.organisation)


def can_decide_budget_update(user, update) -> bool:
    return is_grants_official(user, update.centre)


# reports ---
def can_prepare_report(user, report) -> bool:
    """The organisation's members (its treasurer among them) fill in the report."""
    return is_organisation_member(user, report.contract.organisation)


def can_submit_report(user, report) -> bool:
    return is_organisation_admin(user, report.contract.organisation)


def can_check_report(user, report) -> bool:
    return is_grants_official(user, report.centre)


def can_view_report(user, report) -> bool:
    return can_view_contract(user, report.contract)


def can_manage_settlement(user, centre) -> bool:
    return is_grants_official(user, centre)
