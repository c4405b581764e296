"""Pure predicates: views, services, the API and the workflows all ask these, so they answer the same.

The volunteer coordinator (role `coordinator`) sees volunteers' personal data, moderates offers and
introduces volunteers to hosts; the centre's other staff moderate offers and see counts and anonymised lists."""

from centrum.core.permissions import has_centre_role, is_centre_staff
from centrum.organisations.permissions import is_organisation_member

from .choices import HOST_EDITS, ApplicationStatus, OfferStatus

COORDINATOR = "coordinator"


def _person(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_coordinator(user, centre) -> bool:
    return has_centre_role(user, centre, COORDINATOR)


def can_see_personal_data(user, centre) -> bool:
    return is_coordinator(user, centre)


def can_work_in_centre(user, centre) -> bool:
    """Staff and the coordinator: the desk, moderation, statistics."""
    return is_centre_staff(user, centre) or is_coordinator(user, centre)


def _managed_public_bodies(user, centre_id) -> frozenset[int]:
    """The public bodies naming the person as a manager, read once per request (cached on the user)."""
    cache = user.__dict__.setdefault("_volunteer_hosts_cache", {})
    if centre_id not in cache:
        from .models import Host

        cache[centre_id] = frozenset(
            Host.objects.filter(centre_id=centre_id, managers=user).values_list("pk", flat=True)
        )
    return cache[centre_id]


def can_manage_host(user, host) -> bool:
    """An organisation's members manage its offers; a public body's named managers manage its; the coordinator
    manages any host's on its behalf."""
    if not _person(user):
        return False
    if host.organisation_id is not None and is_organisation_member(user, host.organisation):
        return True
    if host.organisation_id is None and host.pk in _managed_public_bodies(user, host.centre_id):
        return True
    return is_coordinator(user, host.centre)


def can_edit_offer(user, offer) -> bool:
    return offer.status in HOST_EDITS and can_manage_host(user, offer.host)


def can_submit_offer(user, offer) -> bool:
    return can_manage_host(user, offer.host)


def can_moderate_offer(user, offer) -> bool:
    return can_work_in_centre(user, offer.centre)


def can_close_offer(user, offer) -> bool:
    return can_manage_host(user, offer.host) or can_work_in_centre(user, offer.centre)


def can_view_offer(user, offer) -> bool:
    if offer.status in (OfferStatus.PUBLISHED, OfferStatus.CLOSED):
        return True
    if offer.status == OfferStatus.DRAFT:
        return can_manage_host(user, offer.host)
    return can_manage_host(user, offer.host) or can_work_in_centre(user, offer.centre)


def is_volunteer_of(user, volunteer) -> bool:
    return _person(user) and volunteer.user_id == user.pk


def can_view_volunteer(user, volunteer) -> bool:
    """The volunteer, the coordinator; hosts through their applications and suggestions (selectors)."""
    return is_volunteer_of(user, volunteer) or can_see_personal_data(user, volunteer.centre)


def can_record_guardian_consent(user, volunteer) -> bool:
    return can_see_personal_data(user, volunteer.centre)


def can_decide_application(user, application) -> bool:
    return can_manage_host(user, application.offer.host)


def can_withdraw_application(user, application) -> bool:
    return is_volunteer_of(user, application.volunteer)


def can_view_application(user, application) -> bool:
    return (
        is_volunteer_of(user, application.volunteer)
        or can_manage_host(user, application.offer.host)
        or can_see_personal_data(user, application.centre)
    )


def can_make_agreement(user, application) -> bool:
    return application.status == ApplicationStatus.ACCEPTED and can_manage_host(user, application.offer.host)


def can_view_agreement(user, agreement) -> bool:
    return can_view_application(user, agreement.application)


def can_log_hours(user, agreement) -> bool:
    return is_volunteer_of(user, agreement.application.volunteer)


def can_confirm_hours(user, entry) -> bool:
    return can_manage_host(user, entry.agreement.application.offer.host)


def can_introduce(user, centre) -> bool:
    return is_coordinator(user, centre)


def can_edit_abroad(user, centre) -> bool:
    return can_work_in_centre(user, centre)
