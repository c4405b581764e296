"""The host's pages: their offers, applications to decide and hours to confirm; an offer's form and shifts;
the valuation of volunteers' work (wkład osobowy) with its CSV; the coordinator's introduction."""

import csv
import io
from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.selectors import get_for_centre_or_404
from centrum.core.views import centre_required
from centrum.organisations.selectors import organisation_list_for_user

from ..forms import IntroduceForm, OfferForm, PeriodForm, ShiftForm
from ..models import Volunteer
from ..permissions import can_edit_offer, can_introduce, can_manage_host, is_coordinator
from ..selectors import (
    applications_to_decide,
    contribution_of,
    host_get_for,
    hosts_of,
    offer_get_for,
    offers_of_hosts,
    own_organisation_get_for,
    public_bodies,
)
from ..services import application_create, host_for_organisation, offer_save, shift_add
from .common import form_error, require


def _host_choices(request) -> list[tuple[str, str]]:
    """The hosts the person may offer volunteering for: their organisations (a host is made on the first offer)
    and the public bodies naming them; the coordinator also any public body."""
    hosts = hosts_of(centre=request.centre, user=request.user)
    if is_coordinator(request.user, request.centre):
        hosts = list({h.pk: h for h in [*hosts, *public_bodies(centre=request.centre)]}.values())
    choices = [(f"h{h.pk}", str(h)) for h in hosts if h.organisation_id is None]
    organisations = organisation_list_for_user(centre=request.centre, user=request.user).filter(
        status="active"
    )
    choices += [(f"o{o.pk}", o.name) for o in organisations]
    return choices


@login_required
@centre_required
@require_GET
def host_home(request: HttpRequest) -> HttpResponse:
    from ..selectors import hours_to_confirm

    hosts = hosts_of(centre=request.centre, user=request.user)
    return render(
        request,
        "volunteers/host.html",
        {
            "hosts": hosts,
            "offers": offers_of_hosts(centre=request.centre, hosts=hosts),
            "to_decide": applications_to_decide(centre=request.centre, hosts=hosts),
            "to_confirm": hours_to_confirm(centre=request.centre, hosts=hosts),
            "may_offer": bool(_host_choices(request)),
        },
    )


def _resolve_host(request, choice: str):
    if choice.startswith("h"):
        return host_get_for(centre=request.centre, user=request.user, pk=choice[1:])
    organisation = own_organisation_get_for(centre=request.centre, user=request.user, pk=choice[1:])
    return host_for_organisation(organisation=organisation, actor=request.user)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def offer_new(request: HttpRequest) -> HttpResponse:
    choices = _host_choices(request)
    require(bool(choices))
    form = OfferForm(request.POST or None, centre=request.centre)
    form.fields["host_choice"] = forms.ChoiceField(label=_("Organizator"), choices=choices)
    form.order_fields(["host_choice"])
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            host = _resolve_host(request, data.pop("host_choice"))
            offer = offer_save(host=host, actor=request.user, data=data, areas=data.pop("areas"))
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Zapisano szkic oferty. Zgłoś ją do publikacji, gdy będzie gotowa."))
            return redirect(offer)
    status = 400 if form.errors else 200
    return render(request, "volunteers/offer_form.html", {"form": form, "offer": None}, status=status)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_edit_offer(request.user, offer))
    form = OfferForm(request.POST or None, instance=offer, centre=request.centre)
    shift_form = ShiftForm()
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            offer = offer_save(
                host=offer.host, actor=request.user, data=data, areas=data.pop("areas"), offer=offer
            )
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Zapisano ofertę."))
            return redirect(offer)
    status = 400 if form.errors else 200
    return render(
        request,
        "volunteers/offer_form.html",
        {"form": form, "offer": offer, "shift_form": shift_form, "shifts": list(offer.shifts.all())},
        status=status,
    )


@login_required
@centre_required
@require_POST
def shift_new(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_edit_offer(request.user, offer))
    form = ShiftForm(request.POST)
    if form.is_valid():
        try:
            shift_add(offer=offer, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Dodano dyżur."))
            return redirect("volunteers:offer_edit", pk=offer.pk)
    return render(
        request,
        "volunteers/offer_form.html",
        {
            "form": OfferForm(instance=offer, centre=request.centre),
            "offer": offer,
            "shift_form": form,
            "shifts": list(offer.shifts.all()),
        },
        status=400,
    )


@login_required
@centre_required
@require_POST
def introduce(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator introduces a consenting volunteer to an offer: an application in their name and mail to
    both."""
    offer = offer_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_introduce(request.user, request.centre))
    form = IntroduceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Wybierz wolontariusza."))
        return redirect(offer)
    volunteer = get_for_centre_or_404(
        Volunteer.objects.select_related("user"), centre=request.centre, pk=form.cleaned_data["volunteer"]
    )
    try:
        shift = offer.shifts.filter(taken__lt=F("capacity")).first() if offer.has_shifts else None
        application_create(offer=offer, volunteer=volunteer, actor=request.user, shift=shift, introduced=True)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Poleciliśmy wolontariusza – organizator i wolontariusz dostali e-mail."))
    return redirect(offer)


def _period(request) -> tuple[PeriodForm, date, date]:
    today = warsaw_today()
    default_start, default_end = date(today.year, 1, 1), date(today.year, 12, 31)
    form = PeriodForm(request.GET or None, initial={"start": default_start, "end": default_end})
    if request.GET and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, default_start, default_end


@login_required
@centre_required
@require_GET
def contribution(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Wycena pracy wolontariuszy": confirmed hours in a period × the hour value = the personal contribution."""
    host = host_get_for(centre=request.centre, user=request.user, pk=pk)
    require(can_manage_host(request.user, host))
    form, start, end = _period(request)
    rows, hours, value = contribution_of(
        centre=request.centre, host=host, start=start, end=end, personal=True
    )
    if request.GET.get("format") == "csv" and not form.errors:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([_("Wolontariusz"), _("Oferta"), _("Godziny"), _("Wartość (zł)")])
        for row in rows:
            writer.writerow(
                [row.volunteer, row.offer, str(row.hours).replace(".", ","), str(row.value).replace(".", ",")]
            )
        writer.writerow([_("Razem"), "", str(hours).replace(".", ","), str(value).replace(".", ",")])
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        name = f"wklad-osobowy-{host.pk}-{start.isoformat()}-{end.isoformat()}.csv"
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
        return response
    return render(
        request,
        "volunteers/contribution.html",
        {
            "host": host,
            "form": form,
            "rows": rows,
            "hours": hours,
            "value": value,
            "start": start,
            "end": end,
            "hour_value": request.centre_settings["volunteers.hour_value"],
        },
        status=400 if form.errors else 200,
    )
