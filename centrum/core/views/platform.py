"""Platform administration (platform host only, platform admins only): centres, their hosts, first staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..exceptions import ApplicationError
from ..forms import CentreActiveForm, CentreForm, CentreSearchForm, StaffAppointForm, add_application_error
from ..models import Centre
from ..pagination import paginate
from ..permissions import is_platform_admin
from ..roles import STAFF, role_backend
from ..scopes import platform_scope
from ..selectors import centre_hosts, centre_list_for_platform
from ..services import CENTRE_FIELDS, centre_create, centre_set_active, centre_staff_appoint, centre_update


def platform_admin_required(view):
    """Platform host and platform admin: anonymous users log in, others get 403, centre hosts 404."""

    @login_required
    def wrapper(request: HttpRequest, *args, **kwargs):
        if getattr(request, "centre", None) is not None:
            raise Http404
        if not is_platform_admin(request.user):
            raise PermissionDenied
        with platform_scope(f"platform page {view.__name__}"):  # reads every centre's rows
            return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


CENTRES_PER_PAGE = 50


def centre_search_page(request: HttpRequest, select) -> dict:
    """The search form, the query and one page of `select(q=…)`: a list of centres never grows with their number."""
    form = CentreSearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    return {"form": form, "q": q, "page": paginate(request, select(q=q), per_page=CENTRES_PER_PAGE)}


@platform_admin_required
def centre_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "core/platform/centre_list.html", centre_search_page(request, centre_list_for_platform)
    )


@platform_admin_required
def centre_new(request: HttpRequest) -> HttpResponse:
    form = CentreForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            centre = centre_create(
                data=form.centre_data(),
                hosts=form.cleaned_data["hosts"],
                modules=form.cleaned_data.get("modules"),
                actor=request.user,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request,
                _("Utworzono centrum „%(name)s”. Wskaż teraz pierwszego pracownika.") % {"name": centre},
            )
            return redirect("platform:centre_detail", pk=centre.pk)
    return render(request, "core/platform/centre_form.html", {"form": form, "edited_centre": None})


@platform_admin_required
def centre_detail(request: HttpRequest, pk: int) -> HttpResponse:
    centre = get_object_or_404(Centre, pk=pk)
    initial = {name: getattr(centre, name) for name in CENTRE_FIELDS}
    initial["hosts"] = "\n".join(centre_hosts(centre=centre))
    form = CentreForm(request.POST or None, initial=initial, creating=False)
    if request.method == "POST" and form.is_valid():
        try:
            centre_update(
                centre=centre, data=form.centre_data(), hosts=form.cleaned_data["hosts"], actor=request.user
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Zapisano dane centrum."))
            return redirect("platform:centre_detail", pk=centre.pk)
    return render(
        request,
        "core/platform/centre_form.html",
        {
            "form": form,
            "edited_centre": centre,
            "staff_form": StaffAppointForm(),
            "active_form": CentreActiveForm(),
            "staff": role_backend().holders(centre, STAFF),
        },
    )


@platform_admin_required
@require_POST
def centre_staff_add(request: HttpRequest, pk: int) -> HttpResponse:
    centre = get_object_or_404(Centre, pk=pk)
    staff_form = StaffAppointForm(request.POST)
    if staff_form.is_valid():
        try:
            user, created = centre_staff_appoint(
                centre=centre,
                email=staff_form.cleaned_data["email"],
                full_name=staff_form.cleaned_data["full_name"],
                actor=request.user,
            )
        except ApplicationError as error:
            add_application_error(staff_form, error)
        else:
            if created:
                text = _("Założono konto %(email)s i wysłano link do ustawienia hasła.")
            else:
                text = _("%(email)s jest teraz pracownikiem centrum; wysłano powiadomienie.")
            messages.success(request, text % {"email": user.email})
            return redirect("platform:centre_detail", pk=centre.pk)
    return _detail_with(request, centre, staff_form=staff_form)


@platform_admin_required
@require_POST
def centre_toggle_active(request: HttpRequest, pk: int) -> HttpResponse:
    centre = get_object_or_404(Centre, pk=pk)
    active_form = CentreActiveForm(request.POST)
    if active_form.is_valid():
        try:
            centre_set_active(
                centre=centre,
                active=not centre.is_active,
                reason=active_form.cleaned_data["reason"],
                actor=request.user,
            )
        except ApplicationError as error:
            add_application_error(active_form, error)
        else:
            if centre.is_active:
                messages.success(request, _("Wyłączono centrum. Jego strony są niedostępne."))
            else:
                messages.success(request, _("Włączono centrum."))
            return redirect("platform:centre_detail", pk=centre.pk)
    return _detail_with(request, centre, active_form=active_form)


def _detail_with(request, centre, *, staff_form=None, active_form=None) -> HttpResponse:
    initial = {name: getattr(centre, name) for name in CENTRE_FIELDS}
    initial["hosts"] = "\n".join(centre_hosts(centre=centre))
    return render(
        request,
        "core/platform/centre_form.html",
        {
            "form": CentreForm(initial=initial, creating=False),
            "edited_centre": centre,
            "staff_form": staff_form or StaffAppointForm(),
            "active_form": active_form or CentreActiveForm(),
            "staff": role_backend().holders(centre, STAFF),
        },
        status=400,
    )
