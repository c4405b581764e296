"""News: the public list and page, the RSS feed, submitting and editing, images and files, moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.links import centre_url
from centrum.core.pagination import paginate
from centrum.core.selectors import audit_list_for_object
from centrum.core.uploads import download_name, stored_file_response
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..forms import AttachmentForm, ImageForm, NewsForm, NewsSubmitForm
from ..permissions import can_edit, can_moderate
from ..selectors import (
    news_attachment_get_for,
    news_get_for,
    news_image_get_for,
    news_list_public,
    submissions_of,
    to_moderate,
)
from ..services import (
    news_attachment_add,
    news_attachment_remove,
    news_create,
    news_image_add,
    news_image_remove,
    news_update,
)
from ..workflows import NEWS_STATUS
from .common import can_submit, filters, form_kwargs, submission_limited


@centre_required
@require_GET
def news_list(request: HttpRequest) -> HttpResponse:
    form = filters(request)
    items = news_list_public(
        centre=request.centre, organisation=form.value("organizacja"), area=form.value("dziedzina")
    )
    page = paginate(request, items, per_page=centre_setting(request.centre, "news.per_page"))
    return render(
        request, "news/news_list.html", {"page": page, "filters": form, "can_submit": can_submit(request)}
    )


@centre_required
@require_GET
def news_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = news_get_for(centre=request.centre, user=request.user, pk=pk)
    return _detail(request, item)


def _detail(request, item, *, image_form=None, attachment_form=None, status: int = 200) -> HttpResponse:
    editable = can_edit(request.user, item)
    moderator = can_moderate(request.user, request.centre)
    context = {
        "item": item,
        "images": list(item.images.all()),
        "attachments": list(item.attachments.all()),
        "editable": editable,
        "image_form": image_form or (ImageForm() if editable else None),
        "attachment_form": attachment_form or (AttachmentForm() if editable else None),
        "workflow_actions": workflow_action_items(
            item, request.user, workflow=NEWS_STATUS, url_name="news:action"
        ),
        "audit_entries": audit_list_for_object(centre=request.centre, obj=item)[:30] if moderator else [],
    }
    return render(request, "news/news_detail.html", context, status=status)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def news_new(request: HttpRequest) -> HttpResponse:
    kwargs = form_kwargs(request)
    if not kwargs["staff"] and not kwargs["organisations"].exists():
        raise PermissionDenied
    form = NewsSubmitForm(request.POST or None, request.FILES or None, **kwargs)
    if request.method == "POST" and form.is_valid() and not submission_limited(request):
        try:
            item = news_create(centre=request.centre, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(
                request,
                _("Opublikowano aktualność.")
                if item.status == "published"
                else _("Dziękujemy! Aktualność czeka na moderację – dostaniesz e-mail z decyzją."),
            )
            return redirect(item)
    status = 400 if request.method == "POST" else 200
    return render(request, "news/news_form.html", {"form": form, "item": None}, status=status)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def news_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = news_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_edit(request.user, item):
        raise PermissionDenied
    initial = {
        "title": item.title,
        "lead": item.lead,
        "body": item.body,
        "organisation": item.organisation_id,
    }
    form = NewsForm(request.POST or None, initial=initial, **form_kwargs(request))
    form.fields["organisation"].disabled = True
    form.fields["organisation"].required = False
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("title", "lead", "body")}
        try:
            news_update(item=item, actor=request.user, **data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano zmiany."))
            return redirect(item)
    status = 400 if request.method == "POST" else 200
    return render(request, "news/news_form.html", {"form": form, "item": item}, status=status)


def _add_to(request: HttpRequest, pk: int, *, form_class, add, done: str, form_name: str) -> HttpResponse:
    """An image or a file posted from the item's page: stored, or the page again with the error at its field."""
    item = news_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_edit(request.user, item):
        raise PermissionDenied
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            add(item, form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, done)
            return redirect(item)
    return _detail(request, item, status=400, **{form_name: form})


def _remove(request: HttpRequest, row, remove, done: str) -> HttpResponse:
    try:
        remove(row)
    except ApplicationError as exc:
        raise PermissionDenied(exc.message) from exc
    messages.success(request, done)
    return redirect(row.news)


@login_required
@centre_required
@require_POST
def image_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_to(
        request,
        pk,
        form_class=ImageForm,
        add=lambda item, data: news_image_add(item=item, actor=request.user, **data),
        done=_("Dodano zdjęcie."),
        form_name="image_form",
    )


@login_required
@centre_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_to(
        request,
        pk,
        form_class=AttachmentForm,
        add=lambda item, data: news_attachment_add(item=item, actor=request.user, upload=data["attachment"]),
        done=_("Dodano załącznik."),
        form_name="attachment_form",
    )


@centre_required
@require_GET
def image_file(request: HttpRequest, pk: int) -> HttpResponse:
    """An image of a news item, to whoever may see the item (the public once it is published; the
    organisation and staff while it waits): uploads are never reachable by their storage address."""
    image = news_image_get_for(centre=request.centre, user=request.user, pk=pk)
    return stored_file_response(image.image, filename=image.image.name.rsplit("/", 1)[-1])


@centre_required
@require_GET
def attachment_file(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = news_attachment_get_for(centre=request.centre, user=request.user, pk=pk)
    return stored_file_response(
        attachment.file, filename=download_name(attachment.file, attachment.name), as_attachment=True
    )


@login_required
@centre_required
@require_POST
def image_remove(request: HttpRequest, pk: int) -> HttpResponse:
    image = news_image_get_for(centre=request.centre, user=request.user, pk=pk)
    return _remove(
        request, image, lambda row: news_image_remove(image=row, actor=request.user), _("Usunięto zdjęcie.")
    )


@login_required
@centre_required
@require_POST
def attachment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = news_attachment_get_for(centre=request.centre, user=request.user, pk=pk)
    return _remove(
        request,
        attachment,
        lambda row: news_attachment_remove(attachment=row, actor=request.user),
        _("Usunięto załącznik."),
    )


class NewsActionView(WorkflowActionView):
    workflow = NEWS_STATUS

    def load(self, request: HttpRequest, pk: int):
        return news_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()


action = centre_required(NewsActionView.as_view())


@login_required
@centre_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "news/mine.html",
        {
            **submissions_of(centre=request.centre, user=request.user),
            "can_submit": form_kwargs(request)["organisations"].exists()
            or can_moderate(request.user, request.centre),
        },
    )


@staff_required
@require_GET
def moderation(request: HttpRequest) -> HttpResponse:
    queue = to_moderate(centre=request.centre)
    return render(request, "news/moderation.html", queue)


class NewsFeed(Feed):
    """RSS 2.0 of the centre's published news (Django's syndication framework)."""

    def __call__(self, request, *args, **kwargs):
        if getattr(request, "centre", None) is None:
            raise Http404
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        centre = self.request.centre
        return _("%(centre)s – aktualności") % {"centre": centre.short_name or centre.name}

    def link(self):
        return reverse("news:list")

    def description(self):
        return _("Aktualności centrum i organizacji pozarządowych.")

    def items(self):
        centre = self.request.centre
        return news_list_public(centre=centre)[: centre_setting(centre, "news.feed_items")]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.organisation.name if item.organisation_id else self.request.centre.name

    def item_guid(self, item):
        return centre_url(self.request.centre, item.get_absolute_url())


feed = NewsFeed()
