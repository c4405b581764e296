"""Public pages: the list of offers (filters and search), an offer, volunteering abroad."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from centrum.core.pagination import paginate
from centrum.core.views import centre_required
from centrum.core.workflow.views import workflow_action_items

from ..forms import ApplyForm, OfferFilterForm
from ..permissions import can_introduce, can_manage_host, can_work_in_centre
from ..selectors import (
    OfferFilters,
    abroad_page_get_for,
    abroad_pages,
    applications_for_offer,
    offer_get_for,
    offer_list_public,
    volunteer_of,
    volunteers_suggested_for,
)
from ..workflows import OFFER_STATUS


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    form = OfferFilterForm(request.GET or None, centre=request.centre)
    filters = OfferFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = OfferFilters(
            area=data["area"].pk if data["area"] else None,
            district=data["district"].pk if data["district"] else None,
            kind=data["kind"],
            minors=data["minors"],
            q=data["q"],
        )
    page = paginate(request, offer_list_public(centre=request.centre, filters=filters), per_page=20)
    return render(
        request,
        "volunteers/index.html",
        {
            "form": form,
            "page": page,
            "volunteer": volunteer_of(centre=request.centre, user=request.user),
            "staff": can_work_in_centre(request.user, request.centre),
        },
    )


@centre_required
@require_GET
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_get_for(centre=request.centre, user=request.user, pk=pk)
    manages = can_manage_host(request.user, offer.host)
    staff = can_work_in_centre(request.user, request.centre)
    volunteer = volunteer_of(centre=request.centre, user=request.user)
    suggested = []
    if (manages or can_introduce(request.user, request.centre)) and offer.status == "published":
        suggested = volunteers_suggested_for(centre=request.centre, offer=offer)
    return render(
        request,
        "volunteers/offer_detail.html",
        {
            "offer": offer,
            "shifts": list(offer.shifts.all()),
            "manages": manages,
            "staff": staff,
            "volunteer": volunteer,
            "apply_form": ApplyForm(offer=offer) if volunteer and offer.status == "published" else None,
            "applications": applications_for_offer(centre=request.centre, offer=offer) if manages else [],
            "suggested": suggested,
            "introduce": can_introduce(request.user, request.centre),
            "actions": workflow_action_items(
                offer, request.user, workflow=OFFER_STATUS, url_name="volunteers:offer_action"
            ),
        },
    )


@centre_required
@require_GET
def abroad(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "volunteers/abroad.html",
        {
            "pages": list(abroad_pages(centre=request.centre, user=request.user)),
            "staff": can_work_in_centre(request.user, request.centre),
        },
    )


@centre_required
@require_GET
def abroad_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = abroad_page_get_for(centre=request.centre, user=request.user, pk=pk)
    return render(
        request,
        "volunteers/abroad_detail.html",
        {"page": page, "staff": can_work_in_centre(request.user, request.centre)},
    )
