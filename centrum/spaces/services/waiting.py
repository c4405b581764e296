"""The waiting list: a request for a taken slot waits; when the slot frees, the first in line is offered it."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.centre_settings import CentreSettings
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.workflow import workflow_apply
from centrum.organisations.models import Organisation

from ..availability import check_slots, local, room_blocking_bookings, room_rules
from ..choices import BookingKind, BookingStatus, WaitingStatus
from ..models import Booking, BookingSeries, Room, WaitingListEntry
from ..permissions import can_book_room
from ..workflows import BOOKING_STATUS, WAITING_STATUS
from . import notify
from .bookers import ORGANISATION, Booker
from .booking_checks import check_capacity, format_slot
from .booking_requests import booking_preview, booking_request, series_create


@transaction.atomic
def waiting_list_join(
    *,
    room: Room,
    actor,
    organisation: Organisation | None,
    starts_at: datetime,
    ends_at: datetime,
    title: str,
    purpose: str = "",
    attendees: int | None = None,
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    booker: Booker = ORGANISATION,
    series: BookingSeries | None = None,
) -> WaitingListEntry:
    if booker.personal:
        booker.validate(actor=actor, centre=room.centre, room=room, organisation=organisation)
    elif (
        organisation is None
        or organisation.centre_id != room.centre_id
        or not can_book_room(actor, room, organisation)
    ):
        raise ApplicationError(
            _("Nie możesz rezerwować tej sali w imieniu tej organizacji."), field="organisation"
        )
    if not (title or "").strip():
        raise ApplicationError(_("Podaj tytuł spotkania."), field="title")
    if not attendees:
        raise ApplicationError(_("Podaj przewidywaną liczbę uczestników."), field="attendees")
    check_capacity(room, attendees)
    (check,) = check_slots(room=room, slots=[(starts_at, ends_at)], enforce_booking_rules=True)
    if check.problems:
        raise ApplicationError("; ".join(check.problems), field="starts_at")
    if check.conflict is None:
        raise ApplicationError(
            _("Ten termin jest wolny – możesz go od razu zarezerwować."), field="starts_at"
        )
    same_booker = (
        {"requested_by": actor, "booker_kind__in": [booker.kind]}
        if booker.personal
        else {"organisation": organisation}
    )
    if WaitingListEntry.objects.filter(
        room=room,
        **same_booker,
        starts_at=starts_at,
        ends_at=ends_at,
        status__in=[WaitingStatus.WAITING, WaitingStatus.OFFERED],
    ).exists():
        raise ApplicationError(
            _("Już czekasz na ten termin.") if booker.personal else _("Organizacja już czeka na ten termin.")
        )
    entry = WaitingListEntry(
        centre=room.centre,
        room=room,
        organisation=None if booker.personal else organisation,
        **booker.fields(),
        requested_by=actor,
        starts_at=starts_at,
        ends_at=ends_at,
        title=title.strip(),
        purpose=purpose.strip(),
        attendees=attendees,
        contact_name=contact_name.strip(),
        contact_phone=contact_phone.strip(),
        contact_email=contact_email.strip(),
        series=series,
    )
    entry.full_clean()
    entry.save()
    audit_log(
        actor=actor,
        obj=entry,
        action="waiting.joined",
        new={"status": entry.status, **({"series": series.pk} if series else {})},
    )
    return entry


@transaction.atomic
def waiting_list_join_series(
    *,
    room: Room,
    actor,
    organisation: Organisation,
    starts_at: datetime,
    ends_at: datetime,
    title: str,
    recurrence: str,
    until: date | None = None,
    count: int | None = None,
    skip_dates: Iterable[date] = (),
    purpose: str = "",
    attendees: int | None = None,
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    equipment: dict | None = None,
    booker: Booker = ORGANISATION,
) -> tuple[list[Booking], list[WaitingListEntry]]:
    """A series whose dates are partly taken: the free dates are booked now, each taken date waits.

    What staff expect of a weekly meeting: it keeps the dates it can have, and every taken date is a
    waiting-list entry of the same series. A date is offered on its own when it frees (the usual offer
    and its time to answer, since dates free at different times); an accepted date joins the series.
    """
    if booker.personal:
        raise ApplicationError(
            _(
                "Na liście oczekujących cały cykl może czekać tylko dla organizacji – zapisz się na pojedyncze terminy."
            )
        )
    if (
        organisation is None
        or organisation.centre_id != room.centre_id
        or not can_book_room(actor, room, organisation)
    ):
        raise ApplicationError(
            _("Nie możesz rezerwować tej sali w imieniu tej organizacji."), field="organisation"
        )
    common = {
        "room": room,
        "actor": actor,
        "organisation": organisation,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "title": title,
        "recurrence": recurrence,
        "until": until,
        "count": count,
    }
    plan = booking_preview(**common, attendees=attendees, skip_dates=skip_dates, equipment=equipment or {})
    broken = [c for c in plan.checks if c.problems]
    if broken:
        raise ApplicationError("; ".join(broken[0].problems), field="starts_at")
    taken = [c for c in plan.checks if c.conflict is not None]
    if not taken:
        raise ApplicationError(
            _("Wszystkie terminy są wolne – możesz od razu wysłać wniosek."), field="starts_at"
        )
    details = {
        "purpose": purpose,
        "attendees": attendees,
        "contact_name": contact_name,
        "contact_phone": contact_phone,
        "contact_email": contact_email,
    }
    taken_days = [local(c.starts_at).date() for c in taken]
    bookings: list[Booking] = []
    if len(taken) < len(plan.checks):
        bookings = booking_request(
            **common,
            **details,
            skip_dates=[*plan.skipped, *taken_days],
            equipment=equipment,
        )
        series = bookings[0].series
    else:
        series = series_create(**common, skipped=plan.skipped)
    entries = [
        waiting_list_join(
            room=room,
            actor=actor,
            organisation=organisation,
            starts_at=check.starts_at,
            ends_at=check.ends_at,
            title=title,
            **details,
            series=series,
        )
        for check in taken
    ]
    return bookings, entries


def waiting_list_withdraw(*, entry: WaitingListEntry, actor) -> WaitingListEntry:
    """Leave the waiting list; an offered slot is declined and goes to the next in line (see workflows.py)."""
    return workflow_apply(
        obj=entry,
        action="withdraw",
        actor=actor,
        workflow=WAITING_STATUS,
    )


def offer_freed_slots(
    *, room: Room, starts_at: datetime, ends_at: datetime, now: datetime | None = None
) -> list[Booking]:
    """Offer the freed time to those waiting, first come first served, holding each offered slot."""
    now = now or timezone.now()
    hours = CentreSettings(room.centre)["spaces.waiting_offer_hours"]
    offered: list[Booking] = []
    waiting = (
        WaitingListEntry.objects.select_for_update(of=("self",))
        .filter(
            room=room,
            status=WaitingStatus.WAITING,
            starts_at__lt=ends_at,
            ends_at__gt=starts_at,
            starts_at__gt=now,
        )
        .select_related("organisation", "requested_by", "room", "centre")
        .order_by("created_at", "id")
    )
    for entry in waiting:
        if room_blocking_bookings(room, [(entry.starts_at, entry.ends_at)]):
            continue
        expires = min(now + timedelta(hours=hours), entry.starts_at)
        booking = Booking(
            centre=room.centre,
            room=room,
            kind=BookingKind.ORGANISATION,
            organisation=entry.organisation,
            booker_kind=entry.booker_kind,
            group_name=entry.group_name,
            group_responsible=entry.group_responsible,
            group_contact=entry.group_contact,
            requested_by=entry.requested_by,
            title=entry.title,
            purpose=entry.purpose,
            attendees=entry.attendees,
            contact_name=entry.contact_name,
            contact_phone=entry.contact_phone,
            contact_email=entry.contact_email,
            starts_at=entry.starts_at,
            ends_at=entry.ends_at,
            status=BookingStatus.OFFERED,
            status_changed_at=now,
            offer_expires_at=expires,
            series=entry.series,
        )
        try:
            with transaction.atomic():
                booking.save()
        except IntegrityError:
            continue  # taken meanwhile by someone booking directly: the next in line may still fit elsewhere
        workflow_apply(
            obj=entry,
            action="offer",
            actor=None,
            workflow=WAITING_STATUS,
            values={"offered_booking": booking, "offered_at": now},
        )
        audit_log(
            actor=None,
            obj=booking,
            action="booking.offered",
            new={"status": booking.status, "waiting_entry": entry.pk},
        )
        notify.send(
            centre=room.centre,
            to=notify.booking_recipients(booking),
            event="waiting_offer_to_organisation",
            context={
                "booking": booking,
                "room": room,
                "organisation": entry.organisation,
                "expires": expires,
                "slot": format_slot(booking.starts_at, booking.ends_at),
            },
        )
        offered.append(booking)
    return offered


@transaction.atomic
def offer_accept(*, booking: Booking, actor) -> Booking:
    booking = workflow_apply(
        obj=booking,
        action="accept",
        actor=actor,
        workflow=BOOKING_STATUS,
    )
    entry = WaitingListEntry.objects.filter(offered_booking=booking).first()
    if entry is not None:
        workflow_apply(obj=entry, action="accept", actor=actor, workflow=WAITING_STATUS)
    context = {
        "bookings": [booking],
        "first": booking,
        "room": booking.room,
        "organisation": booking.organisation,
        "booker": booking.booker_label,
    }
    if booking.is_personal_booker or room_rules(booking.room).requires_approval:
        notify.send(
            centre=booking.centre,
            to=notify.staff_recipients(booking.centre),
            event="request_received_to_staff",
            context=context,
        )
        notify.send(
            centre=booking.centre,
            to=notify.booking_recipients(booking),
            event="request_received_to_organisation",
            context=context,
        )
    else:
        booking = workflow_apply(
            obj=booking,
            action="approve",
            actor=None,
            reason=_("zatwierdzona automatycznie"),
            workflow=BOOKING_STATUS,
        )
        notify.send(
            centre=booking.centre,
            to=notify.booking_recipients(booking),
            event="approved_to_organisation",
            context=context,
        )
    return booking


@transaction.atomic
def offer_decline(*, booking: Booking, actor) -> Booking:
    booking = workflow_apply(
        obj=booking,
        action="decline",
        actor=actor,
        workflow=BOOKING_STATUS,
    )
    entry = WaitingListEntry.objects.filter(offered_booking=booking, status=WaitingStatus.OFFERED).first()
    if entry is not None:
        workflow_apply(obj=entry, action="offer_declined", actor=actor, workflow=WAITING_STATUS)
    offer_freed_slots(room=booking.room, starts_at=booking.starts_at, ends_at=booking.ends_at)
    return booking


def offers_expire(*, centre: Centre | None = None, now: datetime | None = None) -> int:
    """Expired offers release their slot to the next in line. Run by the scheduled job, per centre."""
    now = now or timezone.now()
    count = 0
    expired = Booking.objects.filter(status=BookingStatus.OFFERED, offer_expires_at__lte=now)
    if centre is not None:
        expired = expired.filter(centre=centre)
    for pk in expired.values_list("pk", flat=True):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update(of=("self",))
                .select_related("room", "centre")
                .filter(pk=pk, status=BookingStatus.OFFERED)
                .first()
            )
            if booking is None or not BOOKING_STATUS.allows(booking.status, "expire"):
                continue
            workflow_apply(obj=booking, action="expire", actor=None, workflow=BOOKING_STATUS)
            entry = WaitingListEntry.objects.filter(
                offered_booking=booking, status=WaitingStatus.OFFERED
            ).first()
            if entry is not None:
                workflow_apply(obj=entry, action="expire", actor=None, workflow=WAITING_STATUS)
            offer_freed_slots(
                room=booking.room, starts_at=booking.starts_at, ends_at=booking.ends_at, now=now
            )
            count += 1
    return count
