"""An offer: a draft is filed (before the deadline, checked at the moment of storing), withdrawn before the
deadline, or corrected and filed again inside the correction window; the evaluation's transitions
(`evaluation.py`) take it from there."""

from django.utils.translation import gettext_lazy

from centrum.core.workflow import ACTOR, NOW, Transition, Workflow, register

from ..audit_labels import OfferAudit as Audit
from ..choices import OfferStatus as S
from ..models import Offer
from ..permissions import can_file_offer_for
from .evaluation import EVALUATION_TRANSITIONS


def _files(user, offer) -> bool:
    return can_file_offer_for(user, offer.organisation)


FILING_TRANSITIONS = (
    Transition(
        action="submit",
        sources=(S.DRAFT,),
        target=S.SUBMITTED,
        label=gettext_lazy("Złóż ofertę"),
        audit=Audit.SUBMIT,
        permission=_files,
        stamps={"submitted_at": NOW, "submitted_by": ACTOR},
        in_ui=False,
    ),
    Transition(
        action="withdraw",
        sources=(S.SUBMITTED,),
        target=S.WITHDRAWN,
        label=gettext_lazy("Wycofaj ofertę"),
        audit=Audit.WITHDRAW,
        permission=_files,
        danger=True,
    ),
    Transition(
        action="resubmit",
        sources=(S.CORRECTION,),
        target=S.SUBMITTED,
        label=gettext_lazy("Złóż poprawioną ofertę"),
        audit=Audit.RESUBMIT,
        permission=_files,
        in_ui=False,
    ),
)

OFFER_STATUS = register(
    Workflow(
        key="grants.offer",
        model=Offer,
        refused_message=gettext_lazy("Oferty w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        select_related=("competition", "organisation"),
        transitions=FILING_TRANSITIONS + EVALUATION_TRANSITIONS,
    )
)
