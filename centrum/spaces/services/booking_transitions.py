"""Booking transitions by the TRANSITIONS map: approve, reject, cancel (one occurrence, the following, the series)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError
from centrum.core.permissions import is_centre_staff

from ..choices import TRANSITIONS, BookingKind
from ..models import Booking
from ..permissions import can_approve_booking, can_cancel_booking, can_reject_booking
from . import notify


def occurrences_in_scope(booking: Booking, scope: str) -> list[Booking]:
    """`one`: this booking; `following`: this and later occurrences of its series; `series`: all of them."""
    if scope == "one" or booking.series_id is None:
        return [booking]
    qs = Booking.objects.filter(series_id=booking.series_id, centre=booking.centre).select_related(
        "room", "organisation", "requested_by", "centre"
    )
    if scope == "following":
        qs = qs.filter(starts_at__gte=booking.starts_at)
    elif scope != "series":
        raise ApplicationError(_("Nieznany zakres zmiany."))
    return list(qs.order_by("starts_at"))


def _transition(booking: Booking, action: str) -> str:
    target = TRANSITIONS.get(booking.status, {}).get(action)
    if target is None:
        raise ApplicationError(
            _("Rezerwacji w stanie „%(status)s” nie można teraz zmienić w ten sposób.")
            % {"status": booking.get_status_display()}
        )
    return target


def _set_status(booking: Booking, *, action: str, actor, reason: str = "", decided: bool = False) -> None:
    old = booking.status
    booking.status = _transition(booking, action)
    booking.status_changed_at = timezone.now()
    fields = ["status", "status_changed_at", "updated_at"]
    if decided:
        booking.decided_by = actor if getattr(actor, "is_authenticated", False) else None
        booking.decision_reason = reason
        fields += ["decided_by", "decision_reason"]
    booking.save(update_fields=fields)
    audit_log(
        actor=actor,
        obj=booking,
        action=f"booking.{action}",
        old={"status": old},
        new={"status": booking.status},
        reason=reason,
    )


def _locked(bookings: list[Booking]) -> list[Booking]:
    ids = [b.pk for b in bookings]
    return list(
        Booking.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("room", "organisation", "requested_by", "centre", "series")
        .order_by("starts_at")
    )


@transaction.atomic
def booking_approve(*, booking: Booking, actor, scope: str = "one", reason: str = "") -> list[Booking]:
    if not can_approve_booking(actor, booking):
        raise ApplicationError(_("Rezerwacje zatwierdzają pracownicy centrum."))
    targets = [b for b in _locked(occurrences_in_scope(booking, scope)) if "approve" in TRANSITIONS[b.status]]
    if not targets:
        _transition(booking, "approve")
    for b in targets:
        _set_status(b, action="approve", actor=actor, reason=reason, decided=True)
    context = {
        "bookings": targets,
        "first": targets[0],
        "room": targets[0].room,
        "organisation": targets[0].organisation,
        "reason": reason,
    }
    notify.send(
        centre=booking.centre,
        to=notify.booking_recipients(targets[0]),
        event="approved_to_organisation",
        context=context,
    )
    return targets


@transaction.atomic
def booking_reject(*, booking: Booking, actor, reason: str, scope: str = "one") -> list[Booking]:
    if not can_reject_booking(actor, booking):
        raise ApplicationError(_("Rezerwacje odrzucają pracownicy centrum."))
    if not (reason or "").strip():
        raise ApplicationError(_("Podaj powód odrzucenia – organizacja go zobaczy."), field="reason")
    targets = [b for b in _locked(occurrences_in_scope(booking, scope)) if "reject" in TRANSITIONS[b.status]]
    if not targets:
        _transition(booking, "reject")
    for b in targets:
        _set_status(b, action="reject", actor=actor, reason=reason.strip(), decided=True)
    context = {
        "bookings": targets,
        "first": targets[0],
        "room": targets[0].room,
        "organisation": targets[0].organisation,
        "reason": reason.strip(),
    }
    notify.send(
        centre=booking.centre,
        to=notify.booking_recipients(targets[0]),
        event="rejected_to_organisation",
        context=context,
    )
    from .waiting import offer_freed_slots

    for b in targets:
        offer_freed_slots(room=b.room, starts_at=b.starts_at, ends_at=b.ends_at)
    return targets


@transaction.atomic
def booking_cancel(*, booking: Booking, actor, scope: str = "one", reason: str = "") -> list[Booking]:
    """Cancel one occurrence or this and the following ones; freed slots go to the waiting list."""
    if not can_cancel_booking(actor, booking):
        raise ApplicationError(_("Nie możesz anulować tej rezerwacji."))
    staff = is_centre_staff(actor, booking.centre)
    now = timezone.now()
    # A slot that has begun is history for everyone, staff too: cancelling it would e-mail the
    # organisation about the past, offer the gone slot to the waiting list and erase it from the
    # quota and no-show counts. Such occurrences are left out of "this and the following" as well.
    targets = [
        b
        for b in _locked(occurrences_in_scope(booking, scope))
        if "cancel" in TRANSITIONS[b.status] and b.starts_at > now
    ]
    if not targets:
        if booking.starts_at <= now:
            raise ApplicationError(_("Rezerwacji, która już się zaczęła, nie można anulować."))
        _transition(booking, "cancel")
    for b in targets:
        _set_status(b, action="cancel", actor=actor, reason=reason)
    first = targets[0]
    context = {
        "bookings": targets,
        "first": first,
        "room": first.room,
        "organisation": first.organisation,
        "reason": reason,
        "by_staff": staff,
    }
    if first.kind == BookingKind.ORGANISATION:
        notify.send(
            centre=booking.centre,
            to=notify.booking_recipients(first),
            event="cancelled_to_organisation",
            context=context,
        )
        if not staff:
            notify.send(
                centre=booking.centre,
                to=notify.staff_recipients(booking.centre),
                event="cancelled_to_staff",
                context=context,
            )
    from .waiting import offer_freed_slots

    for b in targets:
        offer_freed_slots(room=b.room, starts_at=b.starts_at, ends_at=b.ends_at)
    return targets
