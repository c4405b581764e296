"""Helpers the promotion pages share."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate


def page_of(request: HttpRequest, items):
    return paginate(request, items, per_page=request.centre_settings["promotion.items_per_page"])


def logo_max_kb(request: HttpRequest) -> int:
    return request.centre_settings["promotion.logo_max_kb"]


def posted(request: HttpRequest, *, files: bool = False) -> list:
    """The form's data arguments: the POST (and its files) when posted, nothing when the page is shown."""
    if request.method != "POST":
        return []
    return [request.POST, request.FILES] if files else [request.POST]


def form_status(form) -> int:
    return 400 if form.errors else 200


def save_or_show(
    request: HttpRequest, form, *, save: Callable, done: str, template: str, context: dict
) -> HttpResponse:
    """A staff form page: a valid POST calls `save()` (one service call) and goes to the saved row with
    `done` said; a broken rule becomes a form error; otherwise the page (400 with errors)."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save()
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, done)
            return redirect(saved)
    return render(request, template, {"form": form, **context}, status=form_status(form))
