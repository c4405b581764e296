"""What the advice services share."""

from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError


def require(allowed: bool) -> None:
    """The permission, checked again by the service whoever calls it (a page, the API, a command)."""
    if not allowed:
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
