"""A meeting: date and place (a room booked through spaces or an outside address), agenda, documents,
attendance with the quorum, minutes approved at a later meeting."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.uploads import download_name, stored_file_response
from centrum.core.views import centre_required

from ..forms import AttendanceForm, DocumentForm, MeetingForm, MinutesForm
from ..selectors import (
    body_get_for,
    current_member_rows,
    meeting_document_get_for,
    meeting_get_for,
    meetings_after,
    members_on_meeting_day,
    rooms_for_meetings,
)
from ..services import meeting_attendance, meeting_document_add, meeting_minutes, meeting_save
from ..services.meetings import quorum_of
from .common import apply_form, form_page, is_manager, manager_required


def _page(request, meeting, *, forms=None, status=200) -> HttpResponse:
    forms = forms or {}
    manager = is_manager(request)
    present = list(meeting.present.order_by("person_name", "id"))
    members = current_member_rows(meeting.body, meeting.starts_at.date())
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "manager": manager,
        "present": present,
        "quorum": quorum_of(meeting, len(present), len(members)),
        "documents": list(meeting.documents.order_by("created_at", "id")),
        "approves": list(meeting.approved_minutes.order_by("starts_at", "id")),
    }
    if manager:
        context["attendance_form"] = forms.get("attendance") or AttendanceForm(
            members=members_on_meeting_day(meeting), initial={"present": [m.pk for m in present]}, prefix="a"
        )
        context["minutes_form"] = forms.get("minutes") or MinutesForm(
            later_meetings=meetings_after(meeting),
            initial={"minutes": meeting.minutes, "approved_at": meeting.minutes_approved_at_id},
            prefix="p",
        )
        context["document_form"] = forms.get("document") or DocumentForm(prefix="d")
    return render(request, "councils/meeting.html", context, status=status)


@centre_required
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, meeting_get_for(centre=request.centre, pk=pk))


def _meeting_form(request, *, body, meeting=None) -> HttpResponse:
    initial = MeetingForm.initial_for(meeting) if meeting else None
    form = MeetingForm(request.POST or None, rooms=rooms_for_meetings(centre=request.centre), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = meeting_save(body=body, actor=request.user, data=form.service_data(), meeting=meeting)
        except ApplicationError as exc:
            add_application_error(form, exc, default_field="day")
        else:
            messages.success(request, _("Zapisano posiedzenie."))
            return redirect(saved)
    return form_page(
        request,
        form=form,
        title=_("Posiedzenie: %(name)s") % {"name": body.name},
        back_url=meeting.get_absolute_url() if meeting else body.get_absolute_url(),
        back_label=str(meeting) if meeting else body.name,
        submit=_("Zapisz"),
    )


@manager_required
@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest, pk: int) -> HttpResponse:
    return _meeting_form(request, body=body_get_for(centre=request.centre, pk=pk))


@manager_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_get_for(centre=request.centre, pk=pk)
    return _meeting_form(request, body=meeting.body, meeting=meeting)


@manager_required
@require_POST
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_get_for(centre=request.centre, pk=pk)
    form = AttendanceForm(request.POST, members=members_on_meeting_day(meeting), prefix="a")
    result = {}

    def save(data):
        result.update(
            meeting_attendance(
                meeting=meeting, actor=request.user, member_ids=[m.pk for m in data["present"]]
            )
        )

    if apply_form(request, form, save):
        if result["reached"]:
            messages.success(request, _("Zapisano obecność – kworum jest."))
        else:
            messages.warning(request, _("Zapisano obecność – brak kworum."))
        return redirect(meeting)
    return _page(request, meeting, forms={"attendance": form}, status=400)


@manager_required
@require_POST
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_get_for(centre=request.centre, pk=pk)
    form = MinutesForm(request.POST, request.FILES, later_meetings=meetings_after(meeting), prefix="p")

    def save(data):
        meeting_minutes(
            meeting=meeting,
            actor=request.user,
            minutes=data["minutes"],
            minutes_file=data.get("minutes_file"),
            approved_at=data.get("approved_at"),
        )

    if apply_form(request, form, save, done=_("Zapisano protokół.")):
        return redirect(meeting)
    return _page(request, meeting, forms={"minutes": form}, status=400)


@manager_required
@require_POST
def document_new(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_get_for(centre=request.centre, pk=pk)
    form = DocumentForm(request.POST, request.FILES, prefix="d")
    add = lambda data: meeting_document_add(meeting=meeting, actor=request.user, **data)  # noqa: E731
    if apply_form(request, form, add, done=_("Dodano dokument.")):
        return redirect(meeting)
    return _page(request, meeting, forms={"document": form}, status=400)


@centre_required
@require_GET
def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting's document, sent by this view (the meeting's page is public): uploads are never reached by
    their storage address."""
    document = meeting_document_get_for(centre=request.centre, pk=pk)
    return stored_file_response(document.file, filename=download_name(document.file, document.title))


@centre_required
@require_GET
def minutes_file(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_get_for(centre=request.centre, pk=pk)
    if not meeting.minutes_file:
        raise Http404
    title = _("Protokół %(body)s %(day)s") % {
        "body": meeting.body.name,
        "day": f"{meeting.starts_at:%Y-%m-%d}",
    }
    return stored_file_response(meeting.minutes_file, filename=download_name(meeting.minutes_file, title))
