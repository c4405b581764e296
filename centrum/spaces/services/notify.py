"""Who hears about what: e-mails go through the outbox inside the transaction of the change."""

from centrum.accounts.selectors import centre_staff_emails
from centrum.core.outbox import outbox_enqueue


def staff_recipients(centre) -> list[str]:
    """The centre's shared mailbox, or its staff when it has none."""
    if centre.email:
        return [centre.email]
    return centre_staff_emails(centre=centre)


def organisation_recipients(*, requested_by=None, contact_email: str = "", organisation=None) -> list[str]:
    recipients: list[str] = []
    for address in (
        getattr(requested_by, "email", ""),
        contact_email,
        getattr(organisation, "email", "") if not requested_by and not contact_email else "",
    ):
        if address and address not in recipients:
            recipients.append(address)
    return recipients


def booking_recipients(booking) -> list[str]:
    return organisation_recipients(
        requested_by=booking.requested_by,
        contact_email=booking.contact_email,
        organisation=booking.organisation,
    )


def send(*, centre, to: list[str], event: str, context: dict) -> None:
    if to:
        outbox_enqueue(centre=centre, to=to, template=f"spaces/emails/{event}", context=context)
