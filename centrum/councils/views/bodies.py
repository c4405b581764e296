"""The public list of bodies and a body's page; the staff's kinds, bodies, members and resolutions."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.views import centre_required

from ..forms import BodyForm, KindForm, MemberEndForm, MemberForm, ResolutionForm
from ..selectors import (
    active_organisations,
    body_get_for,
    body_list,
    body_page,
    desk,
    kind_get_for,
    kind_list,
    member_get_for,
    opinion_list,
    request_get_for,
)
from ..services import (
    body_create,
    body_update,
    kind_save,
    kinds_add_statutory,
    member_add,
    member_end,
    resolution_add,
)
from .common import apply_form, form_page, is_manager, manager_required


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "councils/index.html",
        {"bodies": list(body_list(centre=request.centre)), "manager": is_manager(request)},
    )


def _body_page(request, body, *, member_form=None, resolution_form=None, status=200) -> HttpResponse:
    manager = is_manager(request)
    context = {"body": body, "manager": manager, **body_page(body=body)}
    if manager:
        context["member_form"] = member_form or MemberForm(
            organisations=active_organisations(centre=request.centre), prefix="m"
        )
        context["resolution_form"] = resolution_form or ResolutionForm(prefix="r")
        context["end_form"] = MemberEndForm(prefix="e")
    return render(request, "councils/body.html", context, status=status)


@centre_required
@require_GET
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _body_page(request, body_get_for(centre=request.centre, pk=pk))


@manager_required
@require_http_methods(["GET", "POST"])
def body_new(request: HttpRequest) -> HttpResponse:
    joint_request = None
    if request.GET.get("wniosek", "").isdigit():
        joint_request = request_get_for(centre=request.centre, pk=int(request.GET["wniosek"]))
    initial = {"kind": joint_request.kind_id} if joint_request else None
    form = BodyForm(request.POST or None, kinds=kind_list(centre=request.centre), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            body = body_create(
                centre=request.centre, actor=request.user, data=form.cleaned_data, joint_request=joint_request
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano „%(name)s”.") % {"name": body.name})
            return redirect(body)
    return form_page(
        request,
        form=form,
        title=_("Nowa rada lub zespół"),
        back_url=reverse("councils:index"),
        back_label=_("Rady i zespoły"),
        submit=_("Zapisz"),
    )


@manager_required
@require_http_methods(["GET", "POST"])
def body_edit(request: HttpRequest, pk: int) -> HttpResponse:
    body = body_get_for(centre=request.centre, pk=pk)
    initial = {name: getattr(body, name) for name in BodyForm.base_fields if name != "kind"} | {
        "kind": body.kind_id
    }
    form = BodyForm(request.POST or None, kinds=kind_list(centre=request.centre), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            body_update(body=body, actor=request.user, data=form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano zmiany."))
            return redirect(body)
    return form_page(
        request,
        form=form,
        title=_("Dane: %(name)s") % {"name": body.name},
        back_url=body.get_absolute_url(),
        back_label=body.name,
        submit=_("Zapisz"),
    )


@manager_required
@require_POST
def member_new(request: HttpRequest, pk: int) -> HttpResponse:
    body = body_get_for(centre=request.centre, pk=pk)
    form = MemberForm(request.POST, organisations=active_organisations(centre=request.centre), prefix="m")
    if apply_form(
        request,
        form,
        lambda data: member_add(body=body, actor=request.user, data=data),
        done=_("Dopisano członka."),
    ):
        return redirect(body)
    return _body_page(request, body, member_form=form, status=400)


@manager_required
@require_POST
def member_end_view(request: HttpRequest, pk: int) -> HttpResponse:
    member = member_get_for(centre=request.centre, pk=pk)
    form = MemberEndForm(request.POST, prefix="e")
    if form.is_valid():
        try:
            member_end(member=member, actor=request.user, to_date=form.cleaned_data["to_date"])
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Zakończono członkostwo."))
    else:
        messages.error(request, _("Podaj poprawną datę końca członkostwa."))
    return redirect(member.body)


@manager_required
@require_POST
def resolution_new(request: HttpRequest, pk: int) -> HttpResponse:
    body = body_get_for(centre=request.centre, pk=pk)
    form = ResolutionForm(request.POST, prefix="r")
    if apply_form(
        request,
        form,
        lambda data: resolution_add(body=body, actor=request.user, data=data),
        done=_("Dodano uchwałę."),
    ):
        return redirect(body)
    return _body_page(request, body, resolution_form=form, status=400)


@manager_required
@require_GET
def kinds(request: HttpRequest) -> HttpResponse:
    return render(request, "councils/kinds.html", {"kinds": list(kind_list(centre=request.centre))})


@manager_required
@require_POST
def kinds_statutory(request: HttpRequest) -> HttpResponse:
    try:
        added = kinds_add_statutory(centre=request.centre, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Dodano rodzaje ustawowe: %(count)s.") % {"count": added})
    return redirect("councils:kinds")


@manager_required
@require_http_methods(["GET", "POST"])
def kind_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    kind = kind_get_for(centre=request.centre, pk=pk) if pk else None
    form = KindForm(request.POST or None, instance=kind)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in KindForm.Meta.fields}
        try:
            kind_save(centre=request.centre, actor=request.user, data=data, kind=kind)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano rodzaj."))
            return redirect("councils:kinds")
    return form_page(
        request,
        form=form,
        title=kind.name if kind else _("Nowy rodzaj ciała"),
        back_url=reverse("councils:kinds"),
        back_label=_("Rodzaje ciał i ich zasady"),
        submit=_("Zapisz"),
    )


@manager_required
@require_GET
def desk_view(request: HttpRequest) -> HttpResponse:
    return render(request, "councils/desk.html", desk(centre=request.centre))


@centre_required
@require_GET
def opinions(request: HttpRequest) -> HttpResponse:
    from centrum.core.pagination import paginate

    page = paginate(request, opinion_list(centre=request.centre), per_page=30)
    return render(request, "councils/opinions.html", {"page": page})
