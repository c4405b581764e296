"""The volunteer's pages: the profile, their page (offers ranked by fit, applications, agreements), applying,
an application, an agreement with its hours."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.views import centre_required
from centrum.core.workflow.views import workflow_action_items

from ..forms import AgreementForm, ApplyForm, HoursForm, OpinionForm, VolunteerForm
from ..permissions import can_confirm_hours, can_log_hours, can_make_agreement, can_manage_host
from ..selectors import (
    agreement_get_for,
    agreements_of_volunteer,
    application_get_for,
    applications_of_volunteer,
    confirmed_hours,
    hours_of,
    offer_get_for,
    offers_ranked_for,
    volunteer_of,
)
from ..services import agreement_save, application_create, hours_log, volunteer_save
from ..workflows import APPLICATION_STATUS, HOURS_STATUS
from .common import form_error, require


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    volunteer = volunteer_of(centre=request.centre, user=request.user)
    initial = {} if volunteer else {"full_name": request.user.get_full_name()}
    form = VolunteerForm(request.POST or None, instance=volunteer, initial=initial, centre=request.centre)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.cleaned_data if name != "areas"}
        try:
            volunteer_save(
                centre=request.centre,
                actor=request.user,
                data=data,
                areas=form.cleaned_data["areas"],
                volunteer=volunteer,
            )
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Zapisano Twój profil wolontariusza."))
            return redirect("volunteers:mine")
    status = 400 if form.errors else 200
    return render(request, "volunteers/profile.html", {"form": form, "volunteer": volunteer}, status=status)


@login_required
@centre_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    volunteer = volunteer_of(centre=request.centre, user=request.user)
    if volunteer is None:
        return redirect("volunteers:profile")
    return render(
        request,
        "volunteers/mine.html",
        {
            "volunteer": volunteer,
            "ranked": offers_ranked_for(centre=request.centre, volunteer=volunteer),
            "applications": applications_of_volunteer(centre=request.centre, volunteer=volunteer),
            "agreements": agreements_of_volunteer(centre=request.centre, volunteer=volunteer),
        },
    )


@login_required
@centre_required
@require_POST
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_get_for(centre=request.centre, user=request.user, pk=pk)
    volunteer = volunteer_of(centre=request.centre, user=request.user)
    if volunteer is None:
        messages.info(request, _("Najpierw załóż profil wolontariusza."))
        return redirect("volunteers:profile")
    form = ApplyForm(request.POST, offer=offer)
    if form.is_valid():
        try:
            application = application_create(
                offer=offer,
                volunteer=volunteer,
                actor=request.user,
                shift=form.cleaned_data.get("shift"),
                message=form.cleaned_data["message"],
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Zgłoszenie wysłane – organizator odpowie e-mailem."))
            return redirect(application)
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(offer)


@login_required
@centre_required
@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = application_get_for(centre=request.centre, user=request.user, pk=pk)
    return render(
        request,
        "volunteers/application_detail.html",
        {
            "application": application,
            "agreement": getattr(application, "agreement", None),
            "manages": can_manage_host(request.user, application.offer.host),
            "may_agree": can_make_agreement(request.user, application),
            "actions": workflow_action_items(
                application,
                request.user,
                workflow=APPLICATION_STATUS,
                url_name="volunteers:application_action",
            ),
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = application_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_make_agreement(request.user, application))
    agreement = getattr(application, "agreement", None)
    initial = {}
    if agreement is None:
        offer = application.offer
        initial = {
            "scope": offer.title,
            "manner": offer.schedule or offer.place,
            "starts_on": application.shift.starts_at.date() if application.shift else offer.starts_on,
            "ends_on": application.shift.ends_at.date() if application.shift else offer.ends_on,
            "termination": _(
                "Każda ze stron może rozwiązać porozumienie z zachowaniem 7-dniowego wypowiedzenia, a z ważnych "
                "powodów – ze skutkiem natychmiastowym."
            ),
        }
    form = AgreementForm(request.POST or None, instance=agreement, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = agreement_save(application=application, actor=request.user, data=form.cleaned_data)
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Zapisano porozumienie %(number)s.") % {"number": agreement.number})
            return redirect(agreement)
    status = 400 if form.errors else 200
    return render(
        request, "volunteers/agreement_form.html", {"form": form, "application": application}, status=status
    )


def _agreement_page(request, agreement, *, hours_form=None, opinion_form=None, status=200):
    entries = hours_of(agreement=agreement)
    manages = can_manage_host(request.user, agreement.application.offer.host)
    return render(
        request,
        "volunteers/agreement_detail.html",
        {
            "agreement": agreement,
            "application": agreement.application,
            "entries": [
                (
                    entry,
                    workflow_action_items(
                        entry, request.user, workflow=HOURS_STATUS, url_name="volunteers:hours_action"
                    )
                    if manages and can_confirm_hours(request.user, entry)
                    else [],
                )
                for entry in entries
            ],
            "confirmed": confirmed_hours(agreement=agreement),
            "hours_form": hours_form or (HoursForm() if can_log_hours(request.user, agreement) else None),
            "opinion_form": opinion_form
            or (OpinionForm(initial={"opinion": agreement.opinion}) if manages else None),
            "manages": manages,
        },
        status=status,
    )


@login_required
@centre_required
@require_GET
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    return _agreement_page(request, agreement)


@login_required
@centre_required
@require_POST
def hours_new(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_log_hours(request.user, agreement))
    form = HoursForm(request.POST)
    if form.is_valid():
        try:
            hours_log(agreement=agreement, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Wpisano godziny – organizator je potwierdzi."))
            return redirect(agreement)
    return _agreement_page(request, agreement, hours_form=form, status=400)


@login_required
@centre_required
@require_POST
def opinion(request: HttpRequest, pk: int) -> HttpResponse:
    from ..services import opinion_save

    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_manage_host(request.user, agreement.application.offer.host))
    form = OpinionForm(request.POST)
    if form.is_valid():
        try:
            opinion_save(agreement=agreement, actor=request.user, opinion=form.cleaned_data["opinion"])
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Zapisano opinię."))
            return redirect(reverse("volunteers:agreement", args=[agreement.pk]))
    return _agreement_page(request, agreement, opinion_form=form, status=400)
