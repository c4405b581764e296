"""The advice desk: the adviser's day, appointments with their log and referrals, the centre's actions."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.pagination import paginate
from centrum.core.views import centre_permission_required, centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items
from centrum.organisations.sections import support_deadlines

from ..choices import AppointmentStatus
from ..forms import LogForm, ReferralForm
from ..permissions import can_log_appointment, can_see_confidential, can_work_in_advice, is_adviser
from ..selectors import (
    adviser_for_user,
    appointment_get_for,
    appointment_list_for,
    caretaken_organisations,
    follow_ups_due,
    todays_appointments,
)
from ..services import appointment_log, referral_create
from ..workflows import APPOINTMENT_STATUS
from .common import submit

desk_required = centre_permission_required(can_work_in_advice)


@desk_required
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    """The adviser's dashboard: today's slots, their caretaker organisations and follow-ups due."""
    centre, user = request.centre, request.user
    today = warsaw_today()
    organisations = caretaken_organisations(centre=centre, user=user)
    horizon = today + timedelta(days=centre_setting(centre, "advice.caretaker_deadline_days"))
    deadlines = support_deadlines(
        centre=centre, organisation_ids=[o.pk for o in organisations], start=today, end=horizon
    )
    return render(
        request,
        "advice/desk.html",
        {
            "adviser": adviser_for_user(centre=centre, user=user),
            "today": todays_appointments(centre=centre, user=user),
            "organisations": organisations,
            "deadlines": deadlines,
            "follow_ups": follow_ups_due(centre=centre, user=user, until=today + timedelta(days=7))[:20],
            "is_adviser": is_adviser(user, centre),
        },
    )


@desk_required
@require_GET
def appointment_list(request: HttpRequest) -> HttpResponse:
    past = request.GET.get("minione") == "1"
    appointments = appointment_list_for(centre=request.centre, user=request.user)
    today = warsaw_today()
    if past:
        appointments = appointments.filter(starts_at__date__lt=today).order_by("-starts_at", "-id")
    else:
        appointments = appointments.filter(starts_at__date__gte=today)
    page = paginate(request, appointments, per_page=30)
    return render(request, "advice/appointment_list.html", {"page": page, "past": past})


def _detail_context(request, appointment, *, log_form=None, referral_form=None, failure=None) -> dict:
    centre, user = request.centre, request.user
    loggable = appointment.status == AppointmentStatus.BOOKED and can_log_appointment(user, appointment)
    entry = getattr(appointment, "entry", None) if appointment.status == AppointmentStatus.DONE else None
    return {
        "appointment": appointment,
        "entry": entry,
        "confidential": can_see_confidential(user, centre),
        "log_form": log_form
        or (
            LogForm(
                centre=centre,
                confidential=can_see_confidential(user, centre),
                initial={
                    "domain": appointment.domain_id,
                    "topic": appointment.topic,
                    "duration_minutes": int(
                        (appointment.ends_at - appointment.starts_at).total_seconds() // 60
                    ),
                },
            )
            if loggable
            else None
        ),
        "referral_form": referral_form
        or (
            ReferralForm(centre=centre, exclude_adviser=appointment.adviser)
            if can_log_appointment(user, appointment) and appointment.status != AppointmentStatus.CANCELLED
            else None
        ),
        "referrals": list(appointment.referrals.select_related("adviser__user", "domain")),
        "actions": workflow_action_items(
            appointment,
            user,
            workflow=APPOINTMENT_STATUS,
            url_name="advice:appointment_action",
            failure=failure,
        ),
    }


@desk_required
@require_GET
def appointment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    appointment = appointment_get_for(centre=request.centre, user=request.user, pk=pk)
    return render(request, "advice/appointment_detail.html", _detail_context(request, appointment))


@desk_required
@require_http_methods(["POST"])
def appointment_log_view(request: HttpRequest, pk: int) -> HttpResponse:
    centre = request.centre
    appointment = appointment_get_for(centre=centre, user=request.user, pk=pk)
    if not can_log_appointment(request.user, appointment):
        raise PermissionDenied
    form = LogForm(request.POST, centre=centre, confidential=can_see_confidential(request.user, centre))
    done = _("Porada zapisana w dzienniku.")
    if submit(
        request, form, lambda data: appointment_log(appointment=appointment, actor=request.user, **data), done
    ):
        return redirect(appointment)
    context = _detail_context(request, appointment, log_form=form)
    return render(request, "advice/appointment_detail.html", context, status=400)


@desk_required
@require_http_methods(["POST"])
def appointment_refer(request: HttpRequest, pk: int) -> HttpResponse:
    centre = request.centre
    appointment = appointment_get_for(centre=centre, user=request.user, pk=pk)
    if not can_log_appointment(request.user, appointment):
        raise PermissionDenied
    form = ReferralForm(request.POST, centre=centre, exclude_adviser=appointment.adviser)
    done = _("Skierowanie zapisane; osoba dostała e-mailem link do zapisu.")
    if submit(
        request, form, lambda data: referral_create(appointment=appointment, actor=request.user, **data), done
    ):
        return redirect(appointment)
    context = _detail_context(request, appointment, referral_form=form)
    return render(request, "advice/appointment_detail.html", context, status=400)


class AppointmentActionView(WorkflowActionView):
    workflow = APPOINTMENT_STATUS

    def load(self, request, pk):
        return appointment_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request, obj):
        return obj.get_absolute_url()


appointment_action = centre_required(AppointmentActionView.as_view())
