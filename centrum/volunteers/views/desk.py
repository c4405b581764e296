"""Staff pages: offers to moderate, the coordinator's volunteers (personal data) with a minor's guardian's
consent, public bodies as hosts, statistics with their export, the pages on volunteering abroad."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.accounts.selectors import active_users_by_email
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.exports import table_response
from centrum.core.pagination import paginate
from centrum.core.views import centre_required
from centrum.core.workflow.views import workflow_action_items

from ..choices import OfferStatus
from ..forms import AbroadPageForm, GuardianConsentForm, PublicBodyForm
from ..permissions import is_coordinator
from ..selectors import (
    abroad_page_get,
    agreements_of_volunteer,
    applications_of_volunteer,
    offers_for_desk,
    offers_ranked_for,
    offers_to_moderate,
    public_bodies,
    public_body_get,
    statistics,
    volunteer_get_for,
    volunteers_for_desk,
)
from ..services import abroad_page_save, guardian_consent_record, public_body_save
from ..workflows import OFFER_STATUS
from .common import coordinator_only, form_error, staff_only


@login_required
@centre_required
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    staff_only(request)
    status = request.GET.get("stan", "")
    if status not in OfferStatus.values:
        status = ""
    moderation = list(offers_to_moderate(centre=request.centre))
    return render(
        request,
        "volunteers/desk.html",
        {
            "moderation": [
                (
                    offer,
                    workflow_action_items(
                        offer, request.user, workflow=OFFER_STATUS, url_name="volunteers:offer_action"
                    ),
                )
                for offer in moderation
            ],
            "page": paginate(request, offers_for_desk(centre=request.centre, status=status), per_page=30),
            "status": status,
            "statuses": OfferStatus.choices,
            "bodies": list(public_bodies(centre=request.centre)),
            "coordinator": is_coordinator(request.user, request.centre),
            "volunteers": paginate(
                request,
                volunteers_for_desk(centre=request.centre, user=request.user),
                per_page=30,
                param="wolontariusze",
            ),
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def volunteer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    coordinator_only(request)
    volunteer = volunteer_get_for(centre=request.centre, user=request.user, pk=pk)
    form = GuardianConsentForm(
        request.POST or None,
        request.FILES or None,
        initial={"guardian_name": volunteer.guardian_name, "guardian_contact": volunteer.guardian_contact},
    )
    if request.method == "POST" and form.is_valid():
        try:
            guardian_consent_record(volunteer=volunteer, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Zapisano zgodę opiekuna."))
            return redirect("volunteers:volunteer", pk=volunteer.pk)
    today = warsaw_today()
    return render(
        request,
        "volunteers/volunteer_detail.html",
        {
            "volunteer": volunteer,
            "age": volunteer.age_on(today),
            "minor": volunteer.age_on(today) < request.centre_settings["volunteers.adult_age"],
            "form": form,
            "ranked": offers_ranked_for(centre=request.centre, volunteer=volunteer, limit=10),
            "applications": applications_of_volunteer(centre=request.centre, volunteer=volunteer),
            "agreements": agreements_of_volunteer(centre=request.centre, volunteer=volunteer),
        },
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_GET
def consent_file(request: HttpRequest, pk: int) -> HttpResponse:
    coordinator_only(request)
    volunteer = volunteer_get_for(centre=request.centre, user=request.user, pk=pk)
    if not volunteer.guardian_consent_file:
        raise Http404
    name = volunteer.guardian_consent_file.name.rsplit("/", 1)[-1]
    return FileResponse(volunteer.guardian_consent_file.open("rb"), as_attachment=True, filename=name)


def _managers(centre, emails: list[str]):
    found, missing = active_users_by_email(emails)
    if missing:
        raise ApplicationError(
            _("Nie ma konta o adresie: %(emails)s – ta osoba musi najpierw założyć konto.")
            % {"emails": ", ".join(sorted(missing))},
            field="managers",
        )
    return found


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def body_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    staff_only(request)
    host = None
    initial = {}
    if pk is not None:
        host = public_body_get(centre=request.centre, pk=pk)
        initial = {
            "name": host.name,
            "body_kind": host.body_kind,
            "address": host.address,
            "email": host.email,
            "phone": host.phone,
            "managers": ", ".join(host.managers.values_list("email", flat=True)),
        }
    form = PublicBodyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            managers = _managers(request.centre, form.manager_emails())
            public_body_save(
                centre=request.centre,
                actor=request.user,
                data=form.cleaned_data,
                managers=managers,
                host=host,
            )
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Zapisano instytucję."))
            return redirect("volunteers:desk")
    return render(
        request, "volunteers/body_form.html", {"form": form, "host": host}, status=400 if form.errors else 200
    )


def _year(request) -> int:
    try:
        year = int(request.GET.get("rok", ""))
    except ValueError:
        return warsaw_today().year
    return year if 2000 <= year <= 2100 else warsaw_today().year


@login_required
@centre_required
@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    staff_only(request)
    return render(
        request, "volunteers/stats.html", {"stats": statistics(centre=request.centre, year=_year(request))}
    )


@login_required
@centre_required
@require_GET
def stats_export(request: HttpRequest, fmt: str) -> HttpResponse:
    staff_only(request)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    data = statistics(centre=request.centre, year=_year(request))

    def lines():
        yield [_("Wskaźnik"), _("Wartość")]
        yield [_("Wolontariusze"), data["volunteers"]]
        yield [_("Oferty"), data["offers"]]
        yield [_("Zgłoszenia"), data["applications"]]
        yield [_("Dopasowania (przyjęte zgłoszenia)"), data["matches"]]
        yield [_("Porozumienia"), data["agreements"]]
        for month, hours in data["by_month"]:
            yield [
                _("Godziny potwierdzone – %(year)s-%(month)02d") % {"year": data["year"], "month": month},
                hours,
            ]
        for code, name, hours in data["by_field"]:
            yield [
                _("Godziny potwierdzone – %(field)s")
                % {"field": f"{code}) {name}" if code else _("bez dziedziny")},
                hours,
            ]

    return table_response(
        lines(), fmt=fmt, filename=f"wolontariat-{request.centre.slug}-{data['year']}", title="wolontariat"
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def abroad_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    staff_only(request)
    page = abroad_page_get(centre=request.centre, pk=pk) if pk is not None else None
    form = AbroadPageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        try:
            page = abroad_page_save(
                centre=request.centre, actor=request.user, data=form.cleaned_data, page=page
            )
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Zapisano stronę."))
            return redirect("volunteers:abroad_detail", pk=page.pk)
    return render(
        request,
        "volunteers/abroad_form.html",
        {"form": form, "page": page},
        status=400 if form.errors else 200,
    )
