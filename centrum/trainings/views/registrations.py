"""A person's registrations: the list, one registration (cancel, certificate, feedback), the e-mailed
cancellation link."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pdf import pdf_response, render_pdf
from centrum.core.selectors import get_for_centre_or_404
from centrum.core.signed_links import read_signed_token
from centrum.core.views import centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..forms import FeedbackForm
from ..models import Registration
from ..permissions import is_registrant
from ..selectors import registration_get_for, registration_has_feedback, registration_list_of_user
from ..services import (
    attended_sessions,
    certificate_refusal,
    feedback_give,
    registration_cancel,
    registration_cancel_by_token,
    registration_from_token,
)
from ..services.notify import CANCEL_PURPOSE
from ..workflows import REGISTRATION_STATUS


@login_required
@centre_required
@require_GET
def my_registrations(request: HttpRequest) -> HttpResponse:
    registrations = list(registration_list_of_user(centre=request.centre, user=request.user))
    now = timezone.now()
    feedback_since = now - timedelta(days=request.centre_settings["trainings.feedback_days"])
    for registration in registrations:
        # The same rule as the registration's own page and feedback_give: attended, over, within the window.
        registration.feedback_open = bool(
            registration.attended
            and not registration.has_feedback
            and registration.last_end
            and feedback_since <= registration.last_end <= now
        )
    return render(request, "trainings/my_registrations.html", {"registrations": registrations})


def _certificate_state(registration):
    sessions = list(registration.training.sessions.all())
    attended = attended_sessions(registration)
    return (
        sessions,
        attended,
        certificate_refusal(registration, attended=len(attended), session_count=len(sessions)),
    )


@login_required
@centre_required
@require_GET
def registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    registration = registration_get_for(centre=request.centre, user=request.user, pk=pk)
    sessions, attended, refusal = _certificate_state(registration)
    over = bool(sessions) and all(s.ends_at <= timezone.now() for s in sessions)
    closes_at = (
        max(s.ends_at for s in sessions) + timedelta(days=request.centre_settings["trainings.feedback_days"])
        if sessions
        else None
    )
    has_feedback = registration_has_feedback(registration)
    return render(
        request,
        "trainings/registration_detail.html",
        {
            "registration": registration,
            "training": registration.training,
            "sessions": sessions,
            "attended": {s.pk for s in attended},
            "certificate_refusal": refusal,
            "can_give_feedback": over
            and timezone.now() <= closes_at
            and bool(attended)
            and not has_feedback
            and is_registrant(request.user, registration),
            "has_feedback": has_feedback,
            "workflow_actions": workflow_action_items(
                registration,
                request.user,
                workflow=REGISTRATION_STATUS,
                url_name="trainings:registration_action",
            ),
        },
    )


class RegistrationActionView(WorkflowActionView):
    workflow = REGISTRATION_STATUS

    def load(self, request: HttpRequest, pk: int):
        return registration_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("trainings:registration_detail", kwargs={"pk": obj.pk})

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        return registration_cancel(registration=obj, actor=request.user, reason=reason)


registration_action = login_required(centre_required(RegistrationActionView.as_view()))


@login_required
@centre_required
@require_GET
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    registration = registration_get_for(centre=request.centre, user=request.user, pk=pk)
    sessions, attended, refusal = _certificate_state(registration)
    if refusal:
        return render(
            request,
            "trainings/certificate_refused.html",
            {"registration": registration, "message": refusal},
            status=403,
        )
    content = render_pdf(
        "trainings/documents/certificate.html",
        {
            "centre": request.centre,
            "registration": registration,
            "training": registration.training,
            "sessions": sessions,
            "attended": attended,
            "issued_on": timezone.localdate(),
        },
    )
    return pdf_response(content, f"zaswiadczenie-{registration.pk}.pdf")


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    registration = registration_get_for(centre=request.centre, user=request.user, pk=pk)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            feedback_give(
                registration=registration,
                actor=request.user,
                rating=int(data["rating"]),
                useful=data["useful"],
                comments=data["comments"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dziękujemy za ocenę!"))
            return redirect("trainings:registration_detail", pk=registration.pk)
    return render(
        request,
        "trainings/feedback_form.html",
        {"registration": registration, "training": registration.training, "form": form},
        status=400 if form.errors else 200,
    )


@centre_required
@require_http_methods(["GET", "POST"])
def cancel_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what will be cancelled; POST cancels. A forged or old link: a clear message, nothing changes."""
    error, registration = "", None
    try:
        pk, _version = read_signed_token(CANCEL_PURPOSE, token)
    except ApplicationError as exc:
        error = exc.message
    else:
        # Another centre's registration is a 404, as a missing one.
        get_for_centre_or_404(Registration.objects.select_related("training"), centre=request.centre, pk=pk)
        try:
            registration = registration_from_token(centre=request.centre, token=token)
            if request.method == "POST":
                registration = registration_cancel_by_token(centre=request.centre, token=token)
                messages.success(request, _("Zgłoszenie anulowane. Dziękujemy za informację."))
                return redirect(registration.training)
        except ApplicationError as exc:
            error = exc.message
    return render(
        request,
        "trainings/cancel_link.html",
        {"registration": registration, "error": error},
        status=400 if error else 200,
    )
