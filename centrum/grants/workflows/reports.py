"""After the results (the `reports` sub-feature).

- `grants.report`: a report (annex 5) is drafted by the organisation, submitted, then accepted or sent back
  for corrections with a deadline and a reason, and submitted again. Submitting checks the figures on the
  locked row (the balance, the grant, the per-line tolerance); accepting the final report sets the return.
- The contract's `settle` (joined into `grants.contract` in `contracts.py`): once the final report is
  accepted and every return is paid."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.exceptions import ApplicationError
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from ..audit_labels import ContractAudit as Audit
from ..audit_labels import ReportAudit
from ..choices import ContractStatus as S
from ..choices import ReportKind
from ..choices import ReportStatus as R
from ..models import GrantReturn, Report
from ..permissions import can_check_report, can_submit_report, is_grants_official


def _official(user, contract) -> bool:
    return is_grants_official(user, contract.centre)


def _guard_settle(step: Step) -> None:
    contract = step.obj
    if not Report.objects.filter(contract=contract, kind=ReportKind.FINAL, status=R.ACCEPTED).exists():
        raise ApplicationError(_("Umowę rozlicza się po przyjęciu sprawozdania końcowego."))
    unpaid = GrantReturn.objects.filter(contract=contract, paid_on__isnull=True).count()
    if unpaid:
        raise ApplicationError(
            _("Zwrot dotacji nie jest jeszcze wpłacony (niezapłacone zwroty: %(count)s).") % {"count": unpaid}
        )


SETTLEMENT_TRANSITIONS = (
    Transition(
        action="settle",
        sources=(S.SIGNED,),
        target=S.SETTLED,
        label=gettext_lazy("Zatwierdź rozliczenie umowy"),
        audit=Audit.SETTLE,
        permission=_official,
        stamps={"status_changed_at": NOW},
        guard=_guard_settle,
    ),
)


def _guard_submit(step: Step) -> None:
    from ..services.reports import check_report_for_submission

    check_report_for_submission(step.obj)


def _guard_correction(step: Step) -> None:
    from ..services.reports import correction_deadline_check

    correction_deadline_check(step)


def _guard_accept(step: Step) -> None:
    from ..services.reports import settlement_prepare

    settlement_prepare(step)


def _after_accept(step: Step) -> None:
    from ..services.reports import settlement_after_accept

    settlement_after_accept(step)


def _tell_organisation(event: str):
    def after(step: Step) -> None:
        from ..services.reports import notify_organisation

        report = step.obj
        notify_organisation(report.contract, f"report_{event}", {"report": report, "reason": step.reason})

    return after


REPORT_STATUS = register(
    Workflow(
        key="grants.report",
        model=Report,
        refused_message=gettext_lazy(
            "Sprawozdania w stanie „%(status)s” nie można teraz zmienić w ten sposób."
        ),
        select_related=("contract", "contract__organisation"),
        transitions=(
            Transition(
                action="submit",
                sources=(R.DRAFT, R.CORRECTION),
                target=R.SUBMITTED,
                label=gettext_lazy("Złóż sprawozdanie"),
                audit=ReportAudit.SUBMIT,
                permission=can_submit_report,
                stamps={"submitted_at": NOW, "submitted_by": ACTOR},
                guard=_guard_submit,
                done_message=gettext_lazy("Złożono: %(name)s."),
            ),
            Transition(
                action="accept",
                sources=(R.SUBMITTED,),
                target=R.ACCEPTED,
                label=gettext_lazy("Przyjmij sprawozdanie"),
                audit=ReportAudit.ACCEPT,
                permission=can_check_report,
                stamps={"accepted_at": NOW, "accepted_by": ACTOR},
                guard=_guard_accept,
                after=_after_accept,
                in_ui=False,
            ),
            Transition(
                action="request_correction",
                sources=(R.SUBMITTED,),
                target=R.CORRECTION,
                label=gettext_lazy("Wezwij do poprawienia"),
                audit=ReportAudit.REQUEST_CORRECTION,
                permission=can_check_report,
                reason_required=True,
                reason_message=gettext_lazy("Napisz, co organizacja ma poprawić."),
                stamps={"status_reason": REASON},
                guard=_guard_correction,
                after=_tell_organisation("correction"),
                in_ui=False,
            ),
        ),
    )
)
