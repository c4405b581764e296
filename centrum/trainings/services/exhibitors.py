"""Organisations ask for a stand at the centre's own events (NGO Day, picnic, gala); staff confirm."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.workflow import workflow_apply

from ..audit_labels import TrainingsAudit as Audit
from ..choices import ExhibitorStatus, TrainingStatus
from ..models import Exhibitor, Training
from ..permissions import can_request_stand

TAKEN = gettext_lazy("Ta organizacja ma już zgłoszone stoisko na tym wydarzeniu.")


@transaction.atomic
def exhibitor_request(*, training: Training, actor, organisation, stand: str, needs: str = "") -> Exhibitor:
    if (
        organisation is None
        or organisation.centre_id != training.centre_id
        or not can_request_stand(actor, organisation)
    ):
        raise ApplicationError(_("Stoisko zgłasza członek organizacji."), field="organisation")
    training = Training.objects.select_for_update(of=("self",)).get(
        pk=training.pk, centre_id=training.centre_id
    )
    if not training.exhibitors_welcome or training.status != TrainingStatus.PUBLISHED:
        raise ApplicationError(_("Na to wydarzenie nie przyjmujemy zgłoszeń stoisk."))
    if not (stand or "").strip():
        raise ApplicationError(_("Opisz stoisko: co pokażecie lub zaproponujecie."), field="stand")
    if Exhibitor.objects.filter(
        training=training,
        organisation=organisation,
        status__in=(ExhibitorStatus.REQUESTED, ExhibitorStatus.CONFIRMED),
    ).exists():
        raise ApplicationError(str(TAKEN), field="organisation")
    exhibitor = Exhibitor(
        centre=training.centre,
        training=training,
        organisation=organisation,
        stand=stand.strip(),
        needs=(needs or "").strip(),
        requested_by=actor,
    )
    full_clean_or_raise(exhibitor, validate_constraints=False)
    try:
        with transaction.atomic():
            exhibitor.save()
    except IntegrityError as exc:
        raise ApplicationError(str(TAKEN), field="organisation") from exc
    audit_log(actor=actor, obj=exhibitor, action=Audit.EXHIBITOR_REQUESTED, new={"status": exhibitor.status})
    return exhibitor


def exhibitor_decide(*, exhibitor: Exhibitor, actor, action: str, reason: str = "") -> Exhibitor:
    return workflow_apply(obj=exhibitor, action=action, actor=actor, reason=reason)
