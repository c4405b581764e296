"""Pure predicates of the address service: views, services, the API and jobs all ask these."""

from centrum.core.permissions import is_centre_staff
from centrum.organisations.permissions import is_organisation_admin, is_organisation_member


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_request_agreement(user, centre) -> bool:
    return _authenticated(user)


def can_manage_agreements(user, centre) -> bool:
    return is_centre_staff(user, centre)


def is_agreement_party(user, agreement) -> bool:
    """The founder who asked, or an admin of the organisation the agreement belongs to."""
    if not _authenticated(user):
        return False
    if agreement.requested_by_id == user.pk:
        return True
    return agreement.organisation_id is not None and is_organisation_admin(user, agreement.organisation)


def can_view_agreement(user, agreement) -> bool:
    return (
        is_centre_staff(user, agreement.centre)
        or is_agreement_party(user, agreement)
        or (
            agreement.organisation_id is not None
            and _authenticated(user)
            and is_organisation_member(user, agreement.organisation)
        )
    )


def can_decide_agreement(user, agreement) -> bool:
    return is_centre_staff(user, agreement.centre)


def can_withdraw_agreement(user, agreement) -> bool:
    return is_agreement_party(user, agreement)


def can_transfer_agreement(user, agreement) -> bool:
    """Passing a founding group's agreement to its registered organisation: staff or the founder who asked."""
    return agreement.organisation_id is None and (
        is_centre_staff(user, agreement.centre)
        or (_authenticated(user) and agreement.requested_by_id == user.pk)
    )


def can_record_mail(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_hand_over_mail(user, mail) -> bool:
    return is_centre_staff(user, mail.centre)


def can_view_organisation_mail(user, organisation) -> bool:
    return is_centre_staff(user, organisation.centre) or (
        _authenticated(user) and is_organisation_member(user, organisation)
    )


def can_view_mail(user, mail) -> bool:
    return can_view_organisation_mail(user, mail.organisation)


def can_manage_authorised_persons(user, organisation) -> bool:
    return is_centre_staff(user, organisation.centre) or is_organisation_admin(user, organisation)
