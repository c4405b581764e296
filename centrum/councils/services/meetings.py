"""Meetings (a room booked through spaces, as trainings do, or an outside address), attendance, minutes,
documents and the body's resolutions."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.uploads import scan_validate

from ..audit_labels import CouncilsAudit as Audit
from ..models import Body, BodyResolution, Meeting, MeetingDocument
from .common import require_manager

MEETING_FIELDS = ["starts_at", "ends_at", "room", "address", "public", "agenda"]
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def _book_room(*, meeting: Meeting, actor):
    from centrum.spaces.choices import BookingKind
    from centrum.spaces.services import booking_request

    bookings = booking_request(
        room=meeting.room,
        actor=actor,
        organisation=None,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        title=str(meeting.body),
        purpose=_("Posiedzenie"),
        kind=BookingKind.CENTRE,
    )
    return bookings[0]


def _release_room(booking, actor) -> None:
    from centrum.spaces.services import booking_cancel

    if (
        booking is not None
        and booking.status in ("pending", "approved")
        and booking.starts_at > timezone.now()
    ):
        booking_cancel(booking=booking, actor=actor, reason=_("Zmiana terminu lub miejsca posiedzenia."))


@transaction.atomic
def meeting_save(*, body: Body, actor, data: dict, meeting: Meeting | None = None) -> Meeting:
    require_manager(actor, body.centre)
    creating = meeting is None
    meeting = (
        Meeting(centre=body.centre, body=body)
        if creating
        else Meeting.objects.select_for_update().get(pk=meeting.pk)
    )
    before = {} if creating else snapshot(meeting, MEETING_FIELDS)
    for name in MEETING_FIELDS:
        if name in data:
            setattr(meeting, name, data[name])
    meeting.address = (meeting.address or "").strip()
    if meeting.starts_at and meeting.ends_at and meeting.ends_at <= meeting.starts_at:
        raise ApplicationError(_("Koniec musi być później niż początek."), field="ends_at")
    if meeting.room is None and not meeting.address:
        raise ApplicationError(_("Wybierz salę centrum albo podaj adres."), field="room")
    if meeting.room is not None:
        meeting.address = ""
    full_clean_or_raise(meeting, exclude=["booking"])
    after = snapshot(meeting, MEETING_FIELDS)
    moved = creating or any(before.get(k) != after.get(k) for k in ("starts_at", "ends_at", "room"))
    if moved:
        _release_room(meeting.booking, actor)
        meeting.booking = None
        if meeting.room is not None:
            meeting.booking = _book_room(meeting=meeting, actor=actor)
    meeting.save()
    old, new = changes(before, after)
    audit_log(actor=actor, obj=meeting, action=Audit.MEETING_SAVED, old=old, new=new)
    return meeting


@transaction.atomic
def meeting_attendance(*, meeting: Meeting, actor, member_ids: list[int]) -> dict:
    """Who was present; returns the count and whether the kind's quorum was reached."""
    require_manager(actor, meeting.centre)
    from .bodies import current_members

    meeting = Meeting.objects.select_for_update().select_related("body__kind").get(pk=meeting.pk)
    members = {m.pk: m for m in current_members(meeting.body, meeting.starts_at.date())}
    unknown = set(member_ids) - set(members)
    if unknown:
        raise ApplicationError(_("Zaznacz tylko członków ciała w dniu posiedzenia."), field="present")
    old = sorted(meeting.present.values_list("pk", flat=True))
    meeting.present.set([members[pk] for pk in member_ids])
    audit_log(
        actor=actor,
        obj=meeting,
        action=Audit.MEETING_ATTENDANCE,
        old={"present": old},
        new={"present": sorted(member_ids)},
    )
    return quorum_of(meeting, len(member_ids), len(members))


def quorum_of(meeting: Meeting, present: int, total: int) -> dict:
    needed = -(-total * meeting.body.kind.quorum_percent // 100) if total else 0
    return {
        "present": present,
        "total": total,
        "needed": needed,
        "reached": bool(total) and present >= needed,
    }


@transaction.atomic
def meeting_minutes(
    *, meeting: Meeting, actor, minutes: str, minutes_file=None, approved_at: Meeting | None = None
) -> Meeting:
    require_manager(actor, meeting.centre)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if minutes_file:
        scan_validate(minutes_file, max_bytes=MAX_DOCUMENT_BYTES, field="minutes_file")
        meeting.minutes_file = minutes_file
    if approved_at is not None and (
        approved_at.body_id != meeting.body_id or approved_at.starts_at <= meeting.starts_at
    ):
        raise ApplicationError(
            _("Protokół przyjmuje jedno z następnych posiedzeń tego ciała."), field="approved_at"
        )
    before = {"minutes": meeting.minutes, "approved_at": meeting.minutes_approved_at_id}
    meeting.minutes = minutes.strip()
    meeting.minutes_approved_at = approved_at
    full_clean_or_raise(meeting)
    meeting.save()
    audit_log(
        actor=actor,
        obj=meeting,
        action=Audit.MEETING_MINUTES,
        old=before,
        new={"minutes": meeting.minutes, "approved_at": meeting.minutes_approved_at_id},
    )
    return meeting


@transaction.atomic
def meeting_document_add(*, meeting: Meeting, actor, title: str, file) -> MeetingDocument:
    require_manager(actor, meeting.centre)
    scan_validate(file, max_bytes=MAX_DOCUMENT_BYTES, field="file")
    document = MeetingDocument(centre=meeting.centre, meeting=meeting, title=title.strip(), file=file)
    full_clean_or_raise(document)
    document.save()
    audit_log(actor=actor, obj=meeting, action=Audit.MEETING_DOCUMENT, new={"title": document.title})
    return document


@transaction.atomic
def resolution_add(*, body: Body, actor, data: dict) -> BodyResolution:
    require_manager(actor, body.centre)
    resolution = BodyResolution(centre=body.centre, body=body, **data)
    full_clean_or_raise(resolution)
    resolution.save()
    audit_log(
        actor=actor,
        obj=body,
        action=Audit.RESOLUTION_ADDED,
        new={"number": resolution.number, "title": resolution.title},
    )
    return resolution
