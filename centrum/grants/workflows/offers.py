"""An offer: a draft is filed (before the deadline, checked at the moment of storing), withdrawn before the
deadline, or corrected and filed again inside the correction window; the evaluation's transitions
(`evaluation.py`) take it from there."""

from django.utils.translation import gettext_lazy

from centrum.core.workflow import ACTOR, NOW, Transition, Workflow, register

from ..audit_labels import OfferAudit as Audit
from ..choices import FILED_OFFER_STATUSES
from ..choices import OfferStatus as S
from ..models import Offer
from ..permissions import can_file_offer_for, is_grants_official
from .evaluation import EVALUATION_TRANSITIONS


def _files(user, offer) -> bool:
    return can_file_offer_for(user, offer.organisation)


def _official(user, offer) -> bool:
    return is_grants_official(user, offer.centre)


# The rules live in the offers service; imported when a step runs (the service imports this module's engine).
def _submit_guard(step):
    from ..services.offers import submit_guard

    submit_guard(step)


def _resubmit_guard(step):
    from ..services.offers import resubmit_guard

    resubmit_guard(step)


def _withdraw_guard(step):
    from ..services.offers import withdraw_guard

    withdraw_guard(step)


def _confirmation_guard(step):
    from ..services.offers import confirmation_guard

    confirmation_guard(step)


def _after_filing(step):
    from ..services.offers import after_filing

    after_filing(step)


FILING_TRANSITIONS = (
    Transition(
        action="submit",
        sources=(S.DRAFT,),
        target=S.SUBMITTED,
        label=gettext_lazy("Złóż ofertę"),
        audit=Audit.SUBMIT,
        permission=_files,
        stamps={"submitted_at": NOW, "submitted_by": ACTOR},
        guard=_submit_guard,
        after=_after_filing,
        in_ui=False,
    ),
    Transition(
        action="withdraw",
        sources=(S.SUBMITTED,),
        target=S.WITHDRAWN,
        label=gettext_lazy("Wycofaj ofertę"),
        audit=Audit.WITHDRAW,
        permission=_files,
        guard=_withdraw_guard,
        danger=True,
    ),
    Transition(
        action="resubmit",
        sources=(S.CORRECTION,),
        target=S.SUBMITTED,
        label=gettext_lazy("Złóż poprawioną ofertę"),
        audit=Audit.RESUBMIT,
        permission=_files,
        stamps={"submitted_at": NOW, "submitted_by": ACTOR},
        guard=_resubmit_guard,
        after=_after_filing,
        in_ui=False,
    ),
    # The official records the confirmation signed on paper (the generator model): a stamp, no state change.
    Transition(
        action="receive_confirmation",
        sources=FILED_OFFER_STATUSES,
        target=None,
        label=gettext_lazy("Przyjmij podpisane potwierdzenie (papier)"),
        audit=Audit.CONFIRMATION_RECEIVED,
        permission=_official,
        stamps={"confirmation_received_at": NOW, "confirmation_received_by": ACTOR},
        guard=_confirmation_guard,
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
