"""Settlement of a contract (the `reports` sub-feature): settled once the final report is accepted and
every return is paid. Joined into the contract's workflow in `contracts.py`."""

from django.utils.translation import gettext_lazy

from centrum.core.workflow import NOW, Transition

from ..audit_labels import ContractAudit as Audit
from ..choices import ContractStatus as S
from ..permissions import is_grants_official


def _official(user, contract) -> bool:
    return is_grants_official(user, contract.centre)


SETTLEMENT_TRANSITIONS = (
    Transition(
        action="settle",
        sources=(S.SIGNED,),
        target=S.SETTLED,
        label=gettext_lazy("Zatwierdź rozliczenie umowy"),
        audit=Audit.SETTLE,
        permission=_official,
        stamps={"status_changed_at": NOW},
    ),
)
