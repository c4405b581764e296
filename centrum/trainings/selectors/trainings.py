"""Trainings, their sessions and registrations as people and staff see them."""

from django.db.models import Count, Exists, Max, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from ..choices import (
    ACTIVE_REGISTRATION,
    PUBLIC_STATUSES,
    ExhibitorStatus,
    RegistrationStatus,
    TrainingStatus,
)
from ..models import Attendance, Exhibitor, Feedback, Registration, Session, Training
from ..permissions import can_decide_exhibitor, can_edit_training, can_view_registration, can_view_training


def _with_dates(trainings: QuerySet[Training]) -> QuerySet[Training]:
    return trainings.annotate(
        first_start=Min("sessions__starts_at"),
        last_end=Max("sessions__ends_at"),
        confirmed=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED), distinct=True
        ),
        waiting=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING), distinct=True
        ),
    )


def training_list_upcoming(*, centre: Centre) -> QuerySet[Training]:
    """The public calendar: published trainings not over yet, soonest first."""
    return (
        _with_dates(Training.objects.filter(centre=centre, status=TrainingStatus.PUBLISHED))
        .filter(last_end__gt=timezone.now())
        .order_by("first_start", "id")
    )


def training_list_archive(*, centre: Centre) -> QuerySet[Training]:
    """Past trainings and events (finished, or published with every session over), newest first."""
    return (
        _with_dates(Training.objects.filter(centre=centre, status__in=PUBLIC_STATUSES))
        .filter(last_end__lte=timezone.now())
        .order_by("-first_start", "-id")
    )


def training_list_for_staff(*, centre: Centre) -> QuerySet[Training]:
    return _with_dates(Training.objects.filter(centre=centre)).order_by("-first_start", "-id")


def training_get_for(*, centre: Centre, user, pk: int) -> Training:
    """The loader: one 404 for "missing", "another centre's" and "a draft you may not see"."""
    return get_for_centre_or_404(
        Training.objects.all(), centre=centre, pk=pk, visible=lambda t: can_view_training(user, t)
    )


def training_for_staff_get(*, centre: Centre, user, pk: int) -> Training:
    return get_for_centre_or_404(
        Training.objects.all(), centre=centre, pk=pk, visible=lambda t: can_edit_training(user, t)
    )


def registration_of_user_for(*, centre: Centre, user, training: Training) -> Registration | None:
    """The person's live (not cancelled) registration for the training, if any."""
    return (
        registration_list_of_user(centre=centre, user=user)
        .filter(training=training)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


def stands_of_organisations(*, centre: Centre, training: Training, organisations) -> QuerySet[Exhibitor]:
    """The live stand requests of the given organisations at the training."""
    return Exhibitor.objects.filter(
        centre=centre,
        training=training,
        organisation__in=organisations,
        status__in=(ExhibitorStatus.REQUESTED, ExhibitorStatus.CONFIRMED),
    ).select_related("organisation")


def registration_has_feedback(registration: Registration) -> bool:
    return Feedback.objects.filter(centre_id=registration.centre_id, registration=registration).exists()


def session_confirmed_registrations(
    session: Session, *, with_organisation: bool = False
) -> list[Registration]:
    """The confirmed registrations of the session's training, by name (the attendance list)."""
    registrations = Registration.objects.filter(
        centre_id=session.centre_id, training_id=session.training_id, status=RegistrationStatus.CONFIRMED
    )
    if with_organisation:
        registrations = registrations.select_related("organisation")
    return list(registrations.order_by("name", "id"))


def session_present_ids(session: Session) -> list[str]:
    return [
        str(pk)
        for pk in Attendance.objects.filter(
            centre_id=session.centre_id, session=session, present=True
        ).values_list("registration_id", flat=True)
    ]


def session_get_for(*, centre: Centre, user, pk: int) -> Session:
    return get_for_centre_or_404(
        Session.objects.select_related("training", "room"),
        centre=centre,
        pk=pk,
        visible=lambda s: can_edit_training(user, s.training),
    )


def registration_get_for(*, centre: Centre, user, pk: int) -> Registration:
    return get_for_centre_or_404(
        Registration.objects.select_related("training", "organisation"),
        centre=centre,
        pk=pk,
        visible=lambda r: can_view_registration(user, r),
    )


def exhibitor_get_for(*, centre: Centre, user, pk: int) -> Exhibitor:
    from ..permissions import can_withdraw_exhibitor

    return get_for_centre_or_404(
        Exhibitor.objects.select_related("training", "organisation"),
        centre=centre,
        pk=pk,
        visible=lambda e: can_decide_exhibitor(user, e) or can_withdraw_exhibitor(user, e),
    )


def training_seats(training: Training) -> dict:
    counts = dict(
        Registration.objects.filter(training=training, status__in=ACTIVE_REGISTRATION)
        .values_list("status")
        .annotate(n=Count("id"))
    )
    confirmed = counts.get(RegistrationStatus.CONFIRMED, 0)
    return {
        "confirmed": confirmed,
        "waiting": counts.get(RegistrationStatus.WAITING, 0),
        "free": max(training.capacity - confirmed, 0),
    }


def registration_rows(*, training: Training) -> list[Registration]:
    """Every registration of a training with its attendance, for staff (one query each)."""
    return list(
        Registration.objects.filter(training=training)
        .select_related("organisation", "user")
        .prefetch_related("attendance")
        .order_by("status", "created_at", "id")
    )


def registration_list_of_user(*, centre: Centre, user) -> QuerySet[Registration]:
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    return (
        Registration.objects.filter(centre=centre)
        .filter(Q(user=user) | Q(email__iexact=user.email, user__isnull=True))
        .select_related("training", "organisation")
        .annotate(
            first_start=Min("training__sessions__starts_at"),
            last_end=Max("training__sessions__ends_at"),
            attended=Exists(Attendance.objects.filter(registration=OuterRef("pk"), present=True)),
            has_feedback=Exists(Feedback.objects.filter(registration=OuterRef("pk"))),
        )
        .order_by("-first_start", "-id")
    )


def calendar_sessions(*, centre: Centre) -> QuerySet[Session]:
    """Every session of the centre's public trainings (the ICS feed and the API calendar)."""
    return (
        Session.objects.filter(centre=centre, training__status__in=PUBLIC_STATUSES)
        .select_related("training", "room")
        .order_by("starts_at", "id")
    )


def calendar_entries(centre: Centre, start, end) -> list:
    """The public trainings' sessions overlapping [start, end) as the public calendar's entries
    (`centrum.core.portal.CalendarSource`, registered in features.py)."""
    from centrum.core.portal import CalendarEntry

    from ..calendars import session_location

    sessions = calendar_sessions(centre=centre).filter(
        training__status=TrainingStatus.PUBLISHED, starts_at__lt=end, ends_at__gt=start
    )
    return [
        CalendarEntry(
            uid=f"training-session-{s.pk}",
            title=s.training.title,
            starts_at=s.starts_at,
            ends_at=s.ends_at,
            url=s.training.get_absolute_url(),
            place=session_location(s, centre),
            organiser=centre.name,
            audience=s.training.audience,
            description=s.training.trainer,
            kind="trainings",
        )
        for s in sessions
    ]


def staff_dashboard_counts(*, centre: Centre) -> dict:
    """The staff card's four numbers in one query (scalar subqueries on the centre's row)."""
    from django.db.models import IntegerField, Subquery
    from django.db.models.functions import Coalesce

    from centrum.core.models import Centre as CentreModel

    from ..models import TrainingNeed

    now = timezone.now()
    running = Exists(Session.objects.filter(training=OuterRef("pk"), ends_at__gt=now))

    def count(queryset):
        rows = queryset.order_by().values("centre").annotate(n=Count("pk")).values("n")[:1]
        return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

    upcoming = Training.objects.filter(centre=OuterRef("pk"), status=TrainingStatus.PUBLISHED).filter(running)
    waiting = Registration.objects.filter(
        centre=OuterRef("pk"), status=RegistrationStatus.WAITING, training__status=TrainingStatus.PUBLISHED
    ).filter(Exists(Session.objects.filter(training=OuterRef("training_id"), ends_at__gt=now)))
    row = (
        CentreModel.objects.filter(pk=centre.pk)
        .annotate(
            upcoming_trainings=count(upcoming),
            waiting_people=count(waiting),
            stands_to_confirm=count(
                Exhibitor.objects.filter(centre=OuterRef("pk"), status=ExhibitorStatus.REQUESTED)
            ),
            open_needs=count(TrainingNeed.objects.filter(centre=OuterRef("pk"), training__isnull=True)),
        )
        .values("upcoming_trainings", "waiting_people", "stands_to_confirm", "open_needs")
        .first()
    )
    return row or {"upcoming_trainings": 0, "waiting_people": 0, "stands_to_confirm": 0, "open_needs": 0}


def organisation_support_history(*, centre: Centre, organisation) -> dict:
    """The organisation's people at trainings (attended or not) and its stands, for its support history."""
    attended = Exists(Attendance.objects.filter(registration=OuterRef("pk"), present=True))
    registrations = (
        Registration.objects.filter(centre=centre, organisation=organisation)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("training")
        .annotate(attended=attended)
        .order_by("-created_at")[:50]
    )
    stands = (
        Exhibitor.objects.filter(centre=centre, organisation=organisation)
        .select_related("training")
        .order_by("-created_at")[:20]
    )
    return {"training_registrations": list(registrations), "stands": list(stands)}


def prefetch_sessions(trainings):
    return trainings.prefetch_related(Prefetch("sessions", queryset=Session.objects.select_related("room")))


def organisations_of_user(*, centre: Centre, user):
    """Active organisations of `centre` the user belongs to (registering people, stands, needs)."""
    from centrum.organisations.choices import OrganisationStatus
    from centrum.organisations.models import Organisation

    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        centre=centre, memberships__user=user, status=OrganisationStatus.ACTIVE
    ).order_by("name", "id")


def rooms_for_sessions(*, centre: Centre):
    from centrum.core.registry import module_is_active
    from centrum.spaces.models import Room

    if not module_is_active(centre, "spaces"):
        return Room.objects.none()
    return Room.objects.filter(centre=centre, is_active=True).order_by("name", "id")


def training_feedback(*, training: Training) -> dict:
    """The participants' answers about a training (newest first), their average and the spread of ratings."""
    from django.db.models import Avg

    answers = Feedback.objects.filter(registration__training=training).order_by("-created_at")
    summary = answers.aggregate(average=Avg("rating"), count=Count("id"))
    spread = dict(answers.values_list("rating").annotate(n=Count("id")))
    return {
        "answers": list(answers),
        "summary": summary,
        "spread": [(n, spread.get(n, 0)) for n in range(5, 0, -1)],
    }
