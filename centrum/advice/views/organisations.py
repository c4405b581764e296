"""Work for organisations over time: assignments (ongoing services and caretakers) with their log, and the
caretaker's own page of "their" organisations with each one's support history and coming deadlines."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.pagination import paginate
from centrum.core.views import centre_permission_required
from centrum.organisations.sections import support_deadlines, support_sections_for
from centrum.organisations.selectors import organisation_get

from ..forms import AssignmentForm, EntryForm
from ..permissions import (
    can_log_assignment,
    can_manage_advice,
    can_see_confidential,
    can_view_caretaken,
    can_work_in_advice,
)
from ..selectors import (
    assignable_organisations,
    assignment_get_for,
    assignment_list_for,
    caretaken_organisations,
    entry_list_for_assignment,
    is_caretaker_of,
)
from ..services import assignment_create, assignment_end, assignment_entry_create
from .common import submit

desk_required = centre_permission_required(can_work_in_advice)
manage_required = centre_permission_required(can_manage_advice)
caretaker_required = centre_permission_required(can_view_caretaken)


@desk_required
@require_GET
def assignment_list(request: HttpRequest) -> HttpResponse:
    assignments = assignment_list_for(centre=request.centre, user=request.user).order_by(
        "organisation__name", "-starts_on", "id"
    )
    return render(
        request,
        "advice/assignment_list.html",
        {
            "page": paginate(request, assignments, per_page=30),
            "can_manage": can_manage_advice(request.user, request.centre),
            "today": warsaw_today(),
        },
    )


@manage_required
@require_http_methods(["GET", "POST"])
def assignment_new(request: HttpRequest) -> HttpResponse:
    centre = request.centre
    initial = {"starts_on": warsaw_today()}
    if request.GET.get("organizacja", "").isdigit():
        initial["organisation"] = int(request.GET["organizacja"])
    form = AssignmentForm(
        request.POST or None,
        centre=centre,
        organisations=assignable_organisations(centre=centre),
        initial=initial,
    )
    perform = lambda data: assignment_create(centre=centre, actor=request.user, **data)  # noqa: E731
    assignment = submit(request, form, perform, _("Przydział zapisany."))
    if assignment is not None:
        return redirect(assignment)
    status = 400 if form.errors else 200
    return render(request, "advice/assignment_form.html", {"form": form}, status=status)


def _assignment_page(request, assignment, *, form=None, status=200):
    centre = request.centre
    loggable = can_log_assignment(request.user, assignment)
    return render(
        request,
        "advice/assignment_detail.html",
        {
            "assignment": assignment,
            "entries": entry_list_for_assignment(centre=centre, assignment=assignment),
            "confidential": can_see_confidential(request.user, centre),
            "form": form
            or (
                EntryForm(
                    centre=centre,
                    confidential=can_see_confidential(request.user, centre),
                    initial={
                        "held_on": warsaw_today(),
                        "domain": assignment.domain_id,
                        "duration_minutes": 60,
                    },
                )
                if loggable
                else None
            ),
            "can_manage": can_manage_advice(request.user, centre),
        },
        status=status,
    )


@desk_required
@require_GET
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = assignment_get_for(centre=request.centre, user=request.user, pk=pk)
    return _assignment_page(request, assignment)


@desk_required
@require_POST
def assignment_entry_new(request: HttpRequest, pk: int) -> HttpResponse:
    centre = request.centre
    assignment = assignment_get_for(centre=centre, user=request.user, pk=pk)
    if not can_log_assignment(request.user, assignment):
        raise PermissionDenied
    form = EntryForm(request.POST, centre=centre, confidential=can_see_confidential(request.user, centre))
    perform = lambda data: assignment_entry_create(assignment=assignment, actor=request.user, **data)  # noqa: E731
    if submit(request, form, perform, _("Wpis dodany.")):
        return redirect(assignment)
    return _assignment_page(request, assignment, form=form, status=400)


@manage_required
@require_POST
def assignment_finish(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = assignment_get_for(centre=request.centre, user=request.user, pk=pk)
    try:
        assignment_end(assignment=assignment, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Przydział zakończony."))
    return redirect(assignment)


@caretaker_required
@require_GET
def caretaker(request: HttpRequest) -> HttpResponse:
    """The caretaker's organisations with their coming deadlines."""
    centre, today = request.centre, warsaw_today()
    organisations = caretaken_organisations(centre=centre, user=request.user)
    horizon = today + timedelta(days=centre_setting(centre, "advice.caretaker_deadline_days"))
    deadlines = support_deadlines(
        centre=centre, organisation_ids=[o.pk for o in organisations], start=today, end=horizon
    )
    by_organisation: dict[int, list] = {}
    for deadline in deadlines:
        by_organisation.setdefault(deadline.organisation_id, []).append(deadline)
    rows = [{"organisation": o, "deadlines": by_organisation.get(o.pk, [])} for o in organisations]
    return render(request, "advice/caretaker.html", {"rows": rows, "horizon": horizon})


@caretaker_required
@require_GET
def caretaker_organisation(request: HttpRequest, pk: int) -> HttpResponse:
    """One of the caretaker's organisations: its support history from every service (404 for others)."""
    centre = request.centre
    organisation = organisation_get(centre=centre, pk=pk)
    if not is_caretaker_of(centre=centre, user=request.user, organisation=organisation):
        raise Http404
    today = warsaw_today()
    horizon = today + timedelta(days=centre_setting(centre, "advice.caretaker_deadline_days"))
    return render(
        request,
        "advice/caretaker_organisation.html",
        {
            "organisation": organisation,
            "support_sections": support_sections_for(request, organisation),
            "deadlines": support_deadlines(
                centre=centre, organisation_ids=[organisation.pk], start=today, end=horizon
            ),
        },
    )
