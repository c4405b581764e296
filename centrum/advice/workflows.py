"""The declared status workflow of an advice appointment: booked, then cancelled (by the person or by the
centre, with a reason) or done (its advice log written)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.exceptions import ApplicationError
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import ACTOR, REASON, Step, Transition, Workflow, register

from .audit_labels import AdviceAudit as Audit
from .choices import AppointmentStatus
from .models import Appointment
from .permissions import can_cancel_appointment, can_cancel_appointment_for_centre, can_log_appointment


def _not_begun(step: Step) -> None:
    if step.obj.starts_at <= timezone.now():
        raise ApplicationError(_("Porady, która już się zaczęła, nie można odwołać."))


def _tell_the_person(step: Step) -> None:
    appointment = step.obj
    outbox_enqueue(
        centre=appointment.centre,
        to=appointment.email,
        template="advice/emails/appointment_cancelled_to_person",
        context={
            "appointment": appointment,
            "by_centre": step.transition.action != "cancel",
            "reason": step.reason,
        },
    )


def _tell_the_adviser(step: Step) -> None:
    appointment = step.obj
    outbox_enqueue(
        centre=appointment.centre,
        to=appointment.adviser.user.email,
        template="advice/emails/appointment_cancelled_to_adviser",
        context={"appointment": appointment, "reason": step.reason},
    )


def _cancelled_by_centre(step: Step) -> None:
    _tell_the_person(step)
    if step.actor is None or step.actor.pk != step.obj.adviser.user_id:
        _tell_the_adviser(step)


APPOINTMENT_STATUS = register(
    Workflow(
        key="advice.appointment",
        model=Appointment,
        refused_message=gettext_lazy("Porady w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        select_related=("adviser__user", "centre", "organisation", "domain"),
        transitions=(
            Transition(
                action="cancel",
                sources=(AppointmentStatus.BOOKED,),
                target=AppointmentStatus.CANCELLED,
                label=gettext_lazy("Odwołaj poradę"),
                audit=Audit.APPOINTMENT_CANCEL,
                permission=can_cancel_appointment,
                system=True,  # the signed link in the confirmation e-mail
                denied_message=gettext_lazy("Nie możesz odwołać tej porady."),
                stamps={"status_reason": REASON, "cancelled_by": ACTOR},
                guard=_not_begun,
                after=_tell_the_adviser,
                danger=True,
            ),
            Transition(
                action="cancel_by_centre",
                sources=(AppointmentStatus.BOOKED,),
                target=AppointmentStatus.CANCELLED,
                label=gettext_lazy("Odwołaj poradę (centrum)"),
                audit=Audit.APPOINTMENT_CANCEL_BY_CENTRE,
                permission=can_cancel_appointment_for_centre,
                system=True,  # an absence entered for the adviser
                reason_required=True,
                reason_message=gettext_lazy("Podaj powód odwołania – osoba umówiona go zobaczy."),
                denied_message=gettext_lazy("Porady odwołują pracownicy centrum i doradca."),
                stamps={"status_reason": REASON, "cancelled_by": ACTOR},
                guard=_not_begun,
                after=_cancelled_by_centre,
                danger=True,
            ),
            Transition(
                action="complete",
                sources=(AppointmentStatus.BOOKED,),
                target=AppointmentStatus.DONE,
                label=gettext_lazy("Zapisz w dzienniku"),
                audit=Audit.APPOINTMENT_COMPLETE,
                permission=can_log_appointment,
                denied_message=gettext_lazy("Dziennik porad prowadzą doradcy i pracownicy centrum."),
                in_ui=False,  # the advice log form
            ),
        ),
    )
)
