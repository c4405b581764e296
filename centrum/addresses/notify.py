"""Who hears about what in the address service: mail goes through the outbox in the change's transaction."""

from centrum.accounts.selectors import centre_staff_emails, organisation_admin_emails
from centrum.core.outbox import outbox_enqueue


def staff_recipients(centre) -> list[str]:
    """The centre's shared mailbox, or its staff when it has none."""
    return [centre.email] if centre.email else centre_staff_emails(centre=centre)


def organisation_recipients(organisation) -> list[str]:
    """The organisation's own address and its administrators, each once."""
    found = [organisation.email] if organisation.email else []
    return list(dict.fromkeys([*found, *organisation_admin_emails(organisation=organisation)]))


def agreement_recipients(agreement) -> list[str]:
    """The side using the address: the contact the request gave, and the organisation once it exists."""
    found = [agreement.contact_email] if agreement.contact_email else []
    if agreement.organisation_id:
        found += organisation_recipients(agreement.organisation)
    return list(dict.fromkeys(address for address in found if address))


def send(*, centre, to: list[str], event: str, context: dict) -> None:
    if to:
        outbox_enqueue(centre=centre, to=to, template=f"addresses/emails/{event}", context=context)
