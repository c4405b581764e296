"""The declared status workflows of trainings, registrations (with the waiting list) and exhibitors."""

import contextlib

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.exceptions import ApplicationError
from centrum.core.workflow import REASON, Step, Transition, Workflow, register, workflow_apply

from .audit_labels import TrainingsAudit as Audit
from .choices import ACTIVE_REGISTRATION, ExhibitorStatus, RegistrationStatus, TrainingStatus
from .models import Exhibitor, Registration, Training
from .permissions import (
    can_cancel_registration,
    can_decide_exhibitor,
    can_edit_training,
    can_withdraw_exhibitor,
)
from .services import notify

# Trainings


def _has_sessions(step: Step) -> None:
    if not step.obj.sessions.exists():
        raise ApplicationError(_("Dodaj co najmniej jedno spotkanie (termin i miejsce) przed publikacją."))


def _published(step: Step) -> None:
    """Organisations that asked for this topic hear that the training is open for registration."""
    from centrum.core.links import centre_url

    training = step.obj
    url = centre_url(training.centre, training.get_absolute_url())
    for need in training.needs.select_related("organisation", "requested_by"):
        notify.to_organisation(
            centre=training.centre,
            organisation=need.organisation,
            to=[getattr(need.requested_by, "email", "")],
            event="need_planned_to_organisation",
            context={"need": need, "training": training, "training_url": url},
        )


def _all_sessions_over(step: Step) -> None:
    if step.obj.sessions.filter(ends_at__gt=timezone.now()).exists():
        raise ApplicationError(_("Szkolenie można zakończyć po ostatnim spotkaniu."))


def _training_cancelled(step: Step) -> None:
    from centrum.spaces.services import booking_cancel

    training = step.obj
    now = timezone.now()
    for session in training.sessions.select_related("booking").filter(
        booking__isnull=False, starts_at__gt=now
    ):
        with contextlib.suppress(ApplicationError):  # already cancelled in the rooms' planner
            booking_cancel(booking=session.booking, actor=step.actor, reason=_("Odwołano szkolenie."))
    for registration in training.registrations.filter(status__in=ACTIVE_REGISTRATION):
        notify.to_registrant(
            registration, "training_cancelled_to_person", ics="CANCEL", extra={"reason": step.reason}
        )


TRAINING_STATUS = register(
    Workflow(
        key="trainings.training",
        model=Training,
        transitions=(
            Transition(
                action="publish",
                sources=(TrainingStatus.DRAFT,),
                target=TrainingStatus.PUBLISHED,
                label=gettext_lazy("Opublikuj"),
                audit=Audit.TRAINING_PUBLISHED,
                permission=can_edit_training,
                guard=_has_sessions,
                after=_published,
                done_message=gettext_lazy("Opublikowano „%(name)s”."),
            ),
            Transition(
                action="cancel",
                sources=(TrainingStatus.DRAFT, TrainingStatus.PUBLISHED),
                target=TrainingStatus.CANCELLED,
                label=gettext_lazy("Odwołaj"),
                audit=Audit.TRAINING_CANCELLED,
                permission=can_edit_training,
                reason_required=True,
                reason_message=gettext_lazy("Napisz uczestnikom, dlaczego szkolenie jest odwołane."),
                stamps={"status_reason": REASON},
                after=_training_cancelled,
                danger=True,
                done_message=gettext_lazy("Odwołano „%(name)s”; zapisani dostali wiadomość."),
            ),
            Transition(
                action="finish",
                sources=(TrainingStatus.PUBLISHED,),
                target=TrainingStatus.FINISHED,
                label=gettext_lazy("Zakończ"),
                audit=Audit.TRAINING_FINISHED,
                permission=can_edit_training,
                system=True,
                guard=_all_sessions_over,
                done_message=gettext_lazy("Zakończono „%(name)s”."),
            ),
        ),
    )
)

# Registrations and the waiting list


def confirmed_count(training) -> int:
    return Registration.objects.filter(training=training, status=RegistrationStatus.CONFIRMED).count()


def promote_waiting(training_id: int, centre_id: int) -> list[Registration]:
    """Fill free seats from the waiting list, first come first served; the training's row is locked, so two
    cancellations at once never promote more people than there are seats."""
    training = Training.objects.select_for_update(of=("self",)).get(pk=training_id, centre_id=centre_id)
    if training.status != TrainingStatus.PUBLISHED:
        return []
    promoted = []
    free = training.capacity - confirmed_count(training)
    waiting = Registration.objects.filter(training=training, status=RegistrationStatus.WAITING).order_by(
        "created_at", "id"
    )
    for registration in waiting[: max(free, 0)]:
        promoted.append(workflow_apply(row=registration, action="promote", actor=None))
    return promoted


def _seat_free(step: Step) -> None:
    training = Training.objects.select_for_update(of=("self",)).get(pk=step.obj.training_id)
    if confirmed_count(training) >= training.capacity:
        raise ApplicationError(_("Na tym szkoleniu nie ma wolnego miejsca."))


def _registration_cancelled(step: Step) -> None:
    notify.to_registrant(step.obj, "registration_cancelled_to_person", ics="CANCEL")
    if step.old_state == RegistrationStatus.CONFIRMED:
        promote_waiting(step.obj.training_id, step.obj.centre_id)


def _promoted(step: Step) -> None:
    notify.to_registrant(step.obj, "registration_promoted_to_person", ics="REQUEST")


REGISTRATION_STATUS = register(
    Workflow(
        key="trainings.registration",
        model=Registration,
        select_related=("training",),
        transitions=(
            Transition(
                action="cancel",
                sources=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING),
                target=RegistrationStatus.CANCELLED,
                label=gettext_lazy("Zrezygnuj"),
                audit=Audit.REGISTRATION_CANCELLED,
                permission=can_cancel_registration,
                stamps={"status_reason": REASON},
                after=_registration_cancelled,
                danger=True,
                done_message=gettext_lazy("Zgłoszenie anulowane."),
            ),
            Transition(
                action="cancel_by_link",
                sources=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING),
                target=RegistrationStatus.CANCELLED,
                label=gettext_lazy("Zrezygnuj przez link z wiadomości"),
                audit=Audit.REGISTRATION_CANCELLED,
                system=True,
                in_ui=False,
                after=_registration_cancelled,
            ),
            Transition(
                action="promote",
                sources=(RegistrationStatus.WAITING,),
                target=RegistrationStatus.CONFIRMED,
                label=gettext_lazy("Przenieś z listy oczekujących"),
                audit=Audit.REGISTRATION_PROMOTED,
                system=True,
                in_ui=False,
                guard=_seat_free,
                after=_promoted,
            ),
        ),
    )
)

# Exhibitors at the centre's own events


def _exhibitor_mail(event: str):
    def after(step: Step) -> None:
        exhibitor = step.obj
        notify.to_organisation(
            centre=exhibitor.centre,
            organisation=exhibitor.organisation,
            to=[getattr(exhibitor.requested_by, "email", "")],
            event=event,
            context={"exhibitor": exhibitor, "training": exhibitor.training, "reason": step.reason},
        )

    return after


EXHIBITOR_STATUS = register(
    Workflow(
        key="trainings.exhibitor",
        model=Exhibitor,
        select_related=("training", "organisation"),
        transitions=(
            Transition(
                action="confirm",
                sources=(ExhibitorStatus.REQUESTED,),
                target=ExhibitorStatus.CONFIRMED,
                label=gettext_lazy("Potwierdź stoisko"),
                audit=Audit.EXHIBITOR_CONFIRMED,
                permission=can_decide_exhibitor,
                stamps={"status_reason": REASON},
                after=_exhibitor_mail("exhibitor_confirmed_to_organisation"),
            ),
            Transition(
                action="decline",
                sources=(ExhibitorStatus.REQUESTED,),
                target=ExhibitorStatus.DECLINED,
                label=gettext_lazy("Odrzuć"),
                audit=Audit.EXHIBITOR_DECLINED,
                permission=can_decide_exhibitor,
                reason_required=True,
                stamps={"status_reason": REASON},
                after=_exhibitor_mail("exhibitor_declined_to_organisation"),
                danger=True,
            ),
            Transition(
                action="withdraw",
                sources=(ExhibitorStatus.REQUESTED, ExhibitorStatus.CONFIRMED),
                target=ExhibitorStatus.WITHDRAWN,
                label=gettext_lazy("Wycofaj stoisko"),
                audit=Audit.EXHIBITOR_WITHDRAWN,
                permission=can_withdraw_exhibitor,
                stamps={"status_reason": REASON},
                danger=True,
            ),
        ),
    )
)
