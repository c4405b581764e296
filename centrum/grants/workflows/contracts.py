"""A contract: prepared as a draft (from the selected offer or an accepted small grant), signed by the
persons who represent the organisation and by the organ, then settled once its final report is accepted
and any return paid (`reports.py`), or terminated."""

from django.utils.translation import gettext_lazy

from centrum.core.workflow import ACTOR, NOW, REASON, Transition, Workflow, register

from ..audit_labels import ContractAudit as Audit
from ..choices import ContractStatus as S
from ..models import Contract
from ..permissions import is_grants_official
from .reports import SETTLEMENT_TRANSITIONS


def _official(user, contract) -> bool:
    return is_grants_official(user, contract.centre)


CONTRACT_TRANSITIONS = (
    Transition(
        action="sign",
        sources=(S.DRAFT,),
        target=S.SIGNED,
        label=gettext_lazy("Zapisz zawarcie umowy"),
        audit=Audit.SIGN,
        permission=_official,
        stamps={"signed_at": NOW, "signed_by": ACTOR},
    ),
    Transition(
        action="terminate",
        sources=(S.DRAFT, S.SIGNED),
        target=S.TERMINATED,
        label=gettext_lazy("Rozwiąż umowę"),
        audit=Audit.TERMINATE,
        permission=_official,
        reason_required=True,
        stamps={"status_changed_at": NOW, "status_reason": REASON},
        danger=True,
    ),
)

CONTRACT_STATUS = register(
    Workflow(
        key="grants.contract",
        model=Contract,
        refused_message=gettext_lazy("Umowy w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        select_related=("organisation",),
        transitions=CONTRACT_TRANSITIONS + SETTLEMENT_TRANSITIONS,
    )
)
