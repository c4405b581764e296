"""The council's resolution as data: intake calls, criteria and the catalogue of areas."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.views import centre_required

from ..forms import (
    AreaForm,
    CallForm,
    CriterionForm,
    RulesForm,
)
from ..selectors import (
    area_get_for,
    areas_of,
    call_get_for,
    calls_of,
    criteria_of,
    criterion_get_for,
    rules_for,
)
from ..services import (
    area_save,
    call_add,
    call_remove,
    criterion_add,
    criterion_remove,
    rules_save,
)
from .common import _official


# --- the resolution --------------------------------------------------------------------------------------
def _rules_page(request, *, status=200, **forms) -> HttpResponse:
    centre = request.centre
    policy = rules_for(centre=centre)
    return render(
        request,
        "initiatives/rules.html",
        {
            "rules": policy,
            "form": forms.get("form") or RulesForm(instance=policy),
            "call_form": forms.get("call_form") or (CallForm() if policy else None),
            "criterion_form": forms.get("criterion_form") or (CriterionForm() if policy else None),
            "area_form": forms.get("area_form") or AreaForm(prefix="area"),
            "calls": calls_of(centre=centre),
            "criteria": criteria_of(centre=centre),
            "areas": list(areas_of(centre=centre)),
        },
        status=status,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def rules_page(request: HttpRequest) -> HttpResponse:
    _official(request)
    if request.method == "POST":
        form = RulesForm(request.POST, instance=rules_for(centre=request.centre))
        if form.is_valid():
            try:
                rules_save(centre=request.centre, actor=request.user, data=form.cleaned_data)
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(request, _("Zapisano zasady z uchwały rady."))
                return redirect("initiatives:rules")
        return _rules_page(request, form=form, status=400)
    return _rules_page(request)


def _rules_post(request, form_class, form_name: str, service, done: str) -> HttpResponse:
    _official(request)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(centre=request.centre, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, done)
            return redirect("initiatives:rules")
    return _rules_page(request, status=400, **{form_name: form})


@login_required
@centre_required
@require_POST
def call_new(request: HttpRequest) -> HttpResponse:
    return _rules_post(request, CallForm, "call_form", call_add, _("Dodano nabór."))


@login_required
@centre_required
@require_POST
def criterion_new(request: HttpRequest) -> HttpResponse:
    return _rules_post(request, CriterionForm, "criterion_form", criterion_add, _("Dodano kryterium."))


@login_required
@centre_required
@require_POST
def area_new(request: HttpRequest) -> HttpResponse:
    _official(request)
    form = AreaForm(request.POST, prefix="area")
    if form.is_valid():
        try:
            area_save(centre=request.centre, actor=request.user, data=form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dodano obszar do katalogu."))
            return redirect("initiatives:rules")
    return _rules_page(request, area_form=form, status=400)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _official(request)
    area = area_get_for(centre=request.centre, pk=pk)
    form = AreaForm(request.POST or None, instance=area)
    if request.method == "POST" and form.is_valid():
        try:
            area_save(centre=request.centre, actor=request.user, data=form.cleaned_data, area=area)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano obszar."))
            return redirect("initiatives:rules")
    return render(
        request,
        "initiatives/area_form.html",
        {"form": form, "area": area},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_POST
def rules_line_delete(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    _official(request)
    try:
        if kind == "nabor":
            call_remove(call=call_get_for(centre=request.centre, pk=pk), actor=request.user)
        elif kind == "kryterium":
            criterion_remove(criterion=criterion_get_for(centre=request.centre, pk=pk), actor=request.user)
        else:
            raise Http404
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Usunięto."))
    return redirect("initiatives:rules")
