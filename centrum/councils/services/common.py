from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError

from ..permissions import can_manage_councils


def require_manager(actor, centre) -> None:
    if not can_manage_councils(actor, centre):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))


def save_once(row, *, message: str, field: str = "organisation"):
    """Save a new row a unique constraint allows once (a vote, a nomination, a signature per organisation):
    the loser of a race gets `message`, and the caller's transaction stays usable."""
    from django.db import IntegrityError, transaction

    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise ApplicationError(message, field=field) from None
    return row
