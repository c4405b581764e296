"""A contract: prepared as a draft (from the selected offer or an accepted small grant), signed by the
persons who represent the organisation and by the organ, then settled once its final report is accepted
and any return paid (`reports.py`), or terminated.

Beside it, the contracts sub-feature's other status fields: the updated budget (aktualizacja kosztorysu)
of an offer awarded less than it asked for, and an annex (aneks) to a signed contract."""

from django.utils.translation import gettext_lazy

from centrum.core.workflow import ACTOR, NOW, REASON, Transition, Workflow, register

from ..audit_labels import AnnexAudit, BudgetUpdateAudit
from ..audit_labels import ContractAudit as Audit
from ..choices import AnnexStatus, BudgetUpdateStatus
from ..choices import ContractStatus as S
from ..models import BudgetUpdate, Contract, ContractAnnex
from ..permissions import can_decide_budget_update, can_file_budget_update, is_grants_official
from .reports import SETTLEMENT_TRANSITIONS


def _official(user, contract) -> bool:
    return is_grants_official(user, contract.centre)


# The rules live in the contracts service; imported when a step runs (the service imports the engine).
def _sign_guard(step):
    from ..services.contracts import sign_guard

    sign_guard(step)


def _after_sign(step):
    from ..services.contracts import after_sign

    after_sign(step)


CONTRACT_TRANSITIONS = (
    Transition(
        action="sign",
        sources=(S.DRAFT,),
        target=S.SIGNED,
        label=gettext_lazy("Zapisz zawarcie umowy"),
        audit=Audit.SIGN,
        permission=_official,
        stamps={"signed_at": NOW, "signed_by": ACTOR},
        guard=_sign_guard,
        after=_after_sign,
        # Taken from the signing page (the representatives, paper or the signed file).
        in_ui=False,
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


# contracts --- the updated budget
def _update_submit_guard(step):
    from ..services.contracts import budget_update_submit_guard

    budget_update_submit_guard(step)


def _update_after(step):
    from ..services.contracts import budget_update_notify

    budget_update_notify(step)


BUDGET_UPDATE_STATUS = register(
    Workflow(
        key="grants.budget_update",
        model=BudgetUpdate,
        refused_message=gettext_lazy(
            "Aktualizacji kosztorysu w stanie „%(status)s” nie można teraz zmienić w ten sposób."
        ),
        select_related=("offer", "offer__organisation", "offer__competition"),
        transitions=(
            Transition(
                action="submit",
                sources=(BudgetUpdateStatus.DRAFT, BudgetUpdateStatus.RETURNED),
                target=BudgetUpdateStatus.SUBMITTED,
                label=gettext_lazy("Złóż aktualizację kosztorysu"),
                audit=BudgetUpdateAudit.SUBMIT,
                permission=can_file_budget_update,
                stamps={"submitted_at": NOW, "submitted_by": ACTOR},
                guard=_update_submit_guard,
                after=_update_after,
            ),
            Transition(
                action="accept",
                sources=(BudgetUpdateStatus.SUBMITTED,),
                target=BudgetUpdateStatus.ACCEPTED,
                label=gettext_lazy("Przyjmij aktualizację kosztorysu"),
                audit=BudgetUpdateAudit.ACCEPT,
                permission=can_decide_budget_update,
                stamps={"decided_at": NOW, "decided_by": ACTOR},
                guard=_update_submit_guard,
                after=_update_after,
            ),
            Transition(
                action="return",
                sources=(BudgetUpdateStatus.SUBMITTED,),
                target=BudgetUpdateStatus.RETURNED,
                label=gettext_lazy("Zwróć do poprawy"),
                audit=BudgetUpdateAudit.RETURN,
                permission=can_decide_budget_update,
                reason_required=True,
                reason_message=gettext_lazy("Napisz, co organizacja ma poprawić w aktualizacji kosztorysu."),
                stamps={"decided_at": NOW, "decided_by": ACTOR, "status_reason": REASON},
                after=_update_after,
                danger=True,
            ),
        ),
    )
)


# contracts --- annexes
def _annex_official(user, annex) -> bool:
    return is_grants_official(user, annex.centre)


def _annex_sign_guard(step):
    from ..services.contracts import annex_sign_guard

    annex_sign_guard(step)


ANNEX_STATUS = register(
    Workflow(
        key="grants.contract_annex",
        model=ContractAnnex,
        refused_message=gettext_lazy("Aneksu w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        select_related=("contract", "contract__organisation"),
        transitions=(
            Transition(
                action="sign",
                sources=(AnnexStatus.DRAFT,),
                target=AnnexStatus.SIGNED,
                label=gettext_lazy("Zapisz zawarcie aneksu"),
                audit=AnnexAudit.SIGN,
                permission=_annex_official,
                stamps={"signed_at": NOW, "signed_by": ACTOR},
                guard=_annex_sign_guard,
                in_ui=False,
            ),
        ),
    )
)
