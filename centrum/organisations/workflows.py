"""The declared status workflows of this app: the registry status of an organisation and CSV import files."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.accounts.models import MembershipRole
from centrum.accounts.selectors import organisation_admin_emails
from centrum.accounts.services import membership_add
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from .audit_labels import OrganisationsAudit as Audit
from .choices import OrganisationStatus as S
from .models import ImportBatch, ImportStatus, Organisation
from .permissions import can_change_organisation_status, can_import_organisations

_REASON_SEEN = gettext_lazy("Podaj uzasadnienie – zobaczy je organizacja.")


def _after_status_change(step: Step) -> None:
    org, actor = step.obj, step.actor
    if step.transition.action == "verify" and org.submitted_by_id and org.submitted_by.is_active:
        membership_add(
            organisation=org,
            user=org.submitted_by,
            role=MembershipRole.ADMIN,
            actor=actor,
            reason=_("Zgłaszający organizację po weryfikacji."),
        )
    recipients = {org.email} if org.email else set()
    if org.submitted_by_id:
        recipients.add(org.submitted_by.email)
    recipients |= set(organisation_admin_emails(organisation=org))
    if recipients:
        outbox_enqueue(
            centre=org.centre,
            to=sorted(recipients),
            template="organisations/emails/status_changed_to_organisation",
            context={"organisation": org, "action": step.transition.action},
        )


def _status(action, sources, target, label, audit, done, *, reason_required=False, stamps=None):
    return Transition(
        action=action,
        sources=sources,
        target=target,
        label=label,
        audit=audit,
        permission=can_change_organisation_status,
        reason_required=reason_required,
        reason_message=_REASON_SEEN,
        denied_message=gettext_lazy("Tylko pracownik centrum może zmieniać status organizacji."),
        stamps={"status_reason": REASON, **(stamps or {})},
        after=_after_status_change,
        danger=reason_required,
        done_message=done,
    )


ORGANISATION_STATUS = register(
    Workflow(
        key="organisations.organisation",
        model=Organisation,
        refused_message=gettext_lazy(
            "Nie można wykonać tej czynności, gdy organizacja ma status „%(status)s”."
        ),
        select_related=("centre", "submitted_by"),
        transitions=(
            _status(
                "verify",
                (S.PENDING,),
                S.ACTIVE,
                gettext_lazy("Zatwierdź"),
                Audit.ORGANISATION_VERIFY,
                gettext_lazy("Organizacja „%(name)s” została zatwierdzona i jest widoczna w katalogu."),
                stamps={"verified_at": NOW, "verified_by": ACTOR},
            ),
            _status(
                "reject",
                (S.PENDING,),
                S.REJECTED,
                gettext_lazy("Odrzuć zgłoszenie"),
                Audit.ORGANISATION_REJECT,
                gettext_lazy("Zgłoszenie organizacji „%(name)s” zostało odrzucone."),
                reason_required=True,
            ),
            _status(
                "suspend",
                (S.ACTIVE,),
                S.SUSPENDED,
                gettext_lazy("Zawieś"),
                Audit.ORGANISATION_SUSPEND,
                gettext_lazy("Organizacja „%(name)s” została zawieszona."),
                reason_required=True,
            ),
            _status(
                "reinstate",
                (S.SUSPENDED, S.REMOVED),
                S.ACTIVE,
                gettext_lazy("Przywróć"),
                Audit.ORGANISATION_REINSTATE,
                gettext_lazy("Organizacja „%(name)s” została przywrócona."),
            ),
            _status(
                "remove",
                (S.ACTIVE, S.SUSPENDED),
                S.REMOVED,
                gettext_lazy("Usuń z rejestru"),
                Audit.ORGANISATION_REMOVE,
                gettext_lazy("Organizacja „%(name)s” została usunięta z rejestru."),
                reason_required=True,
            ),
        ),
    )
)


def _may_import(user, batch: ImportBatch) -> bool:
    return can_import_organisations(user, batch.centre)


def _import_step(action, sources, target, audit, *, staff=True, system=True) -> Transition:
    # Checking and importing run in the request or in the scheduled job: no buttons of their own.
    return Transition(
        action=action,
        sources=sources,
        target=target,
        label=Audit(audit).label,
        audit=audit,
        permission=_may_import if staff else None,
        system=system,
        denied_message=gettext_lazy("Tylko pracownik centrum może importować organizacje."),
        in_ui=False,
    )


IMPORT_BATCH_STATUS = register(
    Workflow(
        key="organisations.import_batch",
        model=ImportBatch,
        changed_at=None,
        refused_message=gettext_lazy("Ten plik nie czeka na import (stan: „%(status)s”)."),
        select_related=("centre",),
        transitions=(
            _import_step(
                "validate",
                (ImportStatus.UPLOADED,),
                ImportStatus.VALIDATED,
                Audit.ORGANISATION_IMPORT_VALIDATED,
                staff=False,
            ),
            _import_step(
                "invalidate",
                (ImportStatus.UPLOADED,),
                ImportStatus.INVALID,
                Audit.ORGANISATION_IMPORT_INVALID,
                staff=False,
            ),
            _import_step(
                "queue",
                (ImportStatus.VALIDATED,),
                ImportStatus.IMPORTING,
                Audit.ORGANISATION_IMPORT_QUEUED,
                system=False,
            ),
            _import_step(
                "finish",
                (ImportStatus.VALIDATED, ImportStatus.IMPORTING),
                ImportStatus.DONE,
                Audit.ORGANISATION_IMPORT_DONE,
            ),
            _import_step(
                "fail",
                (ImportStatus.VALIDATED, ImportStatus.IMPORTING),
                ImportStatus.FAILED,
                Audit.ORGANISATION_IMPORT_FAILED,
            ),
        ),
    )
)
