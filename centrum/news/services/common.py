"""What submitting news and events shares: who may submit for which organisation, and publishing at once
what staff write themselves."""

from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError
from centrum.core.workflow import workflow_apply
from centrum.organisations.permissions import is_organisation_member

from ..permissions import can_moderate


def check_submitter(*, centre, actor, organisation) -> None:
    """Staff write for the centre or any organisation; members submit for their own organisation."""
    if not getattr(actor, "is_authenticated", False):
        raise ApplicationError(_("Zaloguj się, aby zgłosić wpis."))
    if organisation is not None and organisation.centre_id != centre.pk:
        raise ApplicationError(_("Wybierz organizację z listy."), field="organisation")
    if can_moderate(actor, centre):
        return
    if organisation is None:
        raise ApplicationError(
            _("Wybierz organizację, w której imieniu zgłaszasz wpis."), field="organisation"
        )
    if organisation.status != "active" or not is_organisation_member(actor, organisation):
        raise ApplicationError(
            _("Możesz zgłaszać wpisy tylko w imieniu swojej organizacji."), field="organisation"
        )


def submitted_stamps(item) -> None:
    item.submitted_at = timezone.now()


def publish_if_staff(*, item, actor) -> None:
    """What staff write themselves is published at once (through the engine, so it is audited the same)."""
    if can_moderate(actor, item.centre):
        workflow_apply(obj=item, action="approve", actor=actor)


def clean_text(value: str) -> str:
    return (value or "").replace("\x00", "").strip()
