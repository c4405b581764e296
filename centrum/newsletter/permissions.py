"""Pure predicates: views, services, the API and commands all ask these, so they answer the same."""

from centrum.core.permissions import is_centre_staff


def can_manage_newsletter(user, centre) -> bool:
    """Staff write announcements, send them and see subscribers (their addresses are personal data)."""
    return is_centre_staff(user, centre)


def can_send_announcement(user, announcement) -> bool:
    return is_centre_staff(user, announcement.centre)


def can_edit_announcement(user, announcement) -> bool:
    return is_centre_staff(user, announcement.centre)


def can_unsubscribe_subscriber(user, subscriber) -> bool:
    """Staff may take someone off the list on request (the person uses the signed link themselves)."""
    return is_centre_staff(user, subscriber.centre)
