"""JSON API of trainings and events: the public calendar, trainings with their sessions, registrations
(a person's own; staff see every registration of an event) and registering."""

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Schema, Status

from centrum.api.auth import PUBLIC, PUBLIC_OPENAPI, REQUIRED, require_centre
from centrum.api.schemas.common import ERRORS_READ, ERRORS_WRITE, MAX_ID, Email, Id, Text

from .permissions import can_edit_training
from .selectors import (
    calendar_sessions,
    organisations_of_user,
    registration_get_for,
    registration_list_of_user,
    registration_rows,
    training_get_for,
    training_list_archive,
    training_list_upcoming,
    training_seats,
)
from .selectors.trainings import prefetch_sessions
from .services import registration_cancel, registration_create

router = Router(tags=["trainings"])
TrainingId = Path(..., ge=1, le=MAX_ID)
RegistrationId = Path(..., ge=1, le=MAX_ID)


class SessionOut(Schema):
    id: int
    starts_at: datetime
    ends_at: datetime
    place_kind: str
    place: str
    online_url: str


class TrainingOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    trainer: str
    audience: str
    description: str
    programme: str
    capacity: int
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    sessions: list[SessionOut]


class TrainingDetailOut(TrainingOut):
    confirmed: int
    waiting: int
    free: int


class CalendarEntryOut(Schema):
    training_id: int
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    place: str
    url: str


class RegistrationOut(Schema):
    id: int
    training_id: int
    training_title: str
    name: str
    email: str
    organisation_id: int | None
    status: str
    accessibility_needs: str


class RegistrationIn(Schema):
    name: Text(200) = ""
    email: Email | None = None
    organisation_id: Id | None = None
    accessibility_needs: Text(2000) = ""


class CalendarQuery(Schema):
    archive: bool = False


def _session_out(session) -> dict:
    return {
        "id": session.pk,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "place_kind": session.place_kind,
        "place": session.place_label,
        "online_url": session.online_url,
    }


def _training_out(training) -> dict:
    return {
        **{
            f: getattr(training, f)
            for f in (
                "id",
                "title",
                "kind",
                "status",
                "trainer",
                "audience",
                "description",
                "programme",
                "capacity",
                "registration_opens_at",
                "registration_closes_at",
            )
        },
        "sessions": [_session_out(s) for s in training.sessions.all()],
    }


def _registration_out(registration) -> dict:
    return {
        "id": registration.pk,
        "training_id": registration.training_id,
        "training_title": registration.training.title,
        "name": registration.name,
        "email": registration.email,
        "organisation_id": registration.organisation_id,
        "status": registration.status,
        "accessibility_needs": registration.accessibility_needs,
    }


@router.get("/calendar", response=list[CalendarEntryOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def training_calendar(request: HttpRequest):
    """Publiczny kalendarz: każde spotkanie opublikowanych szkoleń i wydarzeń. / The public calendar."""
    centre = require_centre(request)
    return [
        {
            "training_id": s.training_id,
            "title": s.training.title,
            "kind": s.training.kind,
            "starts_at": s.starts_at,
            "ends_at": s.ends_at,
            "place": s.place_label,
            "url": s.training.get_absolute_url(),
        }
        for s in calendar_sessions(centre=centre)
    ]


@router.get("", response=list[TrainingOut], auth=PUBLIC, openapi_extra=PUBLIC_OPENAPI)
def training_list(request: HttpRequest, filters: Query[CalendarQuery]):
    """Nadchodzące szkolenia (albo archiwum: `archive=true`). / Upcoming trainings, or the archive."""
    centre = require_centre(request)
    trainings = (
        training_list_archive(centre=centre) if filters.archive else training_list_upcoming(centre=centre)
    )
    return [_training_out(t) for t in prefetch_sessions(trainings)]


@router.get("/registrations", response={200: list[RegistrationOut], **ERRORS_READ}, auth=REQUIRED)
def training_my_registrations(request: HttpRequest):
    """Zgłoszenia osoby wywołującej. / The caller's own registrations."""
    return [
        _registration_out(r)
        for r in registration_list_of_user(centre=require_centre(request), user=request.auth)
    ]


@router.get(
    "/{training_id}",
    response={200: TrainingDetailOut, **ERRORS_READ},
    auth=PUBLIC,
    openapi_extra=PUBLIC_OPENAPI,
)
def training_get(request: HttpRequest, training_id: int = TrainingId):
    training = training_get_for(centre=require_centre(request), user=request.auth, pk=training_id)
    return {**_training_out(training), **training_seats(training)}


@router.get(
    "/{training_id}/registrations",
    response={200: list[RegistrationOut], **ERRORS_READ, 403: ERRORS_WRITE[403]},
    auth=REQUIRED,
)
def training_registration_list(request: HttpRequest, training_id: int = TrainingId):
    """Wszystkie zgłoszenia wydarzenia (pracownicy centrum). / Every registration of an event (staff)."""
    from django.core.exceptions import PermissionDenied

    training = training_get_for(centre=require_centre(request), user=request.auth, pk=training_id)
    if not can_edit_training(request.auth, training):
        raise PermissionDenied
    return [_registration_out(r) for r in registration_rows(training=training)]


@router.post("/{training_id}/registrations", response={201: RegistrationOut, **ERRORS_WRITE}, auth=REQUIRED)
def training_register(request: HttpRequest, payload: RegistrationIn, training_id: int = TrainingId):
    """Zapis (potwierdzony albo na liście oczekujących). / Register: confirmed or on the waiting list."""
    centre = require_centre(request)
    training = training_get_for(centre=centre, user=request.auth, pk=training_id)
    organisation = None
    if payload.organisation_id is not None:
        organisation = (
            organisations_of_user(centre=centre, user=request.auth).filter(pk=payload.organisation_id).first()
        )
        if organisation is None:
            from centrum.core.exceptions import ApplicationError

            raise ApplicationError(_("Nie należysz do tej organizacji."), field="organisation_id")
    registration = registration_create(
        training=training,
        actor=request.auth,
        name=payload.name,
        email=payload.email or "",
        organisation=organisation,
        accessibility_needs=payload.accessibility_needs,
    )
    return Status(201, _registration_out(registration))


@router.post(
    "/registrations/{registration_id}/cancel", response={200: RegistrationOut, **ERRORS_WRITE}, auth=REQUIRED
)
def training_registration_cancel(request: HttpRequest, registration_id: int = RegistrationId):
    registration = registration_get_for(centre=require_centre(request), user=request.auth, pk=registration_id)
    return _registration_out(registration_cancel(registration=registration, actor=request.auth))
