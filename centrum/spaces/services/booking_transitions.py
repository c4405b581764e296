"""Booking transitions through the workflow engine: approve, reject, cancel (one occurrence, the following, the series)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.exceptions import ApplicationError
from centrum.core.permissions import is_centre_staff
from centrum.core.workflow import refuse_if_stale, workflow_apply

from ..choices import BookingKind
from ..models import Booking
from ..workflows import BOOKING_STATUS
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


def _locked(bookings: list[Booking]) -> list[Booking]:
    ids = [b.pk for b in bookings]
    return list(
        Booking.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("room", "organisation", "requested_by", "centre", "series")
        .order_by("starts_at")
    )


def apply_in_scope(
    booking: Booking, scope: str, *, action: str, actor, reason: str = "", keep=None, **kwargs
) -> list[Booking]:
    """Apply `action` through the engine to each occurrence in `scope` that can take it now.

    `booking` is the copy the person decided on: if its state moved before the lock (someone decided
    meanwhile, a double click), the action is refused. When no occurrence can take it, the engine is asked
    about the chosen booking itself, so the person hears why not. Only the locked rows are used after the
    lock.
    """
    locked = _locked(occurrences_in_scope(booking, scope))
    chosen = next((b for b in locked if b.pk == booking.pk), None)
    if chosen is not None:
        refuse_if_stale(BOOKING_STATUS, booking, chosen)
    targets = [b for b in locked if BOOKING_STATUS.allows(b.status, action) and (keep is None or keep(b))]
    if not targets:
        only = workflow_apply(
            obj=booking,
            workflow=BOOKING_STATUS,
            action=action,
            actor=actor,
            reason=reason,
            **kwargs,
        )
        return [only]
    return [
        workflow_apply(obj=b, action=action, actor=actor, reason=reason, workflow=BOOKING_STATUS, **kwargs)
        for b in targets
    ]


@transaction.atomic
def booking_approve(*, booking: Booking, actor, scope: str = "one", reason: str = "") -> list[Booking]:
    targets = apply_in_scope(booking, scope, action="approve", actor=actor, reason=reason)
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
    targets = apply_in_scope(booking, scope, action="reject", actor=actor, reason=reason)
    reason = targets[0].decision_reason
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
    staff = is_centre_staff(actor, booking.centre)
    now = timezone.now()
    # Occurrences that have begun are history: "this and the following" leaves them out (the engine's guard
    # refuses them one by one).
    targets = apply_in_scope(
        booking, scope, action="cancel", actor=actor, reason=reason, keep=lambda b: b.starts_at > now
    )
    first = targets[0]
    context = {
        "bookings": targets,
        "first": first,
        "room": first.room,
        "organisation": first.organisation,
        "booker": first.booker_label,
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
