"""Staff pages: the trainings list, a training's form and sessions, participants and stands, attendance
(in the page and as a printed list), feedback results, and the organisations' training needs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.indicators import needs_for
from centrum.core.pdf import pdf_response, render_pdf
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..forms import AttendanceForm, NeedForm, NeedPlanForm, SessionForm, TrainingForm
from ..permissions import can_manage_trainings
from ..selectors import (
    exhibitor_get_for,
    need_demand,
    needs_of_organisations,
    organisations_of_user,
    registration_rows,
    rooms_for_sessions,
    session_confirmed_registrations,
    session_get_for,
    session_present_ids,
    training_feedback,
    training_for_staff_get,
    training_get_for,
    training_list_for_staff,
    training_seats,
)
from ..services import attendance_record, need_declare, need_plan, session_remove, session_save, training_save
from ..workflows import EXHIBITOR_STATUS, TRAINING_STATUS


@staff_required
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    return render(
        request, "trainings/manage.html", {"trainings": list(training_list_for_staff(centre=request.centre))}
    )


@staff_required
@require_http_methods(["GET", "POST"])
def training_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    training = training_for_staff_get(centre=request.centre, user=request.user, pk=pk) if pk else None
    initial = (
        TrainingForm.initial_for(training)
        if training
        else {"capacity": request.centre_settings["trainings.default_capacity"]}
    )
    form = TrainingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            training = training_save(
                centre=request.centre, actor=request.user, training=training, data=form.service_data()
            )
        except ApplicationError as exc:
            add_application_error(form, exc, default_field=None)
            if exc.field in ("registration_opens_at", "registration_closes_at"):
                form.errors.pop(None, None)
                form.add_error(exc.field.replace("_at", "_on"), exc.message)
        else:
            messages.success(request, _("Zapisano „%(title)s”.") % {"title": training.title})
            return redirect(training)
    return render(
        request,
        "trainings/training_form.html",
        {"form": form, "training": training},
        status=400 if form.errors else 200,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def session_form(request: HttpRequest, pk: int | None = None, training_pk: int | None = None) -> HttpResponse:
    session = session_get_for(centre=request.centre, user=request.user, pk=pk) if pk else None
    training = (
        session.training
        if session
        else training_for_staff_get(centre=request.centre, user=request.user, pk=training_pk)
    )
    form = SessionForm(
        request.POST or None,
        rooms=rooms_for_sessions(centre=request.centre),
        initial=SessionForm.initial_for(session) if session else {"place_kind": "room"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            session_save(training=training, actor=request.user, session=session, data=form.service_data())
        except ApplicationError as exc:
            field = {"starts_at": "day", "ends_at": "end_time", "attendees": "room"}.get(exc.field, exc.field)
            add_application_error(form, ApplicationError(exc.message, field=field))
        else:
            messages.success(request, _("Zapisano spotkanie."))
            return redirect(training)
    return render(
        request,
        "trainings/session_form.html",
        {"form": form, "training": training, "session": session},
        status=400 if form.errors else 200,
    )


@staff_required
@require_POST
def session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_get_for(centre=request.centre, user=request.user, pk=pk)
    try:
        session_remove(session=session, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Usunięto spotkanie."))
    return redirect(session.training)


@staff_required
@require_GET
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    training = training_for_staff_get(centre=request.centre, user=request.user, pk=pk)
    sessions = list(training.sessions.select_related("room"))
    rows = registration_rows(training=training)
    stands = list(training.exhibitors.select_related("organisation"))
    return render(
        request,
        "trainings/participants.html",
        {
            "training": training,
            "sessions": sessions,
            "rows": [(r, {a.session_id for a in r.attendance.all() if a.present}) for r in rows],
            "seats": training_seats(training),
            "stands": [
                (
                    s,
                    workflow_action_items(
                        s, request.user, workflow=EXHIBITOR_STATUS, url_name="trainings:exhibitor_action"
                    ),
                )
                for s in stands
            ],
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_get_for(centre=request.centre, user=request.user, pk=pk)
    registrations = session_confirmed_registrations(session)
    present = session_present_ids(session)
    form = AttendanceForm(request.POST or None, registrations=registrations, initial={"present": present})
    if request.method == "POST" and form.is_valid():
        try:
            count = attendance_record(
                session=session, actor=request.user, present_ids=form.cleaned_data["present"]
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano obecność: %(count)s os.") % {"count": count})
            return redirect("trainings:participants", pk=session.training_id)
    return render(
        request,
        "trainings/attendance.html",
        {
            "session": session,
            "training": session.training,
            "form": form,
            "started": session.starts_at <= timezone.now(),
        },
        status=400 if form.errors else 200,
    )


@staff_required
@require_GET
def attendance_list_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    session = session_get_for(centre=request.centre, user=request.user, pk=pk)
    registrations = session_confirmed_registrations(session, with_organisation=True)
    content = render_pdf(
        "trainings/documents/attendance_list.html",
        {
            "centre": request.centre,
            "session": session,
            "training": session.training,
            "registrations": registrations,
        },
    )
    return pdf_response(content, f"lista-obecnosci-{session.pk}.pdf")


@staff_required
@require_GET
def feedback_results(request: HttpRequest, pk: int) -> HttpResponse:
    training = training_for_staff_get(centre=request.centre, user=request.user, pk=pk)
    return render(
        request,
        "trainings/feedback_results.html",
        {"training": training, **training_feedback(training=training)},
    )


class TrainingActionView(WorkflowActionView):
    workflow = TRAINING_STATUS

    def load(self, request: HttpRequest, pk: int):
        return training_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()


class ExhibitorActionView(WorkflowActionView):
    workflow = EXHIBITOR_STATUS

    def load(self, request: HttpRequest, pk: int):
        return exhibitor_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        if can_manage_trainings(request.user, request.centre):
            return reverse("trainings:participants", kwargs={"pk": obj.training_id})
        return reverse("trainings:stand_request", kwargs={"pk": obj.training_id})


training_action = staff_required(TrainingActionView.as_view())
exhibitor_action = centre_required(ExhibitorActionView.as_view())


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def needs(request: HttpRequest) -> HttpResponse:
    """Members declare the topics their organisation needs; staff see every topic ranked by demand."""
    staff = can_manage_trainings(request.user, request.centre)
    organisations = organisations_of_user(centre=request.centre, user=request.user)
    if not staff and not organisations.exists():
        raise PermissionDenied
    form = NeedForm(request.POST or None, organisations=organisations) if organisations.exists() else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                need_declare(centre=request.centre, actor=request.user, **form.cleaned_data)
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(request, _("Dziękujemy. Damy znać, gdy zaplanujemy takie szkolenie."))
                return redirect("trainings:needs")
    return render(
        request,
        "trainings/needs.html",
        {
            "form": form,
            "staff": staff,
            "demand": need_demand(centre=request.centre) if staff else [],
            "survey_needs": needs_for(request.centre, "trainings") if staff else [],
            "default_capacity": request.centre_settings["trainings.default_capacity"],
            "own": needs_of_organisations(centre=request.centre, organisations=organisations) if form else [],
        },
        status=400 if form is not None and form.errors else 200,
    )


@staff_required
@require_POST
def need_plan_view(request: HttpRequest) -> HttpResponse:
    form = NeedPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Podaj liczbę miejsc (co najmniej 1)."))
        return redirect("trainings:needs")
    try:
        training = need_plan(
            centre=request.centre,
            actor=request.user,
            key=form.cleaned_data["key"],
            capacity=form.cleaned_data["capacity"],
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("trainings:needs")
    messages.success(
        request,
        _(
            "Utworzono szkic szkolenia. Dodaj spotkania i opublikuj – organizacje, które o nie prosiły, dostaną wiadomość."
        ),
    )
    return redirect(training)
