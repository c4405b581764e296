"""The declared status workflows of rooms' bookings (and their attendance), waiting-list entries, loans and lets.

Bookings of a series change occurrence by occurrence through the engine; the services choose the occurrences
(one, the following, the series) and send one e-mail for the lot.
"""

from dataclasses import replace

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.audit import audit_log
from centrum.core.audit_display import display_date
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.permissions import is_centre_staff
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from .audit_labels import SpacesAudit as Audit
from .choices import (
    USABLE_CONDITIONS,
    Attendance,
    BookingStatus,
    LetStatus,
    LoanStatus,
    WaitingStatus,
)
from .models import Booking, EquipmentItem, Loan, RoomLet, WaitingListEntry
from .permissions import (
    can_approve_booking,
    can_cancel_booking,
    can_cancel_loan,
    can_decide_loan,
    can_decline_offer,
    can_end_let,
    can_mark_attendance,
    can_reject_booking,
    can_reschedule_booking,
    can_respond_to_offer,
    can_withdraw_waiting,
)

# Bookings

_DECISION = {"decided_by": ACTOR, "decision_reason": REASON}


def _not_begun(step: Step) -> None:
    # A slot that has begun is history for everyone, staff too: cancelling it would e-mail the organisation
    # about the past, offer the gone slot to the waiting list and erase it from the quota and no-show counts.
    if step.obj.starts_at <= timezone.now():
        raise ApplicationError(_("Rezerwacji, która już się zaczęła, nie można anulować."))


def _offer_still_open(step: Step) -> None:
    expires = step.obj.offer_expires_at
    if expires and expires <= timezone.now():
        raise ApplicationError(_("Ta propozycja już wygasła."))


def _staff_decides_personal(step: Step) -> None:
    # A resident's or an informal group's request always waits for a person of staff: never approved by the
    # system (a room that needs no approval, an offer from the waiting list).
    if step.obj.is_personal_booker and step.actor is None:
        raise ApplicationError(_("Wnioski mieszkańców i grup nieformalnych zatwierdza pracownik centrum."))


def _personal_new_hours_to_staff(step: Step) -> None:
    # Moving an approved request of a resident or a group sends it back to staff (reschedule_for_approval).
    booking = step.obj
    if (
        booking.is_personal_booker
        and step.old_state == BookingStatus.APPROVED
        and not is_centre_staff(step.actor, booking.centre)
    ):
        raise ApplicationError(_("Nowy termin wniosku mieszkańca lub grupy zatwierdza pracownik centrum."))


# New hours: the booking keeps its state, or goes back to staff when a member moves an approved booking of a
# room that needs approval. The service checks the new slots and picks the action.
_RESCHEDULE = Transition(
    action="reschedule",
    sources=(BookingStatus.PENDING, BookingStatus.APPROVED),
    target=None,
    label=gettext_lazy("Zmień termin"),
    audit=Audit.BOOKING_RESCHEDULE,
    permission=can_reschedule_booking,
    denied_message=gettext_lazy("Nie możesz zmienić tej rezerwacji."),
    in_ui=False,
)

BOOKING_STATUS = register(
    Workflow(
        key="spaces.booking",
        model=Booking,
        refused_message=gettext_lazy(
            "Rezerwacji w stanie „%(status)s” nie można teraz zmienić w ten sposób."
        ),
        select_related=("room", "organisation", "requested_by", "centre", "series"),
        transitions=(
            Transition(
                action="approve",
                sources=(BookingStatus.PENDING,),
                target=BookingStatus.APPROVED,
                label=gettext_lazy("Zatwierdź"),
                audit=Audit.BOOKING_APPROVE,
                permission=can_approve_booking,
                system=True,  # rooms that need no approval, offers accepted from the waiting list
                denied_message=gettext_lazy("Rezerwacje zatwierdzają pracownicy centrum."),
                stamps=_DECISION,
                guard=_staff_decides_personal,
            ),
            Transition(
                action="reject",
                sources=(BookingStatus.PENDING,),
                target=BookingStatus.REJECTED,
                label=gettext_lazy("Odrzuć"),
                audit=Audit.BOOKING_REJECT,
                permission=can_reject_booking,
                reason_required=True,
                reason_message=gettext_lazy("Podaj powód odrzucenia – organizacja go zobaczy."),
                denied_message=gettext_lazy("Rezerwacje odrzucają pracownicy centrum."),
                stamps=_DECISION,
                danger=True,
            ),
            Transition(
                action="cancel",
                sources=(BookingStatus.PENDING, BookingStatus.APPROVED),
                target=BookingStatus.CANCELLED,
                label=gettext_lazy("Anuluj rezerwację"),
                audit=Audit.BOOKING_CANCEL,
                permission=can_cancel_booking,
                denied_message=gettext_lazy("Nie możesz anulować tej rezerwacji."),
                guard=_not_begun,
                danger=True,
            ),
            replace(_RESCHEDULE, guard=_personal_new_hours_to_staff),
            replace(
                _RESCHEDULE,
                action="reschedule_for_approval",
                sources=(BookingStatus.APPROVED,),
                target=BookingStatus.PENDING,
            ),
            Transition(
                action="accept",
                sources=(BookingStatus.OFFERED,),
                target=BookingStatus.PENDING,
                label=gettext_lazy("Przyjmij termin"),
                audit=Audit.BOOKING_ACCEPT,
                permission=can_respond_to_offer,
                denied_message=gettext_lazy("Nie możesz przyjąć tej propozycji."),
                guard=_offer_still_open,
                done_message=gettext_lazy("Termin przyjęty."),
            ),
            Transition(
                action="decline",
                sources=(BookingStatus.OFFERED,),
                target=BookingStatus.CANCELLED,
                label=gettext_lazy("Odrzuć propozycję"),
                audit=Audit.BOOKING_DECLINE,
                permission=can_decline_offer,
                denied_message=gettext_lazy("Nie możesz odrzucić tej propozycji."),
                done_message=gettext_lazy("Propozycja odrzucona – termin dostanie kolejna organizacja."),
            ),
            Transition(
                action="expire",
                sources=(BookingStatus.OFFERED,),
                target=BookingStatus.EXPIRED,
                label=Audit.BOOKING_EXPIRE.label,
                audit=Audit.BOOKING_EXPIRE,
                system=True,
                in_ui=False,
            ),
        ),
    )
)


def _attendance_due(step: Step) -> None:
    if step.obj.status != BookingStatus.APPROVED:
        raise ApplicationError(_("Obecność odnotowuje się tylko na zatwierdzonych rezerwacjach."))
    if step.obj.starts_at > timezone.now():
        raise ApplicationError(_("Obecność można odnotować dopiero, gdy rezerwacja się zacznie."))


def _attendance(target: str, audit: str, label, *, in_ui: bool = True) -> Transition:
    return Transition(
        action=target,
        sources=tuple(value for value in Attendance.values if value != target),
        target=target,
        label=label,
        audit=audit,
        permission=can_mark_attendance,
        denied_message=gettext_lazy("Obecność odnotowują pracownicy centrum."),
        stamps={"attendance_marked_by": ACTOR, "attendance_marked_at": NOW},
        guard=_attendance_due,
        in_ui=in_ui,
    )


BOOKING_ATTENDANCE = register(
    Workflow(
        key="spaces.booking_attendance",
        model=Booking,
        field="attendance",
        changed_at=None,
        refused_message=gettext_lazy("Obecność jest już odnotowana jako „%(status)s”."),
        select_related=("centre",),
        transitions=(
            _attendance(Attendance.ATTENDED, Audit.BOOKING_ATTENDANCE, gettext_lazy("Spotkanie się odbyło")),
            _attendance(Attendance.NO_SHOW, Audit.BOOKING_NO_SHOW, gettext_lazy("Nikt nie przyszedł")),
            # Taking a record back is for the API and corrections, not a button.
            _attendance(Attendance.UNKNOWN, Audit.BOOKING_ATTENDANCE, Attendance.UNKNOWN.label, in_ui=False),
        ),
    )
)


# Waiting list


def _waiting(
    action, sources, target, audit, *, permission=None, system=True, after=None, label=None, in_ui=False
) -> Transition:
    return Transition(
        action=action,
        sources=sources,
        target=target,
        label=label or Audit(audit).label,
        audit=audit,
        permission=permission,
        system=system,
        denied_message=gettext_lazy("Nie możesz wycofać tego wpisu."),
        after=after,
        in_ui=in_ui,
        done_message=gettext_lazy("Wpis usunięty z listy oczekujących.") if in_ui else "",
    )


def _release_offer(step: Step) -> None:
    """A withdrawn entry gives its offered slot back: the offer is declined and the next in line gets it."""
    from centrum.core.workflow import workflow_apply

    from .services.waiting import offer_freed_slots

    booking = step.obj.offered_booking
    if booking is not None and booking.status == BookingStatus.OFFERED:
        workflow_apply(obj=booking, action="decline", actor=step.actor, workflow=BOOKING_STATUS)
        offer_freed_slots(room=booking.room, starts_at=booking.starts_at, ends_at=booking.ends_at)


WAITING_STATUS = register(
    Workflow(
        key="spaces.waiting",
        model=WaitingListEntry,
        changed_at=None,
        refused_message=gettext_lazy("Ten wpis nie czeka już na termin."),
        select_related=("offered_booking", "centre", "organisation"),
        transitions=(
            _waiting("offer", (WaitingStatus.WAITING,), WaitingStatus.OFFERED, Audit.WAITING_OFFERED),
            _waiting(
                "accept",
                (WaitingStatus.OFFERED,),
                WaitingStatus.ACCEPTED,
                Audit.WAITING_ACCEPTED,
                permission=can_withdraw_waiting,
            ),
            _waiting(
                "withdraw",
                (WaitingStatus.WAITING, WaitingStatus.OFFERED),
                WaitingStatus.WITHDRAWN,
                Audit.WAITING_WITHDRAWN,
                permission=can_withdraw_waiting,
                system=False,
                after=_release_offer,
                label=gettext_lazy("Wycofaj"),
                in_ui=True,
            ),
            # The offer was declined from the booking: the entry ends with it.
            _waiting(
                "offer_declined",
                (WaitingStatus.OFFERED,),
                WaitingStatus.WITHDRAWN,
                Audit.WAITING_WITHDRAWN,
                permission=can_withdraw_waiting,
            ),
            _waiting("expire", (WaitingStatus.OFFERED,), WaitingStatus.EXPIRED, Audit.WAITING_EXPIRED),
        ),
    )
)


# Loans


def _notify_loan_decision(event: str):
    def after(step: Step) -> None:
        from .services import notify

        loan = step.obj
        notify.send(
            centre=loan.centre,
            to=notify.organisation_recipients(requested_by=loan.requested_by, organisation=loan.organisation),
            event=event,
            context={"loan": loan, "items": list(loan.items.select_related("item")), "reason": step.reason},
        )

    return after


def _handover_day(step: Step) -> None:
    loan = step.obj
    if warsaw_today() < loan.starts_on:
        # The equipment is counted as free until the loan's first day: an early handover would lend it twice.
        raise ApplicationError(
            _(
                "Sprzęt z tego wypożyczenia można wydać najwcześniej %(date)s – w pierwszym dniu wypożyczenia. "
                "Do tego dnia może z niego korzystać ktoś inny."
            )
            % {"date": display_date(loan.starts_on)}
        )


def _mark_damaged_equipment(step: Step) -> None:
    """Equipment that comes back damaged is marked so in the inventory."""
    loan = step.obj
    condition = loan.return_condition
    if not condition or condition in USABLE_CONDITIONS:
        return
    for row in loan.items.select_related("item"):
        item = EquipmentItem.objects.select_for_update(of=("self",)).get(pk=row.item_id)
        old = item.condition
        item.condition = condition
        item.save(update_fields=["condition", "updated_at"])
        audit_log(
            actor=step.actor,
            obj=item,
            action=Audit.EQUIPMENT_CONDITION,
            old={"condition": old},
            new={"condition": condition},
            reason=loan.number,
        )


LOAN_STATUS = register(
    Workflow(
        key="spaces.loan",
        model=Loan,
        refused_message=gettext_lazy(
            "Wypożyczenia w stanie „%(status)s” nie można teraz zmienić w ten sposób."
        ),
        select_related=("organisation", "centre", "requested_by"),
        transitions=(
            Transition(
                action="approve",
                sources=(LoanStatus.REQUESTED,),
                target=LoanStatus.APPROVED,
                label=gettext_lazy("Zatwierdź"),
                audit=Audit.LOAN_APPROVE,
                permission=can_decide_loan,
                denied_message=gettext_lazy("Wypożyczenia zatwierdzają pracownicy centrum."),
                stamps={"decided_by": ACTOR},
                after=_notify_loan_decision("loan_approved_to_organisation"),
                done_message=gettext_lazy("Wypożyczenie zatwierdzone – umowa jest gotowa do wydruku."),
            ),
            Transition(
                action="reject",
                sources=(LoanStatus.REQUESTED,),
                target=LoanStatus.REJECTED,
                label=gettext_lazy("Odrzuć"),
                audit=Audit.LOAN_REJECT,
                permission=can_decide_loan,
                reason_required=True,
                reason_message=gettext_lazy("Podaj powód odrzucenia."),
                denied_message=gettext_lazy("Wypożyczenia odrzucają pracownicy centrum."),
                stamps=_DECISION,
                after=_notify_loan_decision("loan_rejected_to_organisation"),
                danger=True,
                done_message=gettext_lazy("Wniosek odrzucony."),
            ),
            Transition(
                action="cancel",
                sources=(LoanStatus.REQUESTED, LoanStatus.APPROVED),
                target=LoanStatus.CANCELLED,
                label=gettext_lazy("Anuluj wypożyczenie"),
                audit=Audit.LOAN_CANCEL,
                permission=can_cancel_loan,
                denied_message=gettext_lazy("Nie możesz anulować tego wypożyczenia."),
                stamps={"decision_reason": REASON},
                done_message=gettext_lazy("Wypożyczenie anulowane."),
            ),
            Transition(
                action="hand_over",
                sources=(LoanStatus.APPROVED,),
                target=LoanStatus.HANDED_OVER,
                label=gettext_lazy("Zapisz wydanie"),
                audit=Audit.LOAN_HAND_OVER,
                permission=can_decide_loan,
                denied_message=gettext_lazy("Sprzęt wydają pracownicy centrum."),
                stamps={"handed_over_at": NOW, "handed_over_by": ACTOR},
                guard=_handover_day,
                in_ui=False,
            ),
            Transition(
                action="return",
                sources=(LoanStatus.HANDED_OVER,),
                target=LoanStatus.RETURNED,
                label=gettext_lazy("Zapisz zwrot"),
                audit=Audit.LOAN_RETURN,
                permission=can_decide_loan,
                denied_message=gettext_lazy("Zwrot przyjmują pracownicy centrum."),
                stamps={"returned_at": NOW, "return_received_by": ACTOR},
                after=_mark_damaged_equipment,
                in_ui=False,
            ),
        ),
    )
)


# Lets


def _let_end_within_term(step: Step) -> None:
    let = step.obj
    if let.ends_on < let.starts_on or let.ends_on > step.audit_old.get("ends_on", let.ends_on):
        raise ApplicationError(
            _("Data końca musi mieścić się w okresie najmu (%(start)s – %(end)s).")
            % {
                "start": display_date(let.starts_on),
                "end": display_date(step.audit_old.get("ends_on", let.ends_on)),
            },
            field="ends_on",
        )


def _shorten_let_booking(step: Step) -> None:
    from .services.lets import let_term

    booking = step.obj.booking
    booking.ends_at = let_term(step.obj.starts_on, step.obj.ends_on)[1]
    booking.save(update_fields=["ends_at", "updated_at"])


LET_STATUS = register(
    Workflow(
        key="spaces.let",
        model=RoomLet,
        changed_at=None,
        refused_message=gettext_lazy("Ten najem już się zakończył."),
        select_related=("booking", "centre"),
        transitions=(
            Transition(
                action="end",
                sources=(LetStatus.ACTIVE,),
                target=LetStatus.ENDED,
                label=gettext_lazy("Zakończ najem"),
                audit=Audit.LET_ENDED,
                permission=can_end_let,
                denied_message=gettext_lazy("Najmy kończą pracownicy centrum."),
                stamps={"ended_at": NOW},
                guard=_let_end_within_term,
                after=_shorten_let_booking,
                in_ui=False,
            ),
        ),
    )
)
