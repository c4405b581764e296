"""An election's page: organisations nominate and vote, the official appoints, closes and publishes."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.views import centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import ElectionStatus, Selection
from ..forms import ElectionForm, NominationForm, VoteForm
from ..permissions import nominations_open, voting_open
from ..selectors import (
    acting_organisations,
    body_get_for,
    candidate_get_for,
    candidates_of,
    election_get_for,
    voted_organisation_ids,
)
from ..services import candidate_appoint, candidate_nominate, election_create, vote_cast
from ..workflows import ELECTION_STATUS
from .common import apply_form, form_page, is_manager, manager_required


def _page(request, election, *, nomination_form=None, vote_form=None, status=200) -> HttpResponse:
    candidates = candidates_of(election)
    admin_orgs = list(acting_organisations(centre=request.centre, user=request.user, admin=True))
    context = {
        "election": election,
        "body": election.body,
        "candidates": candidates,
        "manager": is_manager(request),
        "show_votes": election.status != ElectionStatus.OPEN,
        "nominations_open": nominations_open(election),
        "voting_open": voting_open(election),
        "workflow_actions": workflow_action_items(
            election, request.user, workflow=ELECTION_STATUS, url_name="councils:election_action"
        ),
    }
    if admin_orgs and context["nominations_open"]:
        nominated = {c.organisation_id for c in candidates}
        free = [o for o in admin_orgs if o.pk not in nominated]
        if free:
            context["nomination_form"] = nomination_form or NominationForm(
                organisations=acting_organisations(
                    centre=request.centre, user=request.user, admin=True
                ).exclude(pk__in=nominated)
            )
    if admin_orgs and context["voting_open"] and election.selection == Selection.ELECTION and candidates:
        voted = voted_organisation_ids(election, admin_orgs)
        context["voted"] = [o for o in admin_orgs if o.pk in voted]
        if len(voted) < len(admin_orgs):
            context["vote_form"] = vote_form or VoteForm(
                organisations=acting_organisations(
                    centre=request.centre, user=request.user, admin=True
                ).exclude(pk__in=voted),
                candidates=election.candidates.order_by("created_at", "id"),
            )
    return render(request, "councils/election.html", context, status=status)


@centre_required
@require_GET
def election_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, election_get_for(centre=request.centre, pk=pk))


@manager_required
@require_http_methods(["GET", "POST"])
def election_new(request: HttpRequest, pk: int) -> HttpResponse:
    body = body_get_for(centre=request.centre, pk=pk)
    form = ElectionForm(request.POST or None, initial={"seats": body.ngo_seats or None})
    if body.kind.selection == Selection.APPOINTMENT:
        for name in ("voting_from_day", "voting_until_day"):
            form.fields.pop(name)
    if request.method == "POST" and form.is_valid():
        try:
            election = election_create(body=body, actor=request.user, data=form.service_data())
        except ApplicationError as exc:
            add_application_error(form, exc, default_field="nominations_day")
        else:
            messages.success(request, _("Ogłoszono wybory."))
            return redirect(election)
    return form_page(
        request,
        form=form,
        title=_("Wybór członków z organizacji: %(name)s") % {"name": body.name},
        back_url=body.get_absolute_url(),
        back_label=body.name,
        submit=_("Ogłoś"),
    )


_FIELD_MAP = {
    "voting_from": "voting_from_day",
    "voting_until": "voting_until_day",
    "nominations_until": "nominations_day",
}


@centre_required
@require_POST
def nominate(request: HttpRequest, pk: int) -> HttpResponse:
    election = election_get_for(centre=request.centre, pk=pk)
    form = NominationForm(
        request.POST, organisations=acting_organisations(centre=request.centre, user=request.user, admin=True)
    )
    nominate = lambda data: candidate_nominate(election=election, actor=request.user, **data)  # noqa: E731
    if apply_form(request, form, nominate, done=_("Zgłoszono kandydata.")):
        return redirect(election)
    return _page(request, election, nomination_form=form, status=400)


@centre_required
@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    election = election_get_for(centre=request.centre, pk=pk)
    form = VoteForm(
        request.POST,
        organisations=acting_organisations(centre=request.centre, user=request.user, admin=True),
        candidates=election.candidates.all(),
    )
    cast = lambda data: vote_cast(election=election, actor=request.user, **data)  # noqa: E731
    if apply_form(request, form, cast, done=_("Głos oddany. Dziękujemy.")):
        return redirect(election)
    return _page(request, election, vote_form=form, status=400)


@manager_required
@require_POST
def appoint(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = candidate_get_for(centre=request.centre, pk=pk)
    try:
        candidate_appoint(candidate=candidate, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Zapisano powołanie."))
    return redirect(candidate.election)


class ElectionActionView(WorkflowActionView):
    workflow = ELECTION_STATUS

    def load(self, request, pk):
        return election_get_for(centre=request.centre, pk=pk)

    def success_url(self, request, obj):
        return obj.get_absolute_url()


election_action = centre_required(ElectionActionView.as_view())
