"""Funding calls: the public list draws every registered source (calls staff enter here, the grants
module's open competitions, …), filtered by field of activity; past deadlines are never shown."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.calendar import warsaw_today
from centrum.core.pagination import paginate
from centrum.core.views import centre_required, staff_required

from ..forms import CallFilterForm, FundingCallForm
from ..permissions import can_edit_knowledge
from ..selectors import all_funding_calls, funding_call_get, funding_call_list_for_staff
from ..services import CALL_FIELDS, funding_call_create, funding_call_update
from .common import form_page, per_page


@centre_required
@require_GET
def call_list(request: HttpRequest) -> HttpResponse:
    form = CallFilterForm(request.GET or None)
    field = form.cleaned_data.get("sfera", "") if form.is_valid() else ""
    entries = all_funding_calls(
        centre=request.centre,
        today=warsaw_today(),
        field=field,
        settings=getattr(request, "centre_settings", None),
    )
    page = paginate(request, entries, per_page=per_page(request))
    return render(
        request,
        "knowledge/call_list.html",
        {"form": form, "page": page, "editor": can_edit_knowledge(request.user, request.centre)},
    )


@centre_required
@require_GET
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = funding_call_get(centre=request.centre, pk=pk)
    editor = can_edit_knowledge(request.user, request.centre)
    if call.deadline < warsaw_today() and not editor:
        raise Http404  # a call past its deadline leaves the public site
    return render(request, "knowledge/call_detail.html", {"call": call, "editor": editor})


@staff_required
@require_GET
def call_desk(request: HttpRequest) -> HttpResponse:
    page = paginate(request, funding_call_list_for_staff(centre=request.centre), per_page=per_page(request))
    return render(request, "knowledge/call_desk.html", {"page": page, "today": warsaw_today()})


@staff_required
@require_http_methods(["GET", "POST"])
def call_new(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        FundingCallForm(request.POST or None),
        lambda data: funding_call_create(
            centre=request.centre, actor=request.user, data=data, fields=data["areas"]
        ),
        template="knowledge/call_form.html",
        message=_("Dodano nabór."),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def call_edit(request: HttpRequest, pk: int) -> HttpResponse:
    call = funding_call_get(centre=request.centre, pk=pk)
    initial = {field: getattr(call, field) for field in CALL_FIELDS}
    initial["areas"] = list(call.fields.all())
    return form_page(
        request,
        FundingCallForm(request.POST or None, initial=initial),
        lambda data: funding_call_update(call=call, actor=request.user, data=data, fields=data["areas"]),
        template="knowledge/call_form.html",
        context={"call": call},
        message=_("Zapisano zmiany."),
    )
