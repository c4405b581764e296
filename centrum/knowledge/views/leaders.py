"""Leaders and activists: opt-in public profiles. The person writes the profile, chooses what is shown,
gives consent (its text and time recorded) and may withdraw it: the profile disappears at once."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.views import centre_required

from ..choices import LeaderField
from ..forms import LeaderForm
from ..selectors import leader_get_for, leader_list_public, leader_of
from ..services import LEADER_CONSENT_TEXT, LEADER_FIELDS, leader_save, leader_withdraw_consent
from .common import per_page, signed_in_centre_page


@centre_required
@require_GET
def leader_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, leader_list_public(centre=request.centre), per_page=per_page(request))
    return render(request, "knowledge/leader_list.html", {"page": page, "fields": LeaderField})


@centre_required
@require_GET
def leader_detail(request: HttpRequest, pk: int) -> HttpResponse:
    leader = leader_get_for(centre=request.centre, user=request.user, pk=pk)
    shown = [(LeaderField(f).label, leader.shown(f)) for f in LeaderField.values if leader.shown(f)]
    return render(request, "knowledge/leader_detail.html", {"leader": leader, "shown": shown})


@signed_in_centre_page
@require_http_methods(["GET", "POST"])
def my_profile(request: HttpRequest) -> HttpResponse:
    leader = leader_of(centre=request.centre, user=request.user)
    initial = {"display_name": request.user.get_full_name()}
    if leader is not None:
        initial = {f: getattr(leader, f) for f in LEADER_FIELDS}
        initial.update(visible_fields=leader.visible_fields, consent=leader.is_public)
    form = LeaderForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            leader = leader_save(
                centre=request.centre,
                actor=request.user,
                data=data,
                visible_fields=data["visible_fields"],
                consent=data["consent"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano profil."))
            return redirect("knowledge:my_profile")
    return render(
        request,
        "knowledge/my_profile.html",
        {"form": form, "leader": leader, "consent_text": LEADER_CONSENT_TEXT},
        status=400 if form.errors else 200,
    )


@signed_in_centre_page
@require_POST
def withdraw_consent(request: HttpRequest) -> HttpResponse:
    leader = leader_of(centre=request.centre, user=request.user)
    if leader is not None:
        leader_withdraw_consent(leader=leader, actor=request.user)
        messages.success(request, _("Wycofano zgodę – Twój profil nie jest już widoczny."))
    return redirect("knowledge:my_profile")
