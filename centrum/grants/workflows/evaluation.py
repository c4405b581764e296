"""The offer's evaluation: the formal check (accept, ask for corrections with a deadline, reject with the
reason) and the decision on the offers that passed it (select with the amount awarded, or not)."""

from django.utils.translation import gettext_lazy

from centrum.core.workflow import REASON, Transition

from ..audit_labels import OfferAudit as Audit
from ..choices import OfferStatus as S
from ..permissions import is_grants_official


def _official(user, offer) -> bool:
    return is_grants_official(user, offer.centre)


EVALUATION_TRANSITIONS = (
    Transition(
        action="request_correction",
        sources=(S.SUBMITTED,),
        target=S.CORRECTION,
        label=gettext_lazy("Wezwij do usunięcia braków"),
        audit=Audit.REQUEST_CORRECTION,
        permission=_official,
        reason_required=True,
        stamps={"status_reason": REASON},
        in_ui=False,
    ),
    Transition(
        action="accept_formally",
        sources=(S.SUBMITTED,),
        target=S.FORMALLY_ACCEPTED,
        label=gettext_lazy("Poprawna formalnie"),
        audit=Audit.ACCEPT_FORMALLY,
        permission=_official,
    ),
    Transition(
        action="reject_formally",
        sources=(S.SUBMITTED, S.CORRECTION),
        target=S.FORMALLY_REJECTED,
        label=gettext_lazy("Odrzuć z przyczyn formalnych"),
        audit=Audit.REJECT_FORMALLY,
        permission=_official,
        reason_required=True,
        stamps={"status_reason": REASON},
        danger=True,
    ),
    Transition(
        action="select",
        sources=(S.FORMALLY_ACCEPTED,),
        target=S.SELECTED,
        label=gettext_lazy("Wybierz i przyznaj dotację"),
        audit=Audit.SELECT,
        permission=_official,
        in_ui=False,
    ),
    Transition(
        action="not_select",
        sources=(S.FORMALLY_ACCEPTED,),
        target=S.NOT_SELECTED,
        label=gettext_lazy("Nie wybieraj oferty"),
        audit=Audit.NOT_SELECT,
        permission=_official,
        reason_required=True,
        stamps={"status_reason": REASON},
    ),
)
