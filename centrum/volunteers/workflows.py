"""The declared workflows of the volunteer centre:

- an offer: draft → submitted → published | returned | rejected; a returned one is submitted again; a
  published one is closed;
- an application: applied → accepted | declined, or withdrawn by the volunteer (an accepted one frees its
  place); accepting takes a place of the offer or the shift with a conditional UPDATE, so two acceptances for
  the last place cannot both win (the database's check constraint backs it);
- hours: logged → confirmed | rejected by the host."""

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.exceptions import ApplicationError
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from .audit_labels import VolunteersAudit as Audit
from .choices import ApplicationStatus as A
from .choices import HoursStatus as H
from .choices import OfferStatus as O
from .models import Application, HoursEntry, Offer, Shift
from .permissions import (
    can_close_offer,
    can_confirm_hours,
    can_decide_application,
    can_moderate_offer,
    can_submit_offer,
    can_withdraw_application,
)


def host_addresses(host) -> list[str]:
    address = host.organisation.email if host.organisation_id else host.email
    return [address] if address else []


def _mail(to: list[str], template: str, step: Step, **context) -> None:
    if to:
        outbox_enqueue(
            centre=step.obj.centre,
            to=to,
            template=f"volunteers/emails/{template}",
            context={"reason": step.reason, "status": step.target, **context},
        )


def _submittable(step: Step) -> None:
    offer = step.obj
    if offer.kind == "event" and not offer.shifts.exists():
        raise ApplicationError(_("Oferta na wydarzeniu potrzebuje co najmniej jednego dyżuru."))


def _tell_host_about_offer(step: Step) -> None:
    _mail(host_addresses(step.obj.host), "offer_decision_to_host", step, offer=step.obj)


def _take_place(step: Step) -> None:
    application = step.obj
    if application.offer.status != O.PUBLISHED:
        raise ApplicationError(_("Oferta nie jest już opublikowana – nie można przyjmować zgłoszeń."))
    if application.shift_id is not None:
        rows = Shift.objects.filter(pk=application.shift_id, taken__lt=F("capacity"))
    else:
        rows = Offer.objects.filter(pk=application.offer_id, taken__lt=F("capacity"))
    if not rows.update(taken=F("taken") + 1):
        raise ApplicationError(
            _("Nie ma już wolnych miejsc – wszystkie zajęli przyjęci wcześniej wolontariusze.")
        )


def _free_place(step: Step) -> None:
    application = step.obj
    if step.old_state != A.ACCEPTED:
        return
    if application.shift_id is not None:
        Shift.objects.filter(pk=application.shift_id, taken__gt=0).update(taken=F("taken") - 1)
    else:
        Offer.objects.filter(pk=application.offer_id, taken__gt=0).update(taken=F("taken") - 1)


def _tell_volunteer(step: Step) -> None:
    application = step.obj
    _mail([application.volunteer.user.email], "decision_to_volunteer", step, application=application)


def _withdrawn(step: Step) -> None:
    _free_place(step)
    application = step.obj
    _mail(host_addresses(application.offer.host), "withdrawn_to_host", step, application=application)


OFFER_STATUS = register(
    Workflow(
        key="volunteers.offer",
        model=Offer,
        refused_message=gettext_lazy("Oferty w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        select_related=("host", "host__organisation", "centre"),
        transitions=(
            Transition(
                action="submit",
                sources=(O.DRAFT, O.RETURNED),
                target=O.SUBMITTED,
                label=gettext_lazy("Zgłoś do publikacji"),
                audit=Audit.OFFER_SUBMITTED,
                permission=can_submit_offer,
                guard=_submittable,
                stamps={"submitted_at": NOW},
                done_message=gettext_lazy("Zgłoszono ofertę „%(name)s” – centrum ją sprawdzi."),
            ),
            Transition(
                action="publish",
                sources=(O.SUBMITTED,),
                target=O.PUBLISHED,
                label=gettext_lazy("Opublikuj"),
                audit=Audit.OFFER_PUBLISHED,
                permission=can_moderate_offer,
                stamps={"published_at": NOW, "moderated_by": ACTOR, "status_reason": REASON},
                after=_tell_host_about_offer,
                done_message=gettext_lazy("Opublikowano ofertę „%(name)s”."),
            ),
            Transition(
                action="return",
                sources=(O.SUBMITTED,),
                target=O.RETURNED,
                label=gettext_lazy("Zwróć do poprawy"),
                audit=Audit.OFFER_RETURNED,
                permission=can_moderate_offer,
                reason_required=True,
                reason_message=gettext_lazy("Napisz, co poprawić – organizator to otrzyma."),
                stamps={"moderated_by": ACTOR, "status_reason": REASON},
                after=_tell_host_about_offer,
            ),
            Transition(
                action="reject",
                sources=(O.SUBMITTED,),
                target=O.REJECTED,
                label=gettext_lazy("Odrzuć"),
                audit=Audit.OFFER_REJECTED,
                permission=can_moderate_offer,
                reason_required=True,
                reason_message=gettext_lazy("Podaj przyczynę odrzucenia – organizator ją otrzyma."),
                stamps={"moderated_by": ACTOR, "status_reason": REASON},
                after=_tell_host_about_offer,
                danger=True,
            ),
            Transition(
                action="close",
                sources=(O.PUBLISHED,),
                target=O.CLOSED,
                label=gettext_lazy("Zamknij nabór"),
                audit=Audit.OFFER_CLOSED,
                permission=can_close_offer,
                system=True,
                danger=True,
            ),
        ),
    )
)

APPLICATION_STATUS = register(
    Workflow(
        key="volunteers.application",
        model=Application,
        refused_message=gettext_lazy(
            "Zgłoszenia w stanie „%(status)s” nie można teraz zmienić w ten sposób."
        ),
        select_related=(
            "offer",
            "offer__host",
            "offer__host__organisation",
            "volunteer",
            "volunteer__user",
            "centre",
        ),
        transitions=(
            Transition(
                action="accept",
                sources=(A.APPLIED,),
                target=A.ACCEPTED,
                label=gettext_lazy("Przyjmij"),
                audit=Audit.ACCEPTED,
                permission=can_decide_application,
                guard=_take_place,
                stamps={"decided_at": NOW, "decided_by": ACTOR, "status_reason": REASON},
                after=_tell_volunteer,
                done_message=gettext_lazy("Przyjęto: %(name)s."),
            ),
            Transition(
                action="decline",
                sources=(A.APPLIED,),
                target=A.DECLINED,
                label=gettext_lazy("Nie przyjmuj"),
                audit=Audit.DECLINED,
                permission=can_decide_application,
                stamps={"decided_at": NOW, "decided_by": ACTOR, "status_reason": REASON},
                after=_tell_volunteer,
                danger=True,
            ),
            Transition(
                action="withdraw",
                sources=(A.APPLIED, A.ACCEPTED),
                target=A.WITHDRAWN,
                label=gettext_lazy("Wycofaj zgłoszenie"),
                audit=Audit.WITHDRAWN,
                permission=can_withdraw_application,
                stamps={"status_reason": REASON},
                after=_withdrawn,
                danger=True,
            ),
        ),
    )
)

HOURS_STATUS = register(
    Workflow(
        key="volunteers.hours",
        model=HoursEntry,
        refused_message=gettext_lazy("Godzin w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        select_related=("agreement", "agreement__application__offer__host", "centre"),
        transitions=(
            Transition(
                action="confirm",
                sources=(H.LOGGED,),
                target=H.CONFIRMED,
                label=gettext_lazy("Potwierdź"),
                audit=Audit.HOURS_CONFIRMED,
                permission=can_confirm_hours,
                stamps={"decided_by": ACTOR, "status_reason": REASON},
            ),
            Transition(
                action="reject",
                sources=(H.LOGGED,),
                target=H.REJECTED,
                label=gettext_lazy("Odrzuć"),
                audit=Audit.HOURS_REJECTED,
                permission=can_confirm_hours,
                reason_required=True,
                reason_message=gettext_lazy("Napisz wolontariuszowi, dlaczego nie potwierdzasz tych godzin."),
                stamps={"decided_by": ACTOR, "status_reason": REASON},
                danger=True,
            ),
        ),
    )
)
