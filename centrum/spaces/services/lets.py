"""Long-term lets of offices to resident organisations: the room leaves the booking pool for the term."""

from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.audit_display import display_date
from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.workflow import workflow_apply
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from ..availability import room_blocking_bookings
from ..choices import BookingKind, BookingStatus
from ..models import Booking, Room, RoomLet
from ..permissions import can_manage_lets
from ..workflows import LET_STATUS
from .booking_checks import format_slot, slot_taken_message


def let_term(starts_on: date, ends_on: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(starts_on, time(0), tzinfo=WARSAW),
        datetime.combine(ends_on + timedelta(days=1), time(0), tzinfo=WARSAW),
    )


@transaction.atomic
def let_create(
    *,
    room: Room,
    actor,
    organisation: Organisation,
    starts_on: date,
    ends_on: date,
    agreement_number: str = "",
    notes: str = "",
) -> RoomLet:
    if not can_manage_lets(actor, room.centre):
        raise ApplicationError(_("Najmy wpisują pracownicy centrum."))
    if organisation.centre_id != room.centre_id:
        raise ApplicationError(_("Ta organizacja nie należy do tego centrum."), field="organisation")
    if organisation.status != OrganisationStatus.ACTIVE:
        raise ApplicationError(_("Najem można zawrzeć tylko z aktywną organizacją."), field="organisation")
    if ends_on < starts_on:
        raise ApplicationError(_("Koniec najmu jest przed jego początkiem."), field="ends_on")
    if ends_on < warsaw_today():
        raise ApplicationError(_("Ten okres już minął."), field="ends_on")
    start, end = let_term(starts_on, ends_on)
    taken = room_blocking_bookings(room, [(start, end)])
    lets = {
        let.booking_id: let
        for let in RoomLet.objects.filter(
            booking_id__in=[b.pk for b in taken if b.kind == BookingKind.LET]
        ).select_related("organisation")
    }
    if lets:
        listed = "; ".join(
            _("%(organisation)s, %(start)s – %(end)s")
            % {
                "organisation": let.organisation.name,
                "start": display_date(let.starts_on),
                "end": display_date(let.ends_on),
            }
            for let in sorted(lets.values(), key=lambda let: let.starts_on)
        )
        raise ApplicationError(
            _(
                "W tym okresie sala jest już wynajęta (%(list)s). Skróć albo zakończ tamten najem albo wybierz inny okres."
            )
            % {"list": listed},
            field="starts_on",
        )
    if taken:
        listed = ", ".join(format_slot(b.starts_at, b.ends_at) for b in taken[:5])
        raise ApplicationError(
            _(
                "W tym okresie sala ma już rezerwacje (%(list)s). Przenieś je albo anuluj, zanim wpiszesz najem."
            )
            % {"list": listed},
            field="starts_on",
        )
    booking = Booking(
        centre=room.centre,
        room=room,
        kind=BookingKind.LET,
        organisation=organisation,
        requested_by=actor,
        title=_("Najem: %(organisation)s") % {"organisation": organisation.name},
        starts_at=start,
        ends_at=end,
        status=BookingStatus.APPROVED,
        status_changed_at=timezone.now(),
        decided_by=actor,
    )
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError:
        raise ApplicationError(slot_taken_message(), field="starts_on")
    let = RoomLet(
        centre=room.centre,
        room=room,
        organisation=organisation,
        booking=booking,
        starts_on=starts_on,
        ends_on=ends_on,
        agreement_number=agreement_number.strip(),
        notes=notes.strip(),
        created_by=actor,
    )
    let.full_clean()
    let.save()
    audit_log(
        actor=actor,
        obj=let,
        action="let.created",
        new={"room": room.pk, "organisation": organisation.pk, "starts_on": starts_on, "ends_on": ends_on},
    )
    return let


def let_end(*, let: RoomLet, actor, ends_on: date, reason: str = "") -> RoomLet:
    """End a let early (or on its last day); the room returns to the pool from the next day."""
    return workflow_apply(
        obj=let,
        action="end",
        actor=actor,
        reason=reason,
        values={"ends_on": ends_on},
        workflow=LET_STATUS,
    )
