"""Pure predicates: views, services, the API and commands all ask these, so they answer the same."""

from centrum.core.permissions import is_centre_staff
from centrum.organisations.choices import PUBLIC_STATUSES as ORGANISATION_PUBLIC_STATUSES
from centrum.organisations.permissions import is_organisation_member

from .choices import PUBLIC_COMPANY_STATUSES


def can_edit_organisation_page(user, organisation) -> bool:
    """The organisation's members (any role) edit its page while it is in the directory; staff always."""
    return is_centre_staff(user, organisation.centre) or (
        organisation.status in ORGANISATION_PUBLIC_STATUSES and is_organisation_member(user, organisation)
    )


def can_moderate_page(user, page) -> bool:
    return is_centre_staff(user, page.centre)


def can_manage_companies(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_moderate_company(user, company) -> bool:
    return is_centre_staff(user, company.centre)


def can_view_company(user, company) -> bool:
    return company.status in PUBLIC_COMPANY_STATUSES or can_moderate_company(user, company)


def can_manage_activation_offers(user, centre) -> bool:
    return is_centre_staff(user, centre)
