"""Staff pages: announcements to organisations (write, preview with the recipients count, send or schedule,
the record of who got what) and the list of subscribers."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.views import staff_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items
from centrum.organisations.choices import LegalForm

from ..choices import AnnouncementStatus, SubscriberStatus
from ..forms import AnnouncementForm, RecipientFilterForm, ScheduleForm
from ..selectors import (
    announcement_get_for,
    announcement_list,
    announcement_reach,
    delivery_progress,
    recipient_list,
    subscriber_counts,
    subscriber_get,
    subscriber_list,
    topics_for,
)
from ..services import (
    announcement_create,
    announcement_schedule,
    announcement_update,
    attachment_url,
)
from ..workflows import ANNOUNCEMENT_STATUS, SUBSCRIBER_STATUS


@staff_required
@require_GET
def announcements(request: HttpRequest) -> HttpResponse:
    page = paginate(
        request,
        announcement_list(centre=request.centre),
        per_page=request.centre_settings["newsletter.per_page"],
    )
    return render(
        request,
        "newsletter/announcements.html",
        {"page": page, "subscribers": subscriber_counts(centre=request.centre)},
    )


def _form_data(form: AnnouncementForm) -> dict:
    return {**form.cleaned_data, "districts": form.cleaned_data.get("districts") or []}


@staff_required
@require_http_methods(["GET", "POST"])
def announcement_new(request: HttpRequest) -> HttpResponse:
    form = AnnouncementForm(request.POST or None, request.FILES or None, centre=request.centre)
    if request.method == "POST" and form.is_valid():
        try:
            announcement = announcement_create(
                centre=request.centre, actor=request.user, data=_form_data(form)
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano szkic. Sprawdź podgląd i liczbę odbiorców, potem wyślij."))
            return redirect(announcement)
    status = 400 if form.errors else 200
    return render(request, "newsletter/announcement_form.html", {"form": form}, status=status)


@staff_required
@require_http_methods(["GET", "POST"])
def announcement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = announcement_get_for(centre=request.centre, user=request.user, pk=pk)
    if announcement.status != AnnouncementStatus.DRAFT:
        messages.error(request, _("Zmieniać można tylko szkic."))
        return redirect(announcement)
    initial = {
        "subject": announcement.subject,
        "body": announcement.body,
        "areas": [a.code for a in announcement.areas.all()],
        "districts": [d.pk for d in announcement.districts.all()],
        "legal_forms": announcement.legal_forms,
        "opp": announcement.opp,
    }
    form = AnnouncementForm(
        request.POST or None,
        request.FILES or None,
        centre=request.centre,
        initial=initial,
        has_attachment=bool(announcement.attachment),
    )
    if request.method == "POST" and form.is_valid():
        try:
            announcement_update(announcement=announcement, actor=request.user, data=_form_data(form))
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano zmiany."))
            return redirect(announcement)
    status = 400 if form.errors else 200
    return render(
        request,
        "newsletter/announcement_form.html",
        {"form": form, "announcement": announcement},
        status=status,
    )


def _detail(request: HttpRequest, announcement, *, schedule_form=None, status: int = 200):
    draft = announcement.status == AnnouncementStatus.DRAFT
    return render(
        request,
        "newsletter/announcement_detail.html",
        {
            "announcement": announcement,
            "reach": announcement_reach(announcement=announcement)
            if draft or announcement.status == AnnouncementStatus.SCHEDULED
            else None,
            "progress": None if draft else delivery_progress(announcement=announcement),
            "actions": workflow_action_items(
                announcement, request.user, workflow=ANNOUNCEMENT_STATUS, url_name="newsletter:action"
            ),
            "schedule_form": schedule_form or (ScheduleForm() if draft else None),
            "attachment_url": attachment_url(announcement),
            "legal_forms": [LegalForm(f).label for f in announcement.legal_forms if f in LegalForm.values],
        },
        status=status,
    )


@staff_required
@require_GET
def announcement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, announcement_get_for(centre=request.centre, user=request.user, pk=pk))


class AnnouncementActionView(WorkflowActionView):
    workflow = ANNOUNCEMENT_STATUS
    form_actions = frozenset({"schedule"})

    def load(self, request: HttpRequest, pk: int):
        return announcement_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        if transition.action != "schedule":
            return super().perform(request, obj, transition, reason)
        form = ScheduleForm(request.POST)
        if not form.is_valid():
            field, errors = next(iter(form.errors.items()))
            raise ApplicationError(errors[0], field=field if field != "__all__" else None)
        return announcement_schedule(announcement=obj, actor=request.user, when=form.when())

    def failed(self, request: HttpRequest, obj, failure):
        if failure.action != "schedule":
            return super().failed(request, obj, failure)
        form = ScheduleForm(request.POST)
        if form.is_valid():  # the form was fine: the service refused (a time in the past, an empty selection)
            form.add_error("day" if failure.field == "scheduled_for" else None, failure.message)
        return _detail(request, obj, schedule_form=form, status=400)


action = staff_required(AnnouncementActionView.as_view())


@staff_required
@require_GET
def recipients(request: HttpRequest, pk: int) -> HttpResponse:
    announcement = announcement_get_for(centre=request.centre, user=request.user, pk=pk)
    form = RecipientFilterForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_valid() else ""
    page = paginate(
        request,
        recipient_list(announcement=announcement, state=state),
        per_page=request.centre_settings["newsletter.per_page"],
    )
    return render(
        request,
        "newsletter/recipients.html",
        {
            "announcement": announcement,
            "page": page,
            "form": form,
            "progress": delivery_progress(announcement=announcement),
        },
    )


@staff_required
@require_GET
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    announcement = announcement_get_for(centre=request.centre, user=request.user, pk=pk)
    if not announcement.attachment:
        raise Http404
    return FileResponse(
        announcement.attachment.open("rb"), as_attachment=True, filename=announcement.attachment_name
    )


@staff_required
@require_GET
def subscribers(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    page = paginate(
        request,
        subscriber_list(centre=request.centre, status=status),
        per_page=request.centre_settings["newsletter.per_page"],
    )
    for subscriber in page.object_list:
        subscriber.centre = request.centre  # the permission asks for it: never a query per row
        subscriber.actions = workflow_action_items(
            subscriber, request.user, workflow=SUBSCRIBER_STATUS, url_name="newsletter:subscriber_action"
        )
    return render(
        request,
        "newsletter/subscribers.html",
        {
            "page": page,
            "status": status if status in SubscriberStatus.values else "",
            "statuses": SubscriberStatus.choices,
            "counts": subscriber_counts(centre=request.centre),
            "topics": topics_for(centre=request.centre, settings=request.centre_settings),
        },
    )


class SubscriberActionView(WorkflowActionView):
    workflow = SUBSCRIBER_STATUS

    def load(self, request: HttpRequest, pk: int):
        return subscriber_get(centre=request.centre, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        from django.urls import reverse

        return reverse("newsletter:subscribers")


subscriber_action = staff_required(SubscriberActionView.as_view())
