"""Setting the desk up: advisers' profiles (staff), office hours and absences (staff or the adviser),
the centre's domains (staff)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.roles import role_backend
from centrum.core.views import centre_permission_required

from ..forms import AbsenceForm, AdviserForm, DomainForm, OfficeHoursForm
from ..permissions import ADVISER_ROLE, can_manage_advice, can_work_in_advice
from ..selectors import (
    absences_upcoming,
    adviser_get_for_hours,
    adviser_list,
    domain_list,
    office_hours_get_for,
    office_hours_list,
)
from ..services import (
    absence_create,
    adviser_save,
    domain_create,
    domains_ensure_defaults,
    office_hours_create,
    office_hours_delete,
)
from .common import submit

manage_required = centre_permission_required(can_manage_advice)
desk_required = centre_permission_required(can_work_in_advice)


def _adviser_people(centre) -> list:
    return sorted({row.user for row in role_backend().holders(centre, ADVISER_ROLE)}, key=str)


@manage_required
@require_GET
def adviser_manage(request: HttpRequest) -> HttpResponse:
    advisers = adviser_list(centre=request.centre, active_only=False)
    return render(request, "advice/adviser_manage.html", {"advisers": advisers})


def _adviser_form_page(request, *, adviser=None):
    centre = request.centre
    domains_ensure_defaults(centre=centre)
    people = _adviser_people(centre)
    if adviser is not None and adviser.user not in people:
        people.append(adviser.user)
    initial = {"is_active": True}
    if adviser is not None:
        initial = {
            "user": adviser.user_id,
            "title": adviser.title,
            "bio": adviser.bio,
            "domains": list(adviser.domains.all()),
            "first_contact": adviser.first_contact,
            "is_active": adviser.is_active,
        }
    form = AdviserForm(request.POST or None, centre=centre, people=people, initial=initial)
    if adviser is not None:
        form.fields["user"].disabled = True
    perform = lambda data: adviser_save(centre=centre, actor=request.user, adviser=adviser, **data)  # noqa: E731
    saved = submit(request, form, perform, _("Profil doradcy zapisany."))
    if saved is not None:
        return redirect("advice:adviser_hours", pk=saved.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "advice/adviser_form.html",
        {"form": form, "adviser": adviser, "people": people},
        status=status,
    )


@manage_required
@require_http_methods(["GET", "POST"])
def adviser_new(request: HttpRequest) -> HttpResponse:
    return _adviser_form_page(request)


@manage_required
@require_http_methods(["GET", "POST"])
def adviser_edit(request: HttpRequest, pk: int) -> HttpResponse:
    adviser = adviser_get_for_hours(centre=request.centre, user=request.user, pk=pk)
    return _adviser_form_page(request, adviser=adviser)


def _hours_page(request, adviser, *, hours_form=None, absence_form=None, status=200):
    centre = request.centre
    today = warsaw_today()
    return render(
        request,
        "advice/adviser_hours.html",
        {
            "adviser": adviser,
            "hours": office_hours_list(centre=centre, adviser=adviser),
            "absences": absences_upcoming(centre=centre, adviser=adviser),
            "hours_form": hours_form or OfficeHoursForm(initial={"valid_from": today, "slot_minutes": 60}),
            "absence_form": absence_form or AbsenceForm(initial={"starts_on": today, "ends_on": today}),
            "can_manage": can_manage_advice(request.user, centre),
        },
        status=status,
    )


@desk_required
@require_GET
def adviser_hours(request: HttpRequest, pk: int) -> HttpResponse:
    adviser = adviser_get_for_hours(centre=request.centre, user=request.user, pk=pk)
    return _hours_page(request, adviser)


@desk_required
@require_POST
def office_hours_new(request: HttpRequest, pk: int) -> HttpResponse:
    adviser = adviser_get_for_hours(centre=request.centre, user=request.user, pk=pk)
    form = OfficeHoursForm(request.POST)
    perform = lambda data: office_hours_create(adviser=adviser, actor=request.user, **data)  # noqa: E731
    if submit(request, form, perform, _("Dyżur dodany.")):
        return redirect("advice:adviser_hours", pk=adviser.pk)
    return _hours_page(request, adviser, hours_form=form, status=400)


@desk_required
@require_POST
def office_hours_remove(request: HttpRequest, pk: int) -> HttpResponse:
    hours = office_hours_get_for(centre=request.centre, user=request.user, pk=pk)
    adviser_pk = hours.adviser_id
    office_hours_delete(hours=hours, actor=request.user)
    messages.success(request, _("Dyżur usunięty. Umówione porady pozostają – odwołaj je, jeśli trzeba."))
    return redirect("advice:adviser_hours", pk=adviser_pk)


@desk_required
@require_POST
def absence_new(request: HttpRequest, pk: int) -> HttpResponse:
    adviser = adviser_get_for_hours(centre=request.centre, user=request.user, pk=pk)
    form = AbsenceForm(request.POST)
    created = submit(request, form, lambda data: absence_create(adviser=adviser, actor=request.user, **data))
    if created is not None:
        _absence, cancelled = created
        if cancelled:
            messages.warning(
                request,
                _("Nieobecność zapisana. Odwołano umówione porady (%(count)s); osoby dostały e-mail.")
                % {"count": len(cancelled)},
            )
        else:
            messages.success(request, _("Nieobecność zapisana."))
        return redirect("advice:adviser_hours", pk=adviser.pk)
    return _hours_page(request, adviser, absence_form=form, status=400)


@manage_required
@require_http_methods(["GET", "POST"])
def domain_manage(request: HttpRequest) -> HttpResponse:
    centre = request.centre
    domains_ensure_defaults(centre=centre)
    form = DomainForm(request.POST or None)
    perform = lambda data: domain_create(centre=centre, actor=request.user, name=data["name"])  # noqa: E731
    if submit(request, form, perform, _("Dziedzina dodana.")):
        return redirect(reverse("advice:domain_manage"))
    status = 400 if form.errors else 200
    return render(
        request,
        "advice/domain_manage.html",
        {"domains": domain_list(centre=centre, active_only=False), "form": form},
        status=status,
    )
