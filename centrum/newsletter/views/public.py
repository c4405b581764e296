"""Anyone's pages: the subscription form (spam-checked, rate-limited) and the pages behind the mailed
links (confirm, manage, unsubscribe, an announcement's attachment). A link is the credential: no account."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.antispam import client_address, rate_limited
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.views import centre_required

from ..choices import SubscriberStatus
from ..forms import SubscribeForm, TopicsForm
from ..selectors import subscriptions_of, topics_for
from ..services import (
    CONFIRM,
    MANAGE,
    UNSUBSCRIBE,
    announcement_from_attachment_token,
    announcements_resume,
    announcements_stop,
    announcements_stopped,
    stop_address_from_token,
    subscribe,
    subscriber_confirm,
    subscriber_from_token,
    subscriber_token,
    subscriber_unsubscribe,
    subscriber_update,
)


def _topics(request: HttpRequest):
    return topics_for(centre=request.centre, settings=request.centre_settings)


@centre_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    topics = _topics(request)
    form = SubscribeForm(request.POST or None, topics=topics)
    if request.method == "POST" and form.is_valid():
        limit = request.centre_settings["newsletter.subscribe_per_hour"]
        if rate_limited(
            f"newsletter:{request.centre.pk}:{client_address(request)}", limit=limit, window=3600
        ):
            form.add_error(None, _("Za dużo zapisów z tego adresu. Spróbuj ponownie za godzinę."))
        else:
            try:
                subscribe(
                    centre=request.centre,
                    email=form.cleaned_data["email"],
                    topics=form.chosen_topics(),
                    frequency=form.cleaned_data["frequency"],
                )
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                return redirect("newsletter:subscribed")
    status = 400 if form.errors else 200
    return render(request, "newsletter/index.html", {"form": form, "topics": topics}, status=status)


@centre_required
@require_GET
def subscribed(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/subscribed.html")


def _subscriber(request: HttpRequest, token: str, purpose: str):
    """The link's subscriber, or the page explaining why the link does not work (None: a 404)."""
    try:
        subscriber = subscriber_from_token(centre=request.centre, token=token, purpose=purpose)
    except ApplicationError as exc:
        return None, render(request, "newsletter/link_refused.html", {"message": exc.message}, status=400)
    if subscriber is None:
        raise Http404
    return subscriber, None


@centre_required
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners open links; only a person confirms), POST confirms."""
    subscriber, refused = _subscriber(request, token, CONFIRM)
    if refused:
        return refused
    if request.method == "POST" and subscriber.status == SubscriberStatus.PENDING:
        try:
            subscriber = subscriber_confirm(subscriber=subscriber)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Dziękujemy! Zapis jest potwierdzony."))
            return redirect("newsletter:manage", token=_manage_token(subscriber))
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


def _manage_token(subscriber) -> str:
    return subscriber_token(subscriber, MANAGE)


@centre_required
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    subscriber, refused = _subscriber(request, token, MANAGE)
    if refused:
        return refused
    topics = _topics(request)
    chosen = subscriptions_of(subscriber=subscriber)
    initial = {
        "topics": list(chosen),
        "areas": sorted({code for fields in chosen.values() for code in fields}),
        "frequency": subscriber.frequency,
    }
    form = TopicsForm(request.POST or None, topics=topics, initial=initial)
    active = subscriber.status != SubscriberStatus.UNSUBSCRIBED
    if request.method == "POST" and active and form.is_valid():
        try:
            subscriber_update(
                subscriber=subscriber, topics=form.chosen_topics(), frequency=form.cleaned_data["frequency"]
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano ustawienia subskrypcji."))
            return redirect(request.path)
    return render(
        request,
        "newsletter/manage.html",
        {
            "subscriber": subscriber,
            "form": form if active else None,
            "unsubscribe_url": reverse(
                "newsletter:unsubscribe", args=[subscriber_token(subscriber, UNSUBSCRIBE)]
            ),
        },
        status=400 if form.errors else 200,
    )


@csrf_exempt  # RFC 8058 one-click: the mail program POSTs without our form; the signed token is the credential
@centre_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscriber, refused = _subscriber(request, token, UNSUBSCRIBE)
    if refused:
        return refused
    if request.method == "POST":
        subscriber = subscriber_unsubscribe(subscriber=subscriber)
    return render(
        request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "done": request.method == "POST"}
    )


@centre_required
@require_GET
def attachment(request: HttpRequest, token: str) -> HttpResponse:
    try:
        announcement = announcement_from_attachment_token(centre=request.centre, token=token)
    except ApplicationError as exc:
        return render(request, "newsletter/link_refused.html", {"message": exc.message}, status=400)
    if announcement is None:
        raise Http404
    return FileResponse(
        announcement.attachment.open("rb"), as_attachment=True, filename=announcement.attachment_name
    )


@centre_required
@csrf_exempt  # the mail client's one-click POST (RFC 8058) carries no CSRF token; the signed link is the proof
@require_http_methods(["GET", "POST"])
def stop(request: HttpRequest, token: str) -> HttpResponse:
    """The link at the foot of an announcement: no more announcements to this address (POST, one click from
    the mail client or the button), or again (POST `resume`)."""
    try:
        email = stop_address_from_token(centre=request.centre, token=token)
    except ApplicationError as exc:
        return render(request, "newsletter/link_refused.html", {"message": exc.message}, status=400)
    if email is None:
        raise Http404
    if request.method == "POST":
        if request.POST.get("resume"):
            announcements_resume(centre=request.centre, email=email)
        else:
            announcements_stop(centre=request.centre, email=email)
    stopped = announcements_stopped(centre=request.centre, email=email)
    return render(request, "newsletter/stop.html", {"email": email, "stopped": stopped})
