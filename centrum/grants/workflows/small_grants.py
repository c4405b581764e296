"""A small grant (art. 19a): the organisation's admin files the simplified offer (received); the official
finds the task purposeful (or not, with a reason); the offer is published on the three channels (recorded
with dates: within the working days the centre sets of its receipt, or with a reason why later); anyone may
comment for the comment period; once it ended and every comment has a response, the contract is created
(`small_grant_contract_create`, the limits re-counted under a lock). Rejected or withdrawn on the way."""

from django.utils.translation import gettext_lazy

from centrum.core.workflow import ACTOR, NOW, REASON, Transition, Workflow, register

from ..audit_labels import SmallGrantAudit as Audit
from ..choices import SmallGrantStatus as S
from ..models import SmallGrantOffer
from .offers import _files, _official


# Who files (the organisation's admin) and who decides (an official): as for an offer in a competition.
# The rules live in the service; imported when a step runs (the service imports this module's engine).
def _submit_guard(step):
    from ..services.small_grants import submit_guard

    submit_guard(step)


def _publish_guard(step):
    from ..services.small_grants import publish_guard

    publish_guard(step)


def _contract_guard(step):
    from ..services.small_grants import contract_guard

    contract_guard(step)


def _after_decision(step):
    from ..services.small_grants import after_decision

    after_decision(step)


SMALL_GRANT_TRANSITIONS = (
    Transition(
        action="submit",
        sources=(S.DRAFT,),
        target=S.RECEIVED,
        label=gettext_lazy("Złóż ofertę"),
        audit=Audit.SUBMIT,
        permission=_files,
        stamps={"submitted_at": NOW, "submitted_by": ACTOR},
        guard=_submit_guard,
        in_ui=False,
    ),
    Transition(
        action="purposeful",
        sources=(S.RECEIVED,),
        target=S.PURPOSEFUL,
        label=gettext_lazy("Uznaj zadanie za celowe"),
        audit=Audit.PURPOSEFUL,
        permission=_official,
        stamps={"decided_at": NOW, "decided_by": ACTOR, "status_reason": REASON},
        after=_after_decision,
    ),
    Transition(
        action="not_purposeful",
        sources=(S.RECEIVED,),
        target=S.NOT_PURPOSEFUL,
        label=gettext_lazy("Uznaj zadanie za niecelowe"),
        audit=Audit.NOT_PURPOSEFUL,
        permission=_official,
        reason_required=True,
        reason_message=gettext_lazy("Podaj, dlaczego zadanie nie jest celowe."),
        stamps={"decided_at": NOW, "decided_by": ACTOR, "status_reason": REASON},
        after=_after_decision,
        danger=True,
    ),
    # Taken from the publication page, which records the three channels first.
    Transition(
        action="publish",
        sources=(S.PURPOSEFUL,),
        target=S.PUBLISHED,
        label=gettext_lazy("Zapisz publikację oferty"),
        audit=Audit.PUBLISH,
        permission=_official,
        stamps={"published_at": NOW},
        guard=_publish_guard,
        in_ui=False,
    ),
    # Taken from the contract page (`small_grant_contract_create`): the guard creates the contract.
    Transition(
        action="contract",
        sources=(S.PUBLISHED,),
        target=S.CONTRACTED,
        label=gettext_lazy("Przygotuj umowę"),
        audit=Audit.CONTRACT,
        permission=_official,
        guard=_contract_guard,
        in_ui=False,
    ),
    Transition(
        action="reject",
        sources=(S.RECEIVED, S.PURPOSEFUL, S.PUBLISHED),
        target=S.REJECTED,
        label=gettext_lazy("Odrzuć ofertę"),
        audit=Audit.REJECT,
        permission=_official,
        reason_required=True,
        stamps={"status_reason": REASON},
        after=_after_decision,
        danger=True,
    ),
    Transition(
        action="withdraw",
        sources=(S.RECEIVED, S.PURPOSEFUL, S.PUBLISHED),
        target=S.WITHDRAWN,
        label=gettext_lazy("Wycofaj ofertę"),
        audit=Audit.WITHDRAW,
        permission=_files,
        stamps={"status_reason": REASON},
        danger=True,
    ),
)

SMALL_GRANT_STATUS = register(
    Workflow(
        key="grants.small_grant",
        model=SmallGrantOffer,
        refused_message=gettext_lazy(
            "Oferty uproszczonej w stanie „%(status)s” nie można teraz zmienić w ten sposób."
        ),
        select_related=("organisation",),
        transitions=SMALL_GRANT_TRANSITIONS,
    )
)
