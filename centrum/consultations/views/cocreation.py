"""Co-creation before the draft: calls for proposals, organisations' proposals, thematic teams, their draft."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.views import centre_required

from ..forms import CallForm, DraftFromTeamForm, ProposalForm, TeamForm
from ..permissions import can_manage_consultations
from ..selectors import (
    call_get_for,
    call_proposals,
    call_teams,
    calls_for,
    kinds_for,
    organisations_acting_for,
    proposal_get_for,
    team_get_for,
)
from ..services import call_save, proposal_accept, proposal_submit, team_produce_draft, team_save
from .common import require_officer


@centre_required
@require_GET
def calls(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "consultations/calls.html",
        {
            "calls": calls_for(centre=request.centre),
            "officer": can_manage_consultations(request.user, request.centre),
            "today": warsaw_today(),
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def call_new(request: HttpRequest) -> HttpResponse:
    require_officer(request)
    form = CallForm(request.POST or None, kinds=kinds_for(centre=request.centre, active_only=True))
    if request.method == "POST" and form.is_valid():
        try:
            call = call_save(centre=request.centre, actor=request.user, data=form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            return redirect(call)
    return render(request, "consultations/call_form.html", {"form": form}, status=400 if form.errors else 200)


def _call_page(
    request, call, *, proposal_form=None, team_form=None, draft_form=None, draft_team=None, status=200
):
    officer = can_manage_consultations(request.user, request.centre)
    organisations = organisations_acting_for(centre=request.centre, user=request.user)
    open_now = warsaw_today() <= call.ends_on
    if proposal_form is None and open_now and organisations.exists():
        proposal_form = ProposalForm(organisations=organisations)
    return render(
        request,
        "consultations/call.html",
        {
            "call": call,
            "officer": officer,
            "open_now": open_now,
            "proposals": call_proposals(call) if officer else [],
            "teams": [
                (
                    team,
                    (
                        draft_form
                        if draft_team == team.pk
                        else DraftFromTeamForm(auto_id=f"id_team{team.pk}_%s")
                    )
                    if officer
                    else None,
                )
                for team in call_teams(call)
            ],
            "proposal_form": proposal_form,
            "team_form": (team_form or TeamForm()) if officer else None,
        },
        status=status,
    )


@centre_required
@require_GET
def call(request: HttpRequest, pk: int) -> HttpResponse:
    return _call_page(request, call_get_for(centre=request.centre, user=request.user, pk=pk))


@login_required
@centre_required
@require_POST
def proposal_new(request: HttpRequest, pk: int) -> HttpResponse:
    found = call_get_for(centre=request.centre, user=request.user, pk=pk)
    form = ProposalForm(
        request.POST, organisations=organisations_acting_for(centre=request.centre, user=request.user)
    )
    if form.is_valid():
        try:
            proposal_submit(call=found, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dziękujemy, propozycja została zgłoszona."))
            return redirect(found)
    return _call_page(request, found, proposal_form=form, status=400)


@login_required
@centre_required
@require_POST
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    require_officer(request)
    proposal = proposal_get_for(centre=request.centre, user=request.user, pk=pk)
    try:
        proposal_accept(proposal=proposal, actor=request.user, accepted=request.POST.get("accepted") == "1")
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(proposal.call)


@login_required
@centre_required
@require_POST
def team_new(request: HttpRequest, pk: int) -> HttpResponse:
    require_officer(request)
    found = call_get_for(centre=request.centre, user=request.user, pk=pk)
    form = TeamForm(request.POST)
    if form.is_valid():
        try:
            team_save(call=found, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            return redirect(found)
    return _call_page(request, found, team_form=form, status=400)


@login_required
@centre_required
@require_POST
def team_draft(request: HttpRequest, pk: int) -> HttpResponse:
    require_officer(request)
    team = team_get_for(centre=request.centre, user=request.user, pk=pk)
    form = DraftFromTeamForm(request.POST, auto_id=f"id_team{team.pk}_%s")
    if form.is_valid():
        try:
            consultation = team_produce_draft(team=team, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zespół przygotował projekt – sprawdź go przed konsultacjami."))
            return redirect("consultations:units", consultation.pk)
    return _call_page(request, team.call, draft_form=form, draft_team=team.pk, status=400)
