"""Trainings and their sessions: staff write them; a session in a centre's room is a centre booking made
through the rooms app (its rules refuse a taken slot); changing a session tells everyone registered."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre

from ..audit_labels import TrainingsAudit as Audit
from ..choices import ACTIVE_REGISTRATION, PlaceKind, TrainingStatus
from ..models import Session, Training
from ..permissions import can_edit_training, can_manage_trainings
from . import notify

TRAINING_FIELDS = [
    "title",
    "kind",
    "description",
    "programme",
    "trainer",
    "audience",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "per_organisation_cap",
    "required_sessions",
    "exhibitors_welcome",
]
SESSION_FIELDS = ["starts_at", "ends_at", "place_kind", "room", "address", "online_url"]


def _check_window(training: Training) -> None:
    opens, closes = training.registration_opens_at, training.registration_closes_at
    if opens and closes and closes <= opens:
        raise ApplicationError(
            _("Zapisy muszą się kończyć później, niż się zaczynają."), field="registration_closes_at"
        )


@transaction.atomic
def training_save(*, centre: Centre, actor, training: Training | None = None, data: dict) -> Training:
    """Create (training=None) or change a training's description; its status moves only through the workflow."""
    if not can_manage_trainings(actor, centre):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
    creating = training is None
    if creating:
        training = Training(centre=centre, created_by=actor)
        before = {}
    else:
        training = Training.objects.select_for_update().get(pk=training.pk, centre=centre)
        if training.status in (TrainingStatus.CANCELLED, TrainingStatus.FINISHED):
            raise ApplicationError(_("Odwołanego ani zakończonego szkolenia nie można już zmieniać."))
        before = snapshot(training, TRAINING_FIELDS)
    for field in TRAINING_FIELDS:
        if field in data:
            value = data[field]
            setattr(training, field, value.strip() if isinstance(value, str) else value)
    _check_window(training)
    if training.required_sessions is not None and training.required_sessions < 1:
        raise ApplicationError(
            _("Podaj co najmniej jedno spotkanie albo zostaw puste."), field="required_sessions"
        )
    full_clean_or_raise(training)
    training.save()
    if creating:
        audit_log(
            actor=actor, obj=training, action=Audit.TRAINING_CREATED, new=snapshot(training, TRAINING_FIELDS)
        )
    else:
        old, new = changes(before, snapshot(training, TRAINING_FIELDS))
        if new:
            audit_log(actor=actor, obj=training, action=Audit.TRAINING_UPDATED, old=old, new=new)
    return training


def _book_room(*, training: Training, actor, room, starts_at: datetime, ends_at: datetime):
    from centrum.spaces.choices import BookingKind
    from centrum.spaces.services import booking_request

    bookings = booking_request(
        room=room,
        actor=actor,
        organisation=None,
        starts_at=starts_at,
        ends_at=ends_at,
        title=training.title,
        purpose=training.get_kind_display(),
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
        booking_cancel(booking=booking, actor=actor, reason=_("Zmiana terminu lub miejsca szkolenia."))


def _validate_place(session: Session) -> None:
    if session.ends_at <= session.starts_at:
        raise ApplicationError(_("Koniec musi być później niż początek."), field="ends_at")
    if session.place_kind == PlaceKind.ROOM:
        if session.room is None:
            raise ApplicationError(_("Wybierz salę centrum."), field="room")
        session.address, session.online_url = "", ""
    elif session.place_kind == PlaceKind.ELSEWHERE:
        if not session.address.strip():
            raise ApplicationError(_("Podaj adres miejsca spotkania."), field="address")
        session.room, session.online_url = None, ""
    else:
        if not session.online_url:
            raise ApplicationError(_("Podaj link do spotkania online."), field="online_url")
        session.room, session.address = None, ""


@transaction.atomic
def session_save(*, training: Training, actor, session: Session | None = None, data: dict) -> Session:
    """Add or change a session. A room of the centre is booked (conflicts refused by the rooms' rules); a
    change of a published training's session e-mails everyone registered, with the new ICS."""
    if not can_edit_training(actor, training):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
    training = Training.objects.select_for_update(of=("self",)).get(pk=training.pk, centre=training.centre)
    if training.status in (TrainingStatus.CANCELLED, TrainingStatus.FINISHED):
        raise ApplicationError(_("Odwołanego ani zakończonego szkolenia nie można już zmieniać."))
    creating = session is None
    if creating:
        session = Session(centre=training.centre, training=training)
        before = {}
    else:
        session = Session.objects.select_related("booking", "room").get(pk=session.pk, training=training)
        before = snapshot(session, SESSION_FIELDS)
    old_booking = session.booking
    for field in SESSION_FIELDS:
        if field in data:
            value = data[field]
            setattr(
                session,
                field,
                value.strip()
                if isinstance(value, str)
                else (value or ("" if field in ("address", "online_url") else value)),
            )
    _validate_place(session)
    if session.starts_at <= timezone.now() and (creating or before.get("starts_at") != session.starts_at):
        raise ApplicationError(_("Spotkanie musi się zacząć w przyszłości."), field="starts_at")
    full_clean_or_raise(session, exclude=["booking"])
    after = snapshot(session, SESSION_FIELDS)
    place_moved = creating or any(
        before.get(f) != after.get(f) for f in ("starts_at", "ends_at", "room", "place_kind")
    )
    if place_moved:
        if old_booking is not None:
            _release_room(old_booking, actor)
            session.booking = None
        if session.place_kind == PlaceKind.ROOM:
            session.booking = _book_room(
                training=training,
                actor=actor,
                room=session.room,
                starts_at=session.starts_at,
                ends_at=session.ends_at,
            )
    session.save()
    if creating:
        audit_log(actor=actor, obj=training, action=Audit.SESSION_ADDED, new=after)
    else:
        old, new = changes(before, after)
        if new:
            audit_log(actor=actor, obj=training, action=Audit.SESSION_CHANGED, old=old, new=new)
            if training.status == TrainingStatus.PUBLISHED:
                for registration in training.registrations.filter(status__in=ACTIVE_REGISTRATION):
                    notify.to_registrant(
                        registration, "session_changed_to_person", ics="REQUEST", extra={"changed": session}
                    )
    return session


@transaction.atomic
def session_remove(*, session: Session, actor) -> None:
    training = session.training
    if not can_edit_training(actor, training):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
    if training.status != TrainingStatus.DRAFT:
        raise ApplicationError(
            _("Spotkania usuwa się tylko ze szkicu; opublikowane szkolenie zmień albo odwołaj.")
        )
    _release_room(session.booking, actor)
    audit_log(actor=actor, obj=training, action=Audit.SESSION_REMOVED, old=snapshot(session, SESSION_FIELDS))
    session.delete()
