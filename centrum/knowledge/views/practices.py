"""Good practices: the public list with filters and search, the map of voivodeships (an inline SVG drawn
from our own data, no outside tile service, and the same numbers as a table), a practice's page with its
metryka and attachments, submission by organisations and staff, and the staff's moderation queue."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.antispam import rate_limited
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.permissions import is_centre_staff
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items
from centrum.organisations.selectors import organisation_list_for_user

from ..forms import AttachmentForm, PracticeFilterForm, PracticeForm, PracticeSubmitForm
from ..models import GoodPractice
from ..permissions import can_moderate_practice
from ..search import query_words
from ..selectors import (
    practice_attachment_get,
    practice_get_for,
    practice_list_public,
    practice_list_submitted_by,
    practice_map,
    practice_moderation_queue,
)
from ..services import PRACTICE_FIELDS, practice_attachment_add, practice_submit, practice_update
from ..voivodeships import map_tiles
from ..workflows import PRACTICE_STATUS
from .common import file_response, form_page, per_page, signed_in_centre_page


@centre_required
@require_GET
def practice_list(request: HttpRequest) -> HttpResponse:
    form = PracticeFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    practices = practice_list_public(
        centre=request.centre,
        words=query_words(data.get("q", "")),
        voivodeship=data.get("woj", ""),
        government_kind=data.get("typ", ""),
    )
    if data.get("q") and not query_words(data["q"]):
        practices = practices.none()
    page = paginate(request, practices.only(*LIST_FIELDS), per_page=per_page(request))
    return render(request, "knowledge/practice_list.html", {"form": form, "page": page})


LIST_FIELDS = ("id", "title", "summary", "locality", "voivodeship", "government_kind", "added_on")


@centre_required
@require_GET
def practice_map_page(request: HttpRequest) -> HttpResponse:
    counts = practice_map(centre=request.centre)
    return render(
        request,
        "knowledge/practice_map.html",
        {"counts": counts, "tiles": map_tiles(counts), "total": sum(c["count"] for c in counts)},
    )


@centre_required
@require_GET
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = practice_get_for(centre=request.centre, user=request.user, pk=pk)
    staff = can_moderate_practice(request.user, practice)
    return render(
        request,
        "knowledge/practice_detail.html",
        {
            "practice": practice,
            "attachments": list(practice.attachments.all()),
            "staff": staff,
            "attachment_form": AttachmentForm() if staff else None,
            "workflow_actions": workflow_action_items(
                practice, request.user, workflow=PRACTICE_STATUS, url_name="knowledge:practice_action"
            )
            if staff
            else [],
        },
    )


@centre_required
@require_GET
def practice_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    practice = practice_get_for(centre=request.centre, user=request.user, pk=pk)
    attachment = practice_attachment_get(practice=practice, pk=attachment_pk)
    return file_response(attachment.file, attachment.extension, f"zalacznik-{attachment.pk}")


@staff_required
@require_http_methods(["POST"])
def practice_attachment_new(request: HttpRequest, pk: int) -> HttpResponse:
    practice = practice_get_for(centre=request.centre, user=request.user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            practice_attachment_add(
                practice=practice,
                actor=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dodano załącznik."))
            return redirect(practice)
    return render(
        request,
        "knowledge/practice_detail.html",
        {
            "practice": practice,
            "attachments": list(practice.attachments.all()),
            "staff": True,
            "attachment_form": form,
            "workflow_actions": [],
        },
        status=400,
    )


@signed_in_centre_page
@require_http_methods(["GET", "POST"])
def practice_new(request: HttpRequest) -> HttpResponse:
    staff = is_centre_staff(request.user, request.centre)
    organisations = list(organisation_list_for_user(centre=request.centre, user=request.user))
    if not staff and not organisations:
        raise PermissionDenied
    form = PracticeSubmitForm(
        request.POST or None, request.FILES or None, organisations=organisations, staff=staff
    )
    if request.method == "POST" and form.is_valid():
        limit = request.centre_settings["knowledge.submissions_per_hour"]
        if rate_limited(
            f"knowledge.practice:{request.centre.pk}:{request.user.pk}", limit=limit, window=3600
        ):
            form.add_error(None, _("Za dużo zgłoszeń w krótkim czasie – spróbuj za godzinę."))
        else:
            data = form.cleaned_data
            chosen = next((o for o in organisations if o.pk == data.get("organisation")), None)
            try:
                practice = practice_submit(
                    centre=request.centre,
                    actor=request.user,
                    organisation=chosen,
                    data=data,
                    attachments=[data.get("attachment")],
                )
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(request, _("Dziękujemy! Praktyka czeka na sprawdzenie przez centrum."))
                return redirect(practice)
    mine = practice_list_submitted_by(centre=request.centre, user=request.user)[:20]
    return render(
        request,
        "knowledge/practice_form.html",
        {"form": form, "mine": mine, "new": True},
        status=400 if form.errors else 200,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def practice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = practice_get_for(centre=request.centre, user=request.user, pk=pk)
    initial = {field: getattr(practice, field) for field in PRACTICE_FIELDS}
    return form_page(
        request,
        PracticeForm(request.POST or None, initial=initial),
        lambda data: practice_update(practice=practice, actor=request.user, data=data),
        template="knowledge/practice_form.html",
        context={"practice": practice},
        message=_("Zapisano zmiany."),
    )


@staff_required
@require_GET
def moderation(request: HttpRequest) -> HttpResponse:
    queue = practice_moderation_queue(centre=request.centre)
    page = paginate(request, queue, per_page=per_page(request))
    items = [
        (
            p,
            workflow_action_items(
                p, request.user, workflow=PRACTICE_STATUS, url_name="knowledge:practice_action"
            ),
        )
        for p in page.object_list
    ]
    return render(request, "knowledge/moderation.html", {"page": page, "items": items})


class PracticeActionView(WorkflowActionView):
    workflow = PRACTICE_STATUS

    def load(self, request: HttpRequest, pk: int) -> GoodPractice:
        return practice_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()


practice_action = PracticeActionView.as_view()
