"""The public calendar of trainings and events, a training's page, registration, stands and the feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.views import centre_required
from centrum.core.workflow.views import workflow_action_items

from ..calendars import centre_calendar, ics_response, training_calendar
from ..choices import TrainingKind, TrainingStatus
from ..forms import ExhibitorForm, RegistrationForm
from ..permissions import can_edit_training, can_manage_trainings
from ..selectors import (
    calendar_sessions,
    organisations_of_user,
    registration_of_user_for,
    stands_of_organisations,
    training_get_for,
    training_list_archive,
    training_list_upcoming,
    training_seats,
)
from ..selectors.trainings import prefetch_sessions
from ..services import exhibitor_request, registration_create, registration_window_error
from ..workflows import EXHIBITOR_STATUS, TRAINING_STATUS


@centre_required
@require_GET
def training_list(request: HttpRequest) -> HttpResponse:
    trainings = list(prefetch_sessions(training_list_upcoming(centre=request.centre)))
    return render(
        request,
        "trainings/training_list.html",
        {"trainings": trainings, "staff": can_manage_trainings(request.user, request.centre)},
    )


@centre_required
@require_GET
def training_archive(request: HttpRequest) -> HttpResponse:
    page = paginate(
        request,
        training_list_archive(centre=request.centre),
        per_page=request.centre_settings["trainings.archive_per_page"],
    )
    return render(request, "trainings/training_archive.html", {"page": page})


@centre_required
@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    return ics_response(
        centre_calendar(request.centre, calendar_sessions(centre=request.centre)), filename="szkolenia.ics"
    )


@centre_required
@require_GET
def training_ics(request: HttpRequest, pk: int) -> HttpResponse:
    training = training_get_for(centre=request.centre, user=request.user, pk=pk)
    sessions = training.sessions.select_related("room")
    return ics_response(training_calendar(training, sessions), filename=f"szkolenie-{training.pk}.ics")


@centre_required
@require_GET
def training_detail(request: HttpRequest, pk: int) -> HttpResponse:
    training = training_get_for(centre=request.centre, user=request.user, pk=pk)
    sessions = list(training.sessions.select_related("room"))
    staff = can_edit_training(request.user, training)
    mine = registration_of_user_for(centre=request.centre, user=request.user, training=training)
    return render(
        request,
        "trainings/training_detail.html",
        {
            "training": training,
            "sessions": sessions,
            "seats": training_seats(training),
            "closed": registration_window_error(training),
            "mine": mine,
            "staff": staff,
            "stands_open": training.exhibitors_welcome and training.status == TrainingStatus.PUBLISHED,
            "workflow_actions": workflow_action_items(
                training, request.user, workflow=TRAINING_STATUS, url_name="trainings:training_action"
            )
            if staff
            else [],
            "now": timezone.now(),
        },
    )


@centre_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, pk: int) -> HttpResponse:
    training = training_get_for(centre=request.centre, user=request.user, pk=pk)
    closed = registration_window_error(training)
    organisations = organisations_of_user(centre=request.centre, user=request.user)
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.get_full_name(), "email": request.user.email}
    form = RegistrationForm(request.POST or None, organisations=organisations, initial=initial)
    if request.method == "POST" and not closed and form.is_valid():
        data = form.cleaned_data
        try:
            registration = registration_create(
                training=training,
                actor=request.user,
                name=data["name"],
                email=data["email"],
                organisation=data.get("organisation"),
                accessibility_needs=data["accessibility_needs"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            if registration.status == "confirmed":
                messages.success(request, _("Zapisano. Potwierdzenie wysłaliśmy e-mailem."))
            else:
                messages.warning(
                    request,
                    _(
                        "Wszystkie miejsca są zajęte: jesteś na liście oczekujących. Napiszemy, gdy zwolni się miejsce."
                    ),
                )
            if registration.user_id:
                return redirect("trainings:registration_detail", pk=registration.pk)
            return redirect(training)
    if request.method == "POST" and closed:
        form.is_valid()
        form.add_error(None, closed)
    status = 400 if form.errors else 200
    return render(
        request,
        "trainings/register.html",
        {"training": training, "form": form, "closed": closed, "seats": training_seats(training)},
        status=status,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def stand_request(request: HttpRequest, pk: int) -> HttpResponse:
    training = training_get_for(centre=request.centre, user=request.user, pk=pk)
    organisations = organisations_of_user(centre=request.centre, user=request.user)
    if not organisations.exists():
        raise PermissionDenied
    form = ExhibitorForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            exhibitor_request(training=training, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zgłoszenie stoiska wysłane. Centrum potwierdzi je e-mailem."))
            return redirect(training)
    stands = stands_of_organisations(centre=request.centre, training=training, organisations=organisations)
    return render(
        request,
        "trainings/stand_form.html",
        {
            "training": training,
            "form": form,
            "stands": [
                (
                    stand,
                    workflow_action_items(
                        stand, request.user, workflow=EXHIBITOR_STATUS, url_name="trainings:exhibitor_action"
                    ),
                )
                for stand in stands
            ],
            "is_event": training.kind == TrainingKind.CENTRE_EVENT,
        },
        status=400 if form.errors else 200,
    )
