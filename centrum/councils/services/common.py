from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError

from ..permissions import can_manage_councils


def require_manager(actor, centre) -> None:
    if not can_manage_councils(actor, centre):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
