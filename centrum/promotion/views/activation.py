"""Public bodies' activation offers (labour office, social welfare centre): the public list and page,
staff's entry, edit and removal."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.views import centre_required, staff_required

from ..forms import ActivationFilterForm, ActivationOfferForm
from ..permissions import can_manage_activation_offers
from ..selectors import activation_offer_get, activation_offer_list
from ..services import (
    ACTIVATION_FIELDS,
    activation_offer_create,
    activation_offer_delete,
    activation_offer_update,
)
from .common import page_of, posted, save_or_show


@centre_required
@require_GET
def activation_list(request: HttpRequest) -> HttpResponse:
    form = ActivationFilterForm(request.GET or None)
    page = page_of(request, activation_offer_list(centre=request.centre, **form.filters()))
    return render(
        request,
        "promotion/activation_list.html",
        {"form": form, "page": page, "is_staff": can_manage_activation_offers(request.user, request.centre)},
    )


@centre_required
@require_GET
def activation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = activation_offer_get(centre=request.centre, pk=pk)
    return render(
        request,
        "promotion/activation_detail.html",
        {"offer": offer, "is_staff": can_manage_activation_offers(request.user, request.centre)},
    )


@centre_required
@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def activation_new(request: HttpRequest) -> HttpResponse:
    form = ActivationOfferForm(*posted(request))
    return save_or_show(
        request,
        form,
        save=lambda: activation_offer_create(
            centre=request.centre, actor=request.user, data=form.cleaned_data
        ),
        done=_("Dodano ofertę."),
        template="promotion/activation_form.html",
        context={"offer": None},
    )


@centre_required
@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def activation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = activation_offer_get(centre=request.centre, pk=pk)
    form = ActivationOfferForm(
        *posted(request), initial={name: getattr(offer, name) for name in ACTIVATION_FIELDS}
    )
    return save_or_show(
        request,
        form,
        save=lambda: activation_offer_update(offer=offer, actor=request.user, data=form.cleaned_data),
        done=_("Zapisano ofertę."),
        template="promotion/activation_form.html",
        context={"offer": offer},
    )


@centre_required
@staff_required
@require_POST
def activation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    offer = activation_offer_get(centre=request.centre, pk=pk)
    try:
        activation_offer_delete(offer=offer, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(offer)
    messages.success(request, _("Usunięto ofertę."))
    return redirect("promotion:activation_list")
