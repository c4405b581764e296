"""The public pages: advisers and free slots, the booking form, the page behind the signed link."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.calendar import WARSAW
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.views import centre_required
from centrum.organisations.selectors import organisation_list_for_user

from ..forms import BookingForm, CancelForm
from ..selectors import adviser_get_public, adviser_list, domain_list, free_slots, parse_slot_key, slot_of
from ..services import (
    appointment_book,
    appointment_cancel_by_link,
    appointment_from_token,
    cancel_link,
    referral_from_token,
)

DAYS_SHOWN = 28


def _referral(request: HttpRequest):
    token = request.GET.get("skierowanie") or request.POST.get("skierowanie") or ""
    if not token:
        return None, ""
    try:
        return referral_from_token(centre=request.centre, token=token), token
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return None, ""


def _days(slots):
    days: dict = {}
    for s in slots:
        days.setdefault(s.starts_at.astimezone(WARSAW).date(), []).append(s)
    return sorted(days.items())


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Advisers and their free slots; a referral narrows them to the specialist or the domain."""
    centre = request.centre
    referral, token = _referral(request)
    domains = list(domain_list(centre=centre))
    domain = None
    domain_pk = request.GET.get("dziedzina", "")
    if referral is not None and referral.domain_id and not referral.adviser_id:
        domain = referral.domain
    elif domain_pk.isdigit():
        domain = next((d for d in domains if d.pk == int(domain_pk)), None)
    advisers = list(adviser_list(centre=centre, domain=domain))
    if referral is not None and referral.adviser_id:
        advisers = [a for a in advisers if a.pk == referral.adviser_id]
    slots = free_slots(centre=centre, days=DAYS_SHOWN, advisers=advisers)
    return render(
        request,
        "advice/index.html",
        {
            "advisers": advisers,
            "domains": domains,
            "domain": domain,
            "days": _days(slots),
            "referral": referral,
            "referral_token": token,
        },
    )


@centre_required
@require_GET
def adviser_detail(request: HttpRequest, pk: int) -> HttpResponse:
    adviser = adviser_get_public(centre=request.centre, pk=pk)
    slots = free_slots(centre=request.centre, days=DAYS_SHOWN, advisers=[adviser])
    return render(request, "advice/adviser_detail.html", {"adviser": adviser, "days": _days(slots)})


@centre_required
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, pk: int, slot: str) -> HttpResponse:
    """The intake form for one slot of one adviser; anyone may book, logged in or not."""
    centre = request.centre
    adviser = adviser_get_public(centre=centre, pk=pk)
    starts_at = parse_slot_key(slot)
    if starts_at is None:
        raise Http404
    referral, token = _referral(request)
    user = request.user
    organisations = list(organisation_list_for_user(centre=centre, user=user))
    initial = {}
    if user.is_authenticated:
        initial = {"name": user.full_name, "email": user.email}
    if referral is not None:
        initial.update(
            {"topic": referral.appointment.topic, "domain": referral.domain_id, "question": referral.note}
        )
    form = BookingForm(request.POST or None, centre=centre, organisations=organisations, initial=initial)
    the_slot = slot_of(centre=centre, adviser=adviser, starts_at=starts_at)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appointment = appointment_book(
                centre=centre,
                adviser=adviser,
                starts_at=starts_at,
                actor=user,
                topic=data["topic"],
                question=data["question"],
                name=data["name"],
                email=data["email"],
                domain=data["domain"],
                organisation=data.get("organisation"),
                organisation_name=data["organisation_name"],
                founding=data["founding"],
                accessibility_needs=data["accessibility_needs"],
                referral=referral,
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(
                request, _("Porada umówiona. Potwierdzenie z zaproszeniem do kalendarza wysłaliśmy e-mailem.")
            )
            return redirect(cancel_link(appointment))
    status = 400 if form.errors else 200
    return render(
        request,
        "advice/book.html",
        {"adviser": adviser, "slot": the_slot, "starts_at": starts_at, "form": form, "referral_token": token},
        status=status,
    )


@centre_required
@require_http_methods(["GET", "POST"])
def appointment_manage(request: HttpRequest, token: str) -> HttpResponse:
    """Behind the signed link of the confirmation e-mail: the appointment and its cancellation."""
    try:
        appointment = appointment_from_token(centre=request.centre, token=token)
    except ApplicationError as exc:
        return render(request, "advice/link_refused.html", {"message": exc.message}, status=400)
    if appointment is None:
        raise Http404
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            appointment_cancel_by_link(centre=request.centre, token=token, reason=form.cleaned_data["reason"])
        except ApplicationError as exc:
            add_application_error(form, exc, default_field="reason")
        else:
            messages.success(request, _("Porada odwołana. Dziękujemy, że dajesz znać."))
            return redirect(reverse("advice:appointment_manage", args=[token]))
    status = 400 if form.errors else 200
    return render(request, "advice/manage.html", {"appointment": appointment, "form": form}, status=status)
